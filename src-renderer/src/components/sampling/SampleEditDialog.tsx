import { Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { SampleView } from '../../../../src-main/sampling/sampling-contract';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { FormDialog } from '../common/FormDialog';
import { DateField } from '../dates/DateField';
import type { SampleEdit } from './PlanParts';

/** Moves a planned sample to a new date, or takes it out of the plan with the reason why. */
export function SampleEditDialog({
  planId,
  kind,
  sample,
  onClose,
  onChanged,
}: {
  planId: string;
  kind: SampleEdit;
  sample: SampleView;
  onClose: () => void;
  onChanged: () => void;
}) {
  const reschedule = kind === 'reschedule';
  const [text, setText] = useState(reschedule ? sample.plannedDate : '');
  const { busy, run } = useAction();
  async function apply() {
    const done = await run(
      () =>
        reschedule
          ? call('sampling:reschedule-sample', { planId, sampleId: sample.id, plannedDate: text })
          : call('sampling:remove-sample', { planId, sampleId: sample.id, reason: text }),
      reschedule
        ? { done: 'Sample rescheduled.', failed: 'The sample was not rescheduled' }
        : { done: 'Sample taken out of the plan.', failed: 'The sample was not removed' },
    );
    if (!done) return;
    onClose();
    onChanged();
  }
  return (
    <FormDialog
      title={reschedule ? 'Reschedule the sample' : 'Take the sample out of the plan'}
      onClose={onClose}
      onSubmit={() => void apply()}
      submit={reschedule ? 'Reschedule' : 'Remove'}
      busy={busy}
      disabled={!text.trim()}
      closeLabel="Close"
    >
      <Text size="sm">
        {sample.learnerName}, {sample.unitTitle}
      </Text>
      {reschedule ? (
        <DateField label="New planned date" value={text} onChange={setText} />
      ) : (
        <TextInput
          label="Why it is taken out"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
      )}
    </FormDialog>
  );
}
