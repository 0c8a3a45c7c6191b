import { Button, Group, MultiSelect, Text, TextInput, Textarea } from '@mantine/core';
import type { PlansOverview } from '../../../../src-main/planning/plan-contract';
import { assessmentMethods } from '../../../../src-main/kernel/assessment-methods';
import { DateField } from '../dates/DateField';
import { FormBlock } from '../common/FormBlock';
import { targetKey, type PlanValues, type SetPlanValue } from './plan-values';
import { unitLabel } from '../../../../src-main/kernel/unit-label';

interface BlockProps {
  values: PlanValues;
  set: SetPlanValue;
}

type TextKey = {
  [K in keyof PlanValues]: PlanValues[K] extends string ? K : never;
}[keyof PlanValues];

/** A typed field's change handler: the value it now holds goes into the plan. */
const typed = (set: SetPlanValue, key: TextKey) => (e: { currentTarget: { value: string } }) =>
  set(key, e.currentTarget.value);

/** One of the plan's texts, typed over a few lines. */
function PlanText({
  label,
  field,
  rows,
  values,
  set,
}: BlockProps & { label: string; field: TextKey; rows: number }) {
  return (
    <Textarea
      label={label}
      autosize
      minRows={rows}
      value={values[field]}
      onChange={typed(set, field)}
    />
  );
}

export function VisitBlock({ values, set }: BlockProps) {
  return (
    <FormBlock title="The visit">
      <Group grow align="flex-start">
        <DateField
          label="Visit date"
          value={values.visitDate}
          onChange={(d) => set('visitDate', d)}
        />
        <TextInput label="Time" value={values.visitTime} onChange={typed(set, 'visitTime')} />
      </Group>
      <TextInput label="Place" value={values.place} onChange={typed(set, 'place')} />
    </FormBlock>
  );
}

export function CoverageBlock({ values, set, overview }: BlockProps & { overview: PlansOverview }) {
  return (
    <FormBlock title="What will be assessed, and how">
      <MultiSelect
        label="Criteria (or parts) to cover"
        description="From the units the learner is registered on."
        data-testid="plan-criteria"
        searchable
        data={overview.units.map((u) => ({
          group: unitLabel(u.ref, u.title),
          items: u.targets.map((t) => ({
            value: targetKey(u.id, t.criterionRef, t.partRef),
            label: `${u.ref} ${t.label}: ${t.text}`,
          })),
        }))}
        value={values.targets}
        onChange={(v) => set('targets', v)}
      />
      <MultiSelect
        label="Planned methods"
        data-testid="plan-methods"
        searchable
        data={[...assessmentMethods]}
        value={values.methods}
        onChange={(v) => set('methods', v)}
      />
    </FormBlock>
  );
}

export function PeopleBlock({ values, set, overview }: BlockProps & { overview: PlansOverview }) {
  const experts = overview.witnesses.filter((w) => w.expert);
  return (
    <FormBlock title="Who will be there">
      <MultiSelect
        label="Witnesses"
        searchable
        data={overview.witnesses.map((w) => ({ value: w.id, label: w.name }))}
        value={values.witnessIds}
        onChange={(v) => set('witnessIds', v)}
      />
      <MultiSelect
        label="Expert witnesses"
        description="An expert's testimony counts as expert only when named in a plan agreed before the activity."
        data-testid="plan-experts"
        searchable
        data={experts.map((w) => ({ value: w.id, label: w.name }))}
        value={values.expertIds}
        onChange={(v) => set('expertIds', v)}
      />
      <PlanText
        label="Anyone else (one a line)"
        field="others"
        rows={1}
        values={values}
        set={set}
      />
    </FormBlock>
  );
}

/** What to prepare and the adjustments; the learner's recorded needs only as a suggestion. */
export function PreparationBlock({
  values,
  set,
  recordedNeeds,
}: BlockProps & { recordedNeeds: string }) {
  return (
    <FormBlock title="Preparation and adjustments">
      <PlanText
        label="What the learner is to prepare"
        field="preparation"
        rows={2}
        values={values}
        set={set}
      />
      <PlanText
        label="Adjustments for the learner's needs"
        field="adjustments"
        rows={2}
        values={values}
        set={set}
      />
      {recordedNeeds && (
        <Group gap="xs">
          <Text size="sm">Recorded needs: {recordedNeeds}</Text>
          <Button
            size="xs"
            variant="default"
            onClick={() =>
              set(
                'adjustments',
                values.adjustments ? `${values.adjustments}\n${recordedNeeds}` : recordedNeeds,
              )
            }
          >
            Use as a starting point
          </Button>
        </Group>
      )}
    </FormBlock>
  );
}

export function AgreementBlock({ values, set }: BlockProps) {
  return (
    <FormBlock title="Agreement">
      <TextInput
        label="How the plan was agreed"
        placeholder="e.g. face to face at the workplace, with the employer present"
        value={values.agreedHow}
        onChange={typed(set, 'agreedHow')}
      />
      <PlanText label="Notes" field="notes" rows={1} values={values} set={set} />
    </FormBlock>
  );
}
