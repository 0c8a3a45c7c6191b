import { Button, Card, Group, Select, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { PlanView } from '../../../../src-main/sampling/sampling-contract';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { DateField } from '../dates/DateField';

/** Adds a learner's unit the planner did not choose to the plan, with the IQA and a date. */
export function AddSample({ plan, onAdded }: { plan: PlanView; onAdded: () => void }) {
  const [choice, setChoice] = useState<string | null>(null);
  const [iqaId, setIqaId] = useState<string | null>(plan.iqas[0]?.id ?? null);
  const [date, setDate] = useState(plan.today);
  const [reason, setReason] = useState('');
  const { run } = useAction();
  async function add() {
    const candidate = plan.candidates.find((c) => `${c.learnerId}|${c.unitId}` === choice);
    if (!candidate || !iqaId) return;
    const added = await run(
      () =>
        call('sampling:add-sample', {
          planId: plan.id,
          learnerId: candidate.learnerId,
          unitId: candidate.unitId,
          iqaId,
          plannedDate: date,
          ...(reason.trim() ? { reason } : {}),
        }),
      { done: 'Sample added to the plan.', failed: 'The sample was not added' },
    );
    if (!added) return;
    setChoice(null);
    setReason('');
    onAdded();
  }
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        Add a sample
      </Title>
      <Group align="end">
        <Select
          label="Learner and unit"
          w={420}
          searchable
          value={choice}
          onChange={setChoice}
          data={plan.candidates.map((c) => ({
            value: `${c.learnerId}|${c.unitId}`,
            label: c.label,
          }))}
        />
        <Select
          label="IQA"
          w={200}
          value={iqaId}
          onChange={setIqaId}
          data={plan.iqas.map((q) => ({ value: q.id, label: q.name }))}
        />
        <DateField label="Planned date" value={date} onChange={setDate} />
        <TextInput
          label="Why"
          w={240}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Button onClick={add} disabled={!choice || !iqaId || !date}>
          Add sample
        </Button>
      </Group>
    </Card>
  );
}
