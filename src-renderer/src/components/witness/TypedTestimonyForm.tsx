import {
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { LearnerDetail } from '../../../../src-main/learner/learner-views';
import type { FormView } from '../../../../src-main/witness/testimony-views';
import type { FileToAdd } from '../../api/add-evidence-file';
import { call } from '../../api/client';
import { notifyDone, notifyError } from '../../api/notify';
import { useOperation } from '../../api/use-operation';
import { sendReturnedForm, type TypedTestimonyInput } from '../../api/witness-forms';
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

interface Choice {
  criterionRef: string;
  partRef: string | null;
  text: string;
}

const keyOf = (c: { criterionRef: string; partRef: string | null }) =>
  `${c.criterionRef}|${c.partRef ?? ''}`;

/** A paper form, scan, photo or DOCX that came back: attach it and type in what it says. */
export function TypedTestimonyForm({ detail, forms, onClose, onSaved }: Props) {
  const witnesses = useOperation('witness:list', {});
  const awaiting = forms.filter((f) => f.status === 'awaiting-return');
  const [formId, setFormId] = useState<string | null>(awaiting[0]?.id ?? null);
  const form = awaiting.find((f) => f.id === formId);
  const [unitId, setUnitId] = useState<string | null>(detail.units[0]?.unitId ?? null);
  const [file, setFile] = useState<FileToAdd | null>(null);
  const [values, setValues] = useState({
    activityDate: '',
    activityTime: '',
    venue: '',
    description: '',
    name: form?.witnessName ?? '',
    jobTitle: '',
    relationship: '',
    contact: '',
    competence: '',
    signedOn: '',
  });
  const [flags, setFlags] = useState({ claimsExpert: false, notRelated: false, ownAccount: false });
  const [ticked, setTicked] = useState<Map<string, string>>(new Map());
  const [busy, setBusy] = useState(false);
  const text = (key: keyof typeof values) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [key]: value }));
  };
  const unit = detail.units.find((u) => u.unitId === (form?.unitId ?? unitId));
  const choices: Choice[] = form
    ? form.criteria
    : (unit?.outcomes ?? []).flatMap((o) =>
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

  function chooseWitness(id: string | null) {
    const w = (witnesses.data ?? []).find((x) => x.id === id);
    if (!w) return;
    setValues((v) => ({
      ...v,
      name: w.name,
      jobTitle: w.jobTitle,
      relationship: w.relationship,
      contact: w.contact,
      competence: w.competence,
    }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!unit) return;
    const registered = (witnesses.data ?? []).find((w) => w.name === values.name.trim());
    const typed: TypedTestimonyInput = {
      formId: form?.id ?? null,
      unitId: unit.unitId,
      activityDate: values.activityDate,
      activityTime: values.activityTime,
      venue: values.venue,
      description: values.description,
      criteria: choices
        .filter((c) => ticked.has(keyOf(c)))
        .map((c) => ({
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
    setBusy(true);
    try {
      if (file) await sendReturnedForm(detail.learner.id, file, typed);
      else await call('witness:record-typed', { learnerId: detail.learner.id, typed });
      notifyDone(`Recorded the testimony from ${values.name}.`);
      onSaved();
      onClose();
    } catch (error) {
      notifyError('The testimony was not recorded', error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title="Type in a returned form"
      size="xl"
    >
      <form onSubmit={submit}>
        <Stack>
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
              onChange={(value) => {
                setFormId(value);
                setTicked(new Map());
              }}
            />
            {!form && (
              <Select
                label="Unit"
                data={detail.units.map((u) => ({
                  value: u.unitId,
                  label: unitLabel(u.ref, u.title),
                }))}
                value={unitId}
                onChange={setUnitId}
                allowDeselect={false}
              />
            )}
          </SimpleGrid>
          <Group>
            <ReturnedFileButton
              label="Attach the returned file (scan, photo or DOCX)…"
              accept=".pdf,.docx,.doc,.jpg,.jpeg,.png,.heic,.tif,.tiff"
              testId="typed-form-file-input"
              onChosen={setFile}
            />
            <Text size="sm" c="dimmed">
              {file
                ? file.name
                : 'No file: the testimony is kept as a record written in the workbench.'}
            </Text>
          </Group>
          <Title order={4} size="h5">
            The activity
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DateField
              label="Date of the activity"
              value={values.activityDate}
              onChange={(activityDate) => setValues((v) => ({ ...v, activityDate }))}
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
          <Title order={4} size="h5">
            Criteria the witness ticked
          </Title>
          <Stack gap={6}>
            {choices.map((c) => {
              const key = keyOf(c);
              const label = `${c.criterionRef}${c.partRef ? ` ${c.partRef}` : ''}`;
              return (
                <Stack key={key} gap={2}>
                  <Checkbox
                    label={`${label} ${c.text}`}
                    checked={ticked.has(key)}
                    onChange={() =>
                      setTicked((m) => {
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
                        setTicked((m) => new Map(m).set(key, value));
                      }}
                    />
                  )}
                </Stack>
              );
            })}
          </Stack>
          <Title order={4} size="h5">
            The witness
          </Title>
          <Select
            label="Fill in from the registry"
            placeholder="Choose a registered witness"
            clearable
            data={(witnesses.data ?? []).map((w) => ({ value: w.id, label: w.name }))}
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
          <Checkbox
            label="The witness says they are an expert witness named in the assessment plan"
            checked={flags.claimsExpert}
            onChange={(e) => setFlags((f) => ({ ...f, claimsExpert: e.currentTarget.checked }))}
          />
          <Checkbox
            label="Declared not related to the learner"
            checked={flags.notRelated}
            onChange={(e) => setFlags((f) => ({ ...f, notRelated: e.currentTarget.checked }))}
          />
          <Checkbox
            label="Declared the account is their own"
            checked={flags.ownAccount}
            onChange={(e) => setFlags((f) => ({ ...f, ownAccount: e.currentTarget.checked }))}
          />
          <DateField
            label="Date signed"
            value={values.signedOn}
            onChange={(signedOn) => setValues((v) => ({ ...v, signedOn }))}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy} disabled={!unit}>
              Record the testimony
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
