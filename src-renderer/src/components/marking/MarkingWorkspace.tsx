import { Stack } from '@mantine/core';
import { useDeferredValue, useMemo, useState } from 'react';
import type { MarkingView, TargetView } from '../../../../src-main/decision/decision-views';
import type { DecisionStatus } from '../../../../src-main/decision/marking-types';
import { useOperation } from '../../api/use-operation';
import { Loading } from '../Loading';
import { EvidenceChooser } from './EvidenceChooser';
import { ShortcutsHelp } from './ShortcutsHelp';
import { MarkingHeader } from './MarkingHeader';
import { DetailPane, MarkingPanes, UnitNotices, UnitPanels } from './MarkingPanes';
import { useMarkingSelection, useWorkspaceKeys } from './use-marking-selection';
import { useMarkingDecisions } from './use-marking-decisions';
import { countTargets } from './count-targets';

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
  const decisions = useMarkingDecisions(loaded, readOnly, reload);
  const { view, canChange, setError } = decisions;
  const targets = useMemo(() => new Map(view.targets.map((t) => [t.key, t])), [view.targets]);
  const selection = useMarkingSelection(view.targets, targets, setError);
  const { selected, select, openEvidenceId, setOpenEvidenceId } = selection;
  const [mapping, setMapping] = useState(false);
  const [help, setHelp] = useState(false);
  const [assessmentDate, setAssessmentDate] = useState(view.today);
  // The outline's highlight moves at once; the detail pane follows in a render React may split.
  const shownInDetail = useDeferredValue(selected);

  const decide = (status: DecisionStatus, target: TargetView | null = selected) =>
    void decisions.decide(status, target, assessmentDate);
  async function step(direction: 'undo' | 'redo') {
    const key = await decisions.step(direction);
    if (key) select(key);
  }
  async function saveMapping(target: TargetView, ids: string[]) {
    if (await decisions.saveMapping(target, ids)) setMapping(false);
  }

  useWorkspaceKeys({
    ...selection,
    decide: (st) => decide(st),
    step: (d) => void step(d),
    mapEvidence: () => {
      if (canChange) setMapping(true);
    },
    help: () => setHelp(true),
    paused: mapping || help,
  });

  return (
    <Stack data-testid="marking-workspace">
      <MarkingHeader
        view={view}
        counts={countTargets(view.targets)}
        locked={decisions.locked}
        canChange={canChange}
        onStep={(direction) => void step(direction)}
        onHelp={() => setHelp(true)}
      />
      <UnitNotices view={view} readOnly={readOnly} reload={reload} />
      <MarkingPanes
        view={view}
        targets={targets}
        selectedKey={selected?.key ?? null}
        onSelect={select}
      >
        <DetailPane
          target={shownInDetail}
          decisions={decisions}
          readOnly={readOnly}
          assessmentDate={assessmentDate}
          onAssessmentDate={setAssessmentDate}
          openEvidenceId={openEvidenceId}
          onOpenEvidence={setOpenEvidenceId}
          onDecide={decide}
          onMapEvidence={() => setMapping(true)}
        />
      </MarkingPanes>
      <UnitPanels decisions={decisions} readOnly={readOnly} reload={reload} />
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
