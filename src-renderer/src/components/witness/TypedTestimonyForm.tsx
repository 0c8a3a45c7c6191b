import { Group, Select, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type Dispatch, type SetStateAction } from 'react';
import type { LearnerDetail } from '../../../../src-main/learner/learner-views';
import type { FormView } from '../../../../src-main/witness/testimony-views';
import type { FileToAdd } from '../../api/add-evidence-file';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { useOperation } from '../../api/use-operation';
import { sendReturnedForm } from '../../api/witness-forms';
import { FormBlock } from '../common/FormBlock';
import { FormDialog } from '../common/FormDialog';
import {
  emptyValues,
  keyOf,
  TickedCriteria,
  typedTestimony,
  WitnessFields,
  type Choice,
  type TypedFlags,
  type TypedValues,
} from './TypedTestimonyParts';
import { ReturnedFileButton } from './ReturnedFileButton';
import { DateField } from '../dates/DateField';
import { formatDate } from '../dates/format';
import { unitLabel } from '../../../../src-main/kernel/unit-label';

interface Props {
  detail: LearnerDetail;
  forms: FormView[];
  onClose: () => void;
  onSaved: () => void;
}

type Unit = LearnerDetail['units'][number];

/** What can be ticked on a form the workbench did not make: every criterion, or each part. */
function unitChoices(unit: Unit | undefined): Choice[] {
  return (unit?.outcomes ?? []).flatMap((o) =>
    o.criteria.flatMap((c): Choice[] =>
      c.parts.length
        ? c.parts.map((p) => ({
            criterionRef: c.ref,
            partRef: p.ref,
            text: `${c.text} ${p.ref}) ${p.text}`,
          }))
        : [{ criterionRef: c.ref, partRef: null, text: c.text }],
    ),
  );
}

interface AnsweredFormProps {
  awaiting: FormView[];
  formId: string | null;
  onForm: (formId: string | null) => void;
  /** The learner's units to choose from, when the form is not one the workbench made. */
  units: Unit[] | null;
  unitId: string | null;
  onUnit: (unitId: string | null) => void;
}

function AnsweredForm({ awaiting, formId, onForm, units, unitId, onUnit }: AnsweredFormProps) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Select
        label="The form it answers"
        placeholder="Not one the workbench made"
        clearable
        data={awaiting.map((f) => ({
          value: f.id,
          label: `${f.witnessName || 'Blank form'} · ${f.unitRef} · sent ${formatDate(f.sentAt)}`,
        }))}
        value={formId}
        onChange={onForm}
      />
      {units && (
        <Select
          label="Unit"
          data={units.map((u) => ({
            value: u.unitId,
            label: unitLabel(u.ref, u.title),
          }))}
          value={unitId}
          onChange={onUnit}
          allowDeselect={false}
        />
      )}
    </SimpleGrid>
  );
}

function ActivityBlock({
  values,
  onValues,
}: {
  values: TypedValues;
  onValues: Dispatch<SetStateAction<TypedValues>>;
}) {
  const text = (key: keyof TypedValues) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    onValues((v) => ({ ...v, [key]: value }));
  };
  return (
    <FormBlock title="The activity">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DateField
          label="Date of the activity"
          value={values.activityDate}
          onChange={(activityDate) => onValues((v) => ({ ...v, activityDate }))}
        />
        <TextInput label="Time" value={values.activityTime} onChange={text('activityTime')} />
        <TextInput label="Venue" value={values.venue} onChange={text('venue')} />
      </SimpleGrid>
      <Textarea
        label="What the witness saw the learner do"
        autosize
        minRows={3}
        value={values.description}
        onChange={text('description')}
      />
    </FormBlock>
  );
}

function ReturnedFile({
  file,
  onChosen,
}: {
  file: FileToAdd | null;
  onChosen: (file: FileToAdd) => void;
}) {
  return (
    <Group>
      <ReturnedFileButton
        label="Attach the returned file (scan, photo or DOCX)…"
        accept=".pdf,.docx,.doc,.jpg,.jpeg,.png,.heic,.tif,.tiff"
        testId="typed-form-file-input"
        onChosen={onChosen}
      />
      <Text size="sm" c="dimmed">
        {file ? file.name : 'No file: the testimony is kept as a record written in the workbench.'}
      </Text>
    </Group>
  );
}

/** Nothing about the witness is said until the assessor ticks it from the form. */
const NO_FLAGS: TypedFlags = { claimsExpert: false, notRelated: false, ownAccount: false };

/** A paper form, scan, photo or DOCX that came back: attach it and type in what it says. */
export function TypedTestimonyForm({ detail, forms, onClose, onSaved }: Props) {
  const witnesses = useOperation('witness:list', {});
  const awaiting = forms.filter((f) => f.status === 'awaiting-return');
  const [formId, setFormId] = useState<string | null>(awaiting[0]?.id ?? null);
  const form = awaiting.find((f) => f.id === formId);
  const [unitId, setUnitId] = useState<string | null>(detail.units[0]?.unitId ?? null);
  const [file, setFile] = useState<FileToAdd | null>(null);
  const [values, setValues] = useState(() => emptyValues(form?.witnessName ?? ''));
  const [flags, setFlags] = useState<TypedFlags>(NO_FLAGS);
  const [ticked, setTicked] = useState<Map<string, string>>(new Map());
  const { busy, run } = useAction();
  const unit = detail.units.find((u) => u.unitId === (form?.unitId ?? unitId));
  const choices: Choice[] = form ? form.criteria : unitChoices(unit);

  async function submit() {
    if (!unit) return;
    const typed = typedTestimony({
      form,
      unitId: unit.unitId,
      values,
      flags,
      criteria: choices.filter((c) => ticked.has(keyOf(c))),
      ticked,
      registered: (witnesses.data ?? []).find((w) => w.name === values.name.trim()),
    });
    const saved = await run(
      () =>
        file
          ? sendReturnedForm(detail.learner.id, file, typed)
          : call('witness:record-typed', { learnerId: detail.learner.id, typed }),
      {
        done: `Recorded the testimony from ${values.name}.`,
        failed: 'The testimony was not recorded',
      },
    );
    if (!saved) return;
    onSaved();
    onClose();
  }

  return (
    <FormDialog
      title="Type in a returned form"
      size="xl"
      closeLabel="Close"
      onClose={onClose}
      onSubmit={() => void submit()}
      submit="Record the testimony"
      busy={busy}
      disabled={!unit}
    >
      <AnsweredForm
        awaiting={awaiting}
        formId={formId}
        onForm={(value) => {
          setFormId(value);
          setTicked(new Map());
        }}
        units={form ? null : detail.units}
        unitId={unitId}
        onUnit={setUnitId}
      />
      <ReturnedFile file={file} onChosen={setFile} />
      <ActivityBlock values={values} onValues={setValues} />
      <FormBlock title="Criteria the witness ticked">
        <TickedCriteria choices={choices} ticked={ticked} onChange={setTicked} />
      </FormBlock>
      <FormBlock title="The witness">
        <WitnessFields
          witnesses={witnesses.data ?? []}
          values={values}
          flags={flags}
          onValues={setValues}
          onFlags={setFlags}
        />
      </FormBlock>
    </FormDialog>
  );
}
