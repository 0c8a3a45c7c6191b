import { Alert, Box, Paper, Stack } from '@mantine/core';
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { moveTo } from '../../api/address';
import type {
  MarkingUpdate,
  MarkingView,
  TargetView,
} from '../../../../src-main/decision/decision-views';
import type { DecisionStatus } from '../../../../src-main/decision/marking-types';
import { call } from '../../api/client';
import { notifyDone, notifyError } from '../../api/notify';
import { useOperation } from '../../api/use-operation';
import { Loading } from '../Loading';
import { CriterionDetail, lockedReason } from './CriterionDetail';
import { EvidenceChooser } from './EvidenceChooser';
import { GapsPanel } from './GapsPanel';
import { Outline } from './Outline';
import { ShortcutsHelp } from './ShortcutsHelp';
import { ActionPointsNotice } from './ActionPointsNotice';
import { ConflictsPanel } from './ConflictsPanel';
import { SignOffPanel } from './SignOffPanel';
import { UnitFeedbackPanel } from './UnitFeedbackPanel';
import { MarkingHeader } from './MarkingHeader';
import { useMarkingKeys } from './use-marking-keys';
import { countTargets } from './count-targets';
import { criterionKey } from '../../../../src-main/kernel/criterion-key';

interface Props {
  learnerId: string;
  unitId: string;
  readOnly: boolean;
}

/** Marking one learner's unit, criterion by criterion; every decision saves as it is made. */
export function MarkingWorkspace({ learnerId, unitId, readOnly }: Props) {
  const state = useOperation('decision:workspace', { learnerId, unitId });
  return (
    <Loading state={state} label="The marking workspace">
      {(view) => <Workspace view={view} readOnly={readOnly} reload={state.reload} />}
    </Loading>
  );
}

