import { Button, Group, Modal, MultiSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { PlansOverview, PlanView } from '../../../../src-main/planning/plan-contract';
import { assessmentMethods } from '../../../../src-main/kernel/assessment-methods';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { DateField } from '../dates/DateField';
import { FormBlock } from '../common/FormBlock';
import { FormFooter } from '../common/FormFooter';

interface Props {
  learnerId: string;
  overview: PlansOverview;
  /** The draft being changed; a new plan when absent. */
  plan?: PlanView;
  onClose: () => void;
  onSaved: () => void;
}

const SEP = '\u0001';
const targetKey = (unitId: string, criterionRef: string, partRef: string | null) =>
  [unitId, criterionRef, partRef ?? ''].join(SEP);

/**
 * A new assessment plan, or a draft's changes: what the visit covers, how, who will be there,
 * what to prepare and what adjustments apply. Nothing is chosen for the assessor: the learner's
 * recorded needs are offered as a suggestion to copy in, never filled in.
 */
export function PlanForm({ learnerId, overview, plan, onClose, onSaved }: Props) {
  const { busy, run } = useAction();
  const [visitDate, setVisitDate] = useState(plan?.visitDate ?? '');
  const [visitTime, setVisitTime] = useState(plan?.visitTime ?? '');
  const [place, setPlace] = useState(plan?.place ?? '');
  const [targets, setTargets] = useState<string[]>(
    plan?.criteria.map((c) => targetKey(c.unitId, c.criterionRef, c.partRef)) ?? [],
  );
  const [methods, setMethods] = useState<string[]>(plan?.methods ?? []);
  const [witnessIds, setWitnessIds] = useState<string[]>(plan?.witnessIds ?? []);
  const [expertIds, setExpertIds] = useState<string[]>(plan?.expertWitnessIds ?? []);
  const [others, setOthers] = useState(plan?.others ?? '');
  const [preparation, setPreparation] = useState(plan?.preparation ?? '');
  const [adjustments, setAdjustments] = useState(plan?.adjustments ?? '');
  const [agreedHow, setAgreedHow] = useState(plan?.agreedHow ?? '');
  const [notes, setNotes] = useState(plan?.notes ?? '');

  const criteria = targets.map((key) => {
    const [unitId = '', criterionRef = '', partRef = ''] = key.split(SEP);
    return { unitId, criterionRef, partRef: partRef || null };
  });
  const unitIds = plan?.unitIds ?? [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const content = {
      visitDate: visitDate || null,
      visitTime,
      place,
      unitIds,
      criteria,
      methods,
      witnessIds,
      expertWitnessIds: expertIds,
      others,
      preparation,
      adjustments,
      agreedHow,
      notes,
    };
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

  const experts = overview.witnesses.filter((w) => w.expert);
  return (
    <Modal
      opened
      onClose={onClose}
      title={plan ? 'Change the draft plan' : 'New assessment plan'}
      size="xl"
    >
      <form onSubmit={(e) => void submit(e)} data-testid="plan-form">
        <Stack>
          {plan?.signatures.length ? (
            <Text size="sm" c="orange.9">
              Someone has signed this draft. Saving a change takes their signature off: they sign
              the plan as it then reads.
            </Text>
          ) : null}
          <FormBlock title="The visit">
            <Group grow align="flex-start">
              <DateField label="Visit date" value={visitDate} onChange={setVisitDate} />
              <TextInput
                label="Time"
                value={visitTime}
                onChange={(e) => setVisitTime(e.currentTarget.value)}
              />
            </Group>
            <TextInput
              label="Place"
              value={place}
              onChange={(e) => setPlace(e.currentTarget.value)}
            />
          </FormBlock>
          <FormBlock title="What will be assessed, and how">
            <MultiSelect
              label="Criteria (or parts) to cover"
              description="From the units the learner is registered on."
              data-testid="plan-criteria"
              searchable
              data={overview.units.map((u) => ({
                group: `${u.ref} ${u.title}`,
                items: u.targets.map((t) => ({
                  value: targetKey(u.id, t.criterionRef, t.partRef),
                  label: `${u.ref} ${t.label}: ${t.text}`,
                })),
              }))}
              value={targets}
              onChange={setTargets}
            />
            <MultiSelect
              label="Planned methods"
              data-testid="plan-methods"
              searchable
              data={[...assessmentMethods]}
              value={methods}
              onChange={setMethods}
            />
          </FormBlock>
          <FormBlock title="Who will be there">
            <MultiSelect
              label="Witnesses"
              searchable
              data={overview.witnesses.map((w) => ({ value: w.id, label: w.name }))}
              value={witnessIds}
              onChange={setWitnessIds}
            />
            <MultiSelect
              label="Expert witnesses"
              description="An expert's testimony counts as expert only when named in a plan agreed before the activity."
              data-testid="plan-experts"
              searchable
              data={experts.map((w) => ({ value: w.id, label: w.name }))}
              value={expertIds}
              onChange={setExpertIds}
            />
            <Textarea
              label="Anyone else (one a line)"
              autosize
              minRows={1}
              value={others}
              onChange={(e) => setOthers(e.currentTarget.value)}
            />
          </FormBlock>
          <FormBlock title="Preparation and adjustments">
            <Textarea
              label="What the learner is to prepare"
              autosize
              minRows={2}
              value={preparation}
              onChange={(e) => setPreparation(e.currentTarget.value)}
            />
            <Textarea
              label="Adjustments for the learner's needs"
              autosize
              minRows={2}
              value={adjustments}
              onChange={(e) => setAdjustments(e.currentTarget.value)}
            />
            {overview.recordedNeeds && (
              <Group gap="xs">
                <Text size="sm">Recorded needs: {overview.recordedNeeds}</Text>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() =>
                    setAdjustments((a) =>
                      a ? `${a}\n${overview.recordedNeeds}` : overview.recordedNeeds,
                    )
                  }
                >
                  Use as a starting point
                </Button>
              </Group>
            )}
          </FormBlock>
          <FormBlock title="Agreement">
            <TextInput
              label="How the plan was agreed"
              placeholder="e.g. face to face at the workplace, with the employer present"
              value={agreedHow}
              onChange={(e) => setAgreedHow(e.currentTarget.value)}
            />
            <Textarea
              label="Notes"
              autosize
              minRows={1}
              value={notes}
              onChange={(e) => setNotes(e.currentTarget.value)}
            />
          </FormBlock>
          <FormFooter
            submit={plan ? 'Save the changes' : 'Save the draft plan'}
            onCancel={onClose}
            busy={busy}
            submitTestId="plan-save"
          />
        </Stack>
      </form>
    </Modal>
  );
}
