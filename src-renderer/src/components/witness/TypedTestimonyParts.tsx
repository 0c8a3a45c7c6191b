import { Checkbox, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import type { Dispatch, SetStateAction } from 'react';
import type { FormView } from '../../../../src-main/witness/testimony-views';
import type { TypedTestimonyInput } from '../../api/witness-forms';
import { DateField } from '../dates/DateField';
import { criterionKey, criterionLabel } from '../../../../src-main/kernel/criterion-key';

export interface Choice {
  criterionRef: string;
  partRef: string | null;
  text: string;
}

export const keyOf = (c: { criterionRef: string; partRef: string | null }) =>
  criterionKey(c.criterionRef, c.partRef);

export const emptyValues = (name: string) => ({
  activityDate: '',
  activityTime: '',
  venue: '',
  description: '',
  name,
  jobTitle: '',
  relationship: '',
  contact: '',
  competence: '',
  signedOn: '',
});
export type TypedValues = ReturnType<typeof emptyValues>;
export interface TypedFlags {
  claimsExpert: boolean;
  notRelated: boolean;
  ownAccount: boolean;
}

const declarations: [keyof TypedFlags, string][] = [
  ['claimsExpert', 'The witness says they are an expert witness named in the assessment plan'],
  ['notRelated', 'Declared not related to the learner'],
  ['ownAccount', 'Declared the account is their own'],
];

interface RegisteredWitness {
  id: string;
  name: string;
  jobTitle: string;
  relationship: string;
  contact: string;
  competence: string;
}

/** What was typed in, as `witness:record-typed` and `witness:import-staged` take it. */
export function typedTestimony(input: {
  form: FormView | undefined;
  unitId: string;
  values: TypedValues;
  flags: TypedFlags;
  criteria: Choice[];
  ticked: Map<string, string>;
  registered: RegisteredWitness | undefined;
}): TypedTestimonyInput {
  const { form, values, flags, ticked, registered } = input;
  return {
    formId: form?.id ?? null,
    unitId: input.unitId,
    activityDate: values.activityDate,
    activityTime: values.activityTime,
    venue: values.venue,
    description: values.description,
    criteria: input.criteria.map((c) => ({
      criterionRef: c.criterionRef,
      partRef: c.partRef,
      how: ticked.get(keyOf(c)) ?? '',
    })),
    witness: {
      witnessId: registered?.id ?? form?.witnessId ?? null,
      name: values.name,
      jobTitle: values.jobTitle,
      relationship: values.relationship,
      contact: values.contact,
      competence: values.competence,
      claimsExpert: flags.claimsExpert,
    },
    declaredNotRelated: flags.notRelated,
    declaredOwnAccount: flags.ownAccount,
    signedOn: values.signedOn,
    otherFields: {},
  };
}

/** The criteria the witness ticked, each with how the work showed it. */
export function TickedCriteria({
  choices,
  ticked,
  onChange,
}: {
  choices: Choice[];
  ticked: Map<string, string>;
  onChange: Dispatch<SetStateAction<Map<string, string>>>;
}) {
  return (
    <Stack gap={6}>
      {choices.map((c) => {
        const key = keyOf(c);
        const label = criterionLabel(c.criterionRef, c.partRef);
        return (
          <Stack key={key} gap={2}>
            <Checkbox
              label={`${label} ${c.text}`}
              checked={ticked.has(key)}
              onChange={() =>
                onChange((m) => {
                  const next = new Map(m);
                  if (next.has(key)) next.delete(key);
                  else next.set(key, '');
                  return next;
                })
              }
            />
            {ticked.has(key) && (
              <TextInput
                ml="xl"
                size="xs"
                label={`How the work showed ${label}`}
                value={ticked.get(key) ?? ''}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  onChange((m) => new Map(m).set(key, value));
                }}
              />
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}

/** Who the witness is and what they declared, as written on the form. */
export function WitnessFields({
  witnesses,
  values,
  flags,
  onValues,
  onFlags,
}: {
  witnesses: RegisteredWitness[];
  values: TypedValues;
  flags: TypedFlags;
  onValues: Dispatch<SetStateAction<TypedValues>>;
  onFlags: Dispatch<SetStateAction<TypedFlags>>;
}) {
  const text = (key: keyof TypedValues) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    onValues((v) => ({ ...v, [key]: value }));
  };
  const flag = (key: keyof TypedFlags) => (e: { currentTarget: { checked: boolean } }) => {
    const checked = e.currentTarget.checked;
    onFlags((f) => ({ ...f, [key]: checked }));
  };
  function chooseWitness(id: string | null) {
    const w = witnesses.find((x) => x.id === id);
    if (!w) return;
    const { name, jobTitle, relationship, contact, competence } = w;
    onValues((v) => ({ ...v, name, jobTitle, relationship, contact, competence }));
  }
  return (
    <>
      <Select
        label="Fill in from the registry"
        placeholder="Choose a registered witness"
        clearable
        data={witnesses.map((w) => ({ value: w.id, label: w.name }))}
        onChange={chooseWitness}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Witness name" required value={values.name} onChange={text('name')} />
        <TextInput label="Job title" value={values.jobTitle} onChange={text('jobTitle')} />
        <TextInput
          label="Relationship to the learner"
          value={values.relationship}
          onChange={text('relationship')}
        />
        <TextInput label="Contact details" value={values.contact} onChange={text('contact')} />
      </SimpleGrid>
      <Textarea
        label="Occupational competence"
        autosize
        value={values.competence}
        onChange={text('competence')}
      />
      {declarations.map(([key, label]) => (
        <Checkbox key={key} label={label} checked={flags[key]} onChange={flag(key)} />
      ))}
      <DateField
        label="Date signed"
        value={values.signedOn}
        onChange={(signedOn) => onValues((v) => ({ ...v, signedOn }))}
      />
    </>
  );
}
