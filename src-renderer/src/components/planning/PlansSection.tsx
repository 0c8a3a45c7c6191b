import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { PlanView } from '../../../../src-main/planning/plan-contract';
import { useAddressValue } from '../../api/address';
import { useOperation } from '../../api/use-operation';
import { Loading } from '../Loading';
import { PlanCard } from './PlanCard';
import { PlanForm } from './PlanForm';

interface Props {
  learnerId: string;
  readOnly: boolean;
  onChanged: () => void;
}

/** A learner's assessment plans: the newest visit first, a new plan, signing and records. */
export function PlansSection({ learnerId, readOnly, onChanged }: Props) {
  const overview = useOperation('plan:list', { learnerId });
  const session = useOperation('session:get', {});
  const [editing, setEditing] = useState<PlanView | 'new' | null>(null);
  const [openedId] = useAddressValue('plan');
  const changed = () => {
    overview.reload();
    onChanged();
  };
  return (
    <Loading state={overview} label="Assessment plans">
      {(o) => (
        <Stack data-testid="plans">
          {!readOnly && (
            <Group>
              <Button onClick={() => setEditing('new')} data-testid="plan-new">
                New assessment plan
              </Button>
            </Group>
          )}
          {o.plans.length === 0 && (
            <Text size="sm" c="dimmed">
              No assessment plan yet. A plan is agreed once the learner and the assessor have signed
              it.
            </Text>
          )}
          {o.plans.map((plan) => (
            <PlanCard
              key={plan.id}
              learnerId={learnerId}
              plan={plan}
              overview={o}
              readOnly={readOnly}
              assessorName={session.data?.user?.name ?? 'the assessor'}
              onEdit={setEditing}
              onChanged={changed}
              opened={plan.id === openedId}
            />
          ))}
          {editing && (
            <PlanForm
              learnerId={learnerId}
              overview={o}
              {...(editing === 'new' ? {} : { plan: editing })}
              onClose={() => setEditing(null)}
              onSaved={changed}
            />
          )}
        </Stack>
      )}
    </Loading>
  );
}
