import { Alert, Box, Paper, Stack } from '@mantine/core';
import { useMemo } from 'react';
import type { MarkingView, TargetView } from '../../../../src-main/decision/decision-views';
import type { DecisionStatus } from '../../../../src-main/decision/marking-types';
import { ActionPointsNotice } from './ActionPointsNotice';
import { ConflictsPanel } from './ConflictsPanel';
import { CriterionDetail, lockedReason } from './CriterionDetail';
import { GapsPanel } from './GapsPanel';
import { Outline } from './Outline';
import { SignOffPanel } from './SignOffPanel';
import { UnitFeedbackPanel } from './UnitFeedbackPanel';
import type { useMarkingDecisions } from './use-marking-decisions';

type Decisions = ReturnType<typeof useMarkingDecisions>;

/** The unit's criteria, beside the one chosen: the outline on the left, the detail on the right. */
export function MarkingPanes({
  view,
  targets,
  selectedKey,
  onSelect,
  children,
}: {
  view: MarkingView;
  targets: Map<string, TargetView>;
  selectedKey: string | null;
  onSelect: (key: string) => void;
  children: React.ReactNode;
}) {
  return (
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
            selectedKey={selectedKey}
            onSelect={onSelect}
          />
        </Paper>
      </Box>
      <Box style={{ flex: '7 1 480px', minWidth: 0 }}>
        <Paper withBorder p="md" style={{ contain: 'content' }}>
          {children}
        </Paper>
      </Box>
    </Box>
  );
}

/** The criterion shown in detail, wired to the decisions; or a word that there is none. */
export function DetailPane({
  target,
  decisions,
  readOnly,
  assessmentDate,
  onAssessmentDate,
  openEvidenceId,
  onOpenEvidence,
  onDecide,
  onMapEvidence,
}: {
  target: TargetView | null;
  decisions: Decisions;
  readOnly: boolean;
  assessmentDate: string;
  onAssessmentDate: (date: string) => void;
  openEvidenceId: string | null;
  onOpenEvidence: (id: string | null) => void;
  onDecide: (status: DecisionStatus, target: TargetView) => void;
  onMapEvidence: () => void;
}) {
  const { view } = decisions;
  const evidence = useMemo(() => new Map(view.evidence.map((e) => [e.id, e])), [view.evidence]);
  if (!target) return <Alert>This unit has no criteria.</Alert>;
  return (
    <CriterionDetail
      learnerId={view.learner.id}
      target={target}
      evidence={evidence}
      guidance={view.unit.guidance}
      locked={decisions.locked}
      readOnly={readOnly}
      assessmentDate={assessmentDate}
      onAssessmentDate={onAssessmentDate}
      openEvidenceId={openEvidenceId}
      onOpenEvidence={onOpenEvidence}
      onDecide={(s) => onDecide(s, target)}
      onFeedback={(text) =>
        void decisions.record(target, {
          outcome: target.status,
          ...(target.decidedOn ? { decidedOn: target.decidedOn } : {}),
          feedback: text,
        })
      }
      onMapEvidence={onMapEvidence}
      onUnmap={(id) =>
        void decisions.saveMapping(
          target,
          target.evidenceIds.filter((e) => e !== id),
        )
      }
      error={decisions.error}
    />
  );
}

/** The unit as a whole, below the criteria: its feedback, what is still missing and sign-off. */
export function UnitPanels({
  decisions,
  readOnly,
  reload,
}: {
  decisions: Decisions;
  readOnly: boolean;
  reload: () => void;
}) {
  const { view } = decisions;
  return (
    // Below the fold: skipped when the page is laid out for each key press, until scrolled to.
    <Box style={{ contentVisibility: 'auto', containIntrinsicSize: 'auto 1200px' }}>
      <Stack>
        <UnitFeedbackPanel
          feedback={view.unitFeedback}
          learnerComments={view.learnerComments}
          disabled={!decisions.canChange}
          disabledReason={lockedReason(decisions.locked, readOnly)}
          onSave={decisions.saveUnitFeedback}
        />
        <GapsPanel gaps={view.gaps} />
        <SignOffPanel view={view} readOnly={readOnly} onChanged={reload} />
      </Stack>
    </Box>
  );
}

/** What to know before marking: action points the IQA set, and decisions made on two machines. */
export function UnitNotices({
  view,
  readOnly,
  reload,
}: {
  view: MarkingView;
  readOnly: boolean;
  reload: () => void;
}) {
  return (
    <>
      <ActionPointsNotice learnerId={view.learner.id} unitId={view.unit.id} />
      <ConflictsPanel view={view} readOnly={readOnly} onChanged={reload} />
    </>
  );
}