function Workspace({
  view: loaded,
  readOnly,
  reload,
}: {
  view: MarkingView;
  readOnly: boolean;
  reload: () => void;
}) {
  // A decision, undo or redo answers what it changed; applied here, with no second round trip.
  const [changed, setChanged] = useState<{ on: MarkingView; update: MarkingUpdate } | null>(null);
  const view = useMemo(
    () => (changed?.on === loaded ? { ...loaded, ...changed.update } : loaded),
    [changed, loaded],
  );
  const apply = (update: MarkingUpdate) => setChanged({ on: loaded, update });
  const targets = useMemo(() => new Map(view.targets.map((t) => [t.key, t])), [view.targets]);
  const evidence = useMemo(() => new Map(view.evidence.map((e) => [e.id, e])), [view.evidence]);
  const order = view.targets;
  // The criterion or part shown is in the address (&criterion=9.1|b), so a reload returns to it.
  const [selectedKey, setSelectedKey] = useState<string | null>(
    () => new URLSearchParams(window.location.search).get('criterion') ?? order[0]?.key ?? null,
  );
  const [openEvidenceId, setOpenEvidenceId] = useState<string | null>(null);
  const [mapping, setMapping] = useState(false);
  const [help, setHelp] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [assessmentDate, setAssessmentDate] = useState(view.today);
  const selected = (selectedKey && targets.get(selectedKey)) || order[0] || null;
  // The outline's highlight moves at once; the detail pane follows in a render React may split.
  const shownInDetail = useDeferredValue(selected);
  const locked = view.signOff.locked;
  const canChange = !readOnly && !locked;
  const base = { learnerId: view.learner.id, unitId: view.unit.id };

  const select = useCallback((key: string) => {
    setSelectedKey(key);
    moveTo({ criterion: key }, { replace: true, quiet: true });
    setOpenEvidenceId(null);
    setError(null);
  }, []);
  const move = (by: number) => {
    const at = order.findIndex((t) => t.key === selected?.key);
    const next = order[Math.min(order.length - 1, Math.max(0, at + by))];
    if (next) select(next.key);
  };

  // Decisions, feedback and undo go to the workbench one after another, in the order made, so
  // an undo pressed just after leaving a feedback box undoes that feedback, not what came before.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  function inTurn<T>(job: () => Promise<T>): Promise<T> {
    const next = queue.current.then(job, job);
    queue.current = next.catch(() => undefined);
    return next;
  }

  async function record(
    target: TargetView,
    change: { outcome: DecisionStatus; decidedOn?: string; feedback?: string },
  ) {
    setError(null);
    try {
      const answer = await inTurn(() =>
        call('decision:record', {
          ...base,
          criterionRef: target.criterionRef,
          partRef: target.partRef,
          ...change,
        }),
      );
      apply(answer.update);
      return true;
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      return false;
    }
  }

  async function decide(status: DecisionStatus, target: TargetView | null = selected) {
    if (!target || !canChange) return;
    await record(target, { outcome: status, decidedOn: assessmentDate });
  }

  async function step(direction: 'undo' | 'redo') {
    if (!canChange) return;
    setError(null);
    try {
      const what = view.history[direction];
      const stepped = await inTurn(() => call(`decision:${direction}`, base));
      apply(stepped.update);
      if (what) notifyDone(`${direction === 'undo' ? 'Undone' : 'Redone'}: ${what}.`);
      select(criterionKey(stepped.criterionRef, stepped.partRef));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  async function saveMapping(target: TargetView, evidenceIds: string[]) {
    try {
      await call('mapping:set-for-criterion', {
        ...base,
        criterionRef: target.criterionRef,
        partRef: target.partRef,
        evidenceIds,
      });
      setMapping(false);
      reload();
    } catch (failure) {
      notifyError('The mapping was not saved', failure);
    }
  }

  const learnerId = view.learner.id;
  const unitId = view.unit.id;
  const saveUnitFeedback = useCallback(
    (change: { feedback?: string; learnerComments?: string }) =>
      void call('decision:set-unit-feedback', { learnerId, unitId, ...change })
        .then(reload)
        .catch((failure: unknown) => notifyError('The feedback was not saved', failure)),
    [learnerId, unitId, reload],
  );

  const focus = (id: string) => {
    const el = document.getElementById(id);
    el?.scrollIntoView({ block: 'center' });
    el?.focus();
  };

  useMarkingKeys(
    {
      next: () => move(1),
      previous: () => move(-1),
      decide: (s) => void decide(s),
      undo: () => void step('undo'),
      redo: () => void step('redo'),
      feedback: () => focus('criterion-feedback'),
      openEvidence: () => {
        if (!selected?.evidenceIds.length) return;
        const at = openEvidenceId ? selected.evidenceIds.indexOf(openEvidenceId) : -1;
        setOpenEvidenceId(selected.evidenceIds[(at + 1) % selected.evidenceIds.length] ?? null);
      },
      mapEvidence: () => {
        if (canChange) setMapping(true);
      },
      unitFeedback: () => focus('unit-feedback-text'),
      signOff: () => {
        const panel = document.getElementById('sign-off');
        panel?.scrollIntoView({ block: 'start' });
        panel?.querySelector<HTMLElement>('button, textarea')?.focus();
      },
      help: () => setHelp(true),
    },
    mapping || help,
  );

  const counts = countTargets(order);
  return (
    <Stack data-testid="marking-workspace">
      <MarkingHeader
        view={view}
        counts={counts}
        locked={locked}
        canChange={canChange}
        onStep={(direction) => void step(direction)}
        onHelp={() => setHelp(true)}
      />
      <ActionPointsNotice learnerId={view.learner.id} unitId={view.unit.id} />
      <ConflictsPanel view={view} readOnly={readOnly} onChanged={reload} />
      <Box
        style={{
          display: 'flex',
          gap: 'var(--mantine-spacing-md)',
          alignItems: 'flex-start',
          flexWrap: 'wrap',
        }}
      >
        <Box style={{ flex: '5 1 380px', minWidth: 0 }}>
          {/* A plain scrolling box: a ScrollArea's context would be re-sent through every row on each key. */}
          <Paper
            withBorder
            p="xs"
            mah="70vh"
            style={{ overflowY: 'auto', contain: 'content' }}
            tabIndex={0}
            aria-label="Criteria of the unit"
          >
            <Outline
              outline={view.outline}
              targets={targets}
              selectedKey={selected?.key ?? null}
              onSelect={select}
            />
          </Paper>
        </Box>
        <Box style={{ flex: '7 1 480px', minWidth: 0 }}>
          <Paper withBorder p="md" style={{ contain: 'content' }}>
            {shownInDetail ? (
              <CriterionDetail
                learnerId={view.learner.id}
                target={shownInDetail}
                evidence={evidence}
                guidance={view.unit.guidance}
                locked={locked}
                readOnly={readOnly}
                assessmentDate={assessmentDate}
                onAssessmentDate={setAssessmentDate}
                openEvidenceId={openEvidenceId}
                onOpenEvidence={setOpenEvidenceId}
                onDecide={(s) => void decide(s, shownInDetail)}
                onFeedback={(text) =>
                  void record(shownInDetail, {
                    outcome: shownInDetail.status,
                    ...(shownInDetail.decidedOn ? { decidedOn: shownInDetail.decidedOn } : {}),
                    feedback: text,
                  })
                }
                onMapEvidence={() => setMapping(true)}
                onUnmap={(id) =>
                  void saveMapping(
                    shownInDetail,
                    shownInDetail.evidenceIds.filter((e) => e !== id),
                  )
                }
                error={error}
              />
            ) : (
              <Alert>This unit has no criteria.</Alert>
            )}
          </Paper>
        </Box>
      </Box>
      {/* Below the fold: skipped when the page is laid out for each key press, until scrolled to. */}
      <Box style={{ contentVisibility: 'auto', containIntrinsicSize: 'auto 1200px' }}>
        <Stack>
          <UnitFeedbackPanel
            feedback={view.unitFeedback}
            learnerComments={view.learnerComments}
            disabled={!canChange}
            disabledReason={lockedReason(locked, readOnly)}
            onSave={saveUnitFeedback}
          />
          <GapsPanel gaps={view.gaps} />
          <SignOffPanel view={view} readOnly={readOnly} onChanged={reload} />
        </Stack>
      </Box>
      {mapping && selected && (
        <EvidenceChooser
          label={selected.label}
          evidence={view.evidence}
          current={selected.evidenceIds}
          onClose={() => setMapping(false)}
          onSave={(ids) => void saveMapping(selected, ids)}
        />
      )}
      {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
    </Stack>
  );
}
