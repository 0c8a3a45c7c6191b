import { Text } from '@mantine/core';
import { useState } from 'react';
import type { PlansOverview, PlanView } from '../../../../src-main/planning/plan-contract';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import {
  AgreementBlock,
  CoverageBlock,
  PeopleBlock,
  PreparationBlock,
  VisitBlock,
} from './PlanFormBlocks';
import { planContent, planValues, type PlanValues, type SetPlanValue } from './plan-values';
import { FormDialog } from '../common/FormDialog';

interface Props {
  learnerId: string;
  overview: PlansOverview;
  /** The draft being changed; a new plan when absent. */
  plan?: PlanView;
  onClose: () => void;
  onSaved: () => void;
}

/**
 * A new assessment plan, or a draft's changes: what the visit covers, how, who will be there,
 * what to prepare and what adjustments apply. Nothing is chosen for the assessor: the learner's
 * recorded needs are offered as a suggestion to copy in, never filled in.
 */
export function PlanForm({ learnerId, overview, plan, onClose, onSaved }: Props) {
  const { busy, run } = useAction();
  const [values, setValues] = useState<PlanValues>(() => planValues(plan));
  const set: SetPlanValue = (key, value) => setValues((v) => ({ ...v, [key]: value }));

  async function submit() {
    const content = planContent(values, plan?.unitIds ?? []);
    const saved = await run(
      () =>
        plan
          ? call('plan:update', { learnerId, planId: plan.id, content })
          : call('plan:create', { learnerId, content }),
      {
        done: plan
          ? 'The draft plan is changed.'
          : 'The plan is saved as a draft to agree and sign.',
        failed: 'The plan was not saved',
      },
    );
    if (saved) {
      onSaved();
      onClose();
    }
  }

  return (
    <FormDialog
      title={plan ? 'Change the draft plan' : 'New assessment plan'}
      size="xl"
      onClose={onClose}
      onSubmit={() => void submit()}
      submit={plan ? 'Save the changes' : 'Save the draft plan'}
      busy={busy}
      testId="plan-form"
      submitTestId="plan-save"
    >
      {plan?.signatures.length ? (
        <Text size="sm" c="orange.9">
          Someone has signed this draft. Saving a change takes their signature off: they sign the
          plan as it then reads.
        </Text>
      ) : null}
      <VisitBlock values={values} set={set} />
      <CoverageBlock values={values} set={set} overview={overview} />
      <PeopleBlock values={values} set={set} overview={overview} />
      <PreparationBlock values={values} set={set} recordedNeeds={overview.recordedNeeds} />
      <AgreementBlock values={values} set={set} />
    </FormDialog>
  );
}
