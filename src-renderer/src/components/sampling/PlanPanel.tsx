import { Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import type { PlanView, SampleView } from '../../../../src-main/sampling/sampling-contract';
import { useOperation } from '../../api/use-operation';
import { useAddressValue } from '../../api/address';
import { Loading } from '../Loading';
import { AddSample } from './AddSample';
import { LeftOut } from './LeftOut';
import {
  CoverageGaps,
  PlanReportButtons,
  PlanSummary,
  RemovedSamples,
  SampleRowActions,
  type SampleEdit,
} from './PlanParts';
import { SampleEditDialog } from './SampleEditDialog';
import { SampleReview } from './SampleReview';
import { SavedReports } from './SavedReports';
import { SampleTable } from './SampleTable';

type Editing = { kind: SampleEdit; sample: SampleView } | null;

/** One saved plan: its samples with their reasons, the gaps, and the IQA's changes to it. */
export function PlanPanel({
  planId,
  canEdit,
  onChanged,
}: {
  planId: string;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const state = useOperation('sampling:get-plan', { planId });
  const [savedGeneration, setSavedGeneration] = useState(0);
  const changed = () => {
    state.reload();
    setSavedGeneration((g) => g + 1);
    onChanged();
  };
  return (
    <Loading state={state} label="The sampling plan">
      {(plan) => (
        <PlanBody
          plan={plan}
          canEdit={canEdit}
          savedGeneration={savedGeneration}
          onReportSaved={() => setSavedGeneration((g) => g + 1)}
          changed={changed}
        />
      )}
    </Loading>
  );
}

function PlanBody({
  plan,
  canEdit,
  savedGeneration,
  onReportSaved,
  changed,
}: {
  plan: PlanView;
  canEdit: boolean;
  savedGeneration: number;
  onReportSaved: () => void;
  changed: () => void;
}) {
  // The sample open for review is in the address, so it survives a reload and Back closes it.
  const [openedId, setOpenedId] = useAddressValue('sample');
  const [editing, setEditing] = useState<Editing>(null);
  const opened = plan.samples.find((s) => s.id === openedId);
  return (
    <Stack data-testid="sampling-plan">
      <PlanSummary plan={plan} />
      <PlanReportButtons planId={plan.id} canSign={canEdit} onSaved={onReportSaved} />
      <CoverageGaps gaps={plan.coverage.gaps} sayWhenNone />
      <SampleTable
        samples={plan.samples}
        caption="Samples in this plan"
        actions={(s) => (
          <SampleRowActions
            sample={s}
            canEdit={canEdit}
            onOpen={() => setOpenedId(s.id)}
            onEdit={(kind) => setEditing({ kind, sample: s })}
          />
        )}
      />
      <LeftOut leftOut={plan.leftOut} />
      {canEdit && <AddSample plan={plan} onAdded={changed} />}
      <RemovedSamples removed={plan.removed} />
      <SavedReports plan={plan} generation={savedGeneration} />
      {editing && (
        <SampleEditDialog
          planId={plan.id}
          kind={editing.kind}
          sample={editing.sample}
          onClose={() => setEditing(null)}
          onChanged={changed}
        />
      )}
      <Modal
        opened={opened !== undefined}
        onClose={() => setOpenedId(null)}
        closeButtonProps={{ 'aria-label': 'Close the sample' }}
        size="90%"
        title={opened ? `Sample: ${opened.learnerName}, ${opened.unitTitle}` : ''}
      >
        {opened && (
          <SampleReview
            planId={plan.id}
            sampleId={opened.id}
            today={plan.today}
            onSaved={changed}
          />
        )}
      </Modal>
    </Stack>
  );
}
