import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { addCpdFile } from '../../api/add-cpd-file';
import { call, isDesktop } from '../../api/client';
import { notifyDone, notifyError } from '../../api/notify';
import { DateField } from '../dates/DateField';

export type EntryKind = 'qualification' | 'experience' | 'cpd' | 'check';

interface Props {
  personId: string;
  kind: EntryKind;
  onDone: () => void;
  onCancel: () => void;
}

function FormShell({
  children,
  busy,
  onSubmit,
  onCancel,
  label,
}: {
  children: ReactNode;
  busy: boolean;
  onSubmit: () => Promise<void>;
  onCancel: () => void;
  label: string;
}) {
  function submit(event: FormEvent) {
    event.preventDefault();
    void onSubmit();
  }
  return (
    <form onSubmit={submit} aria-label={label}>
      <Stack>
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The form for one new entry on a staff record: a qualification, experience, CPD or a check. */
export function StaffEntryForm({ personId, kind, onDone, onCancel }: Props) {
  const [busy, setBusy] = useState(false);
  const [title, setTitle] = useState('');
  const [qualKind, setQualKind] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [required, setRequired] = useState(false);
  const [organisation, setOrganisation] = useState('');
  const [notes, setNotes] = useState('');
  const [hours, setHours] = useState<number | string>('');
  const [file, setFile] = useState<File | null>(null);
  const [picked, setPicked] = useState<{ stagedId: string; name: string } | null>(null);

  async function save() {
    setBusy(true);
    try {
      if (kind === 'qualification') {
        if (!qualKind || !status)
          throw new Error('Choose what kind of qualification it is and whether it is achieved.');
        await call('staff:save-qualification', {
          personId,
          entry: {
            kind: qualKind as 'other',
            title,
            status: status as 'achieved',
            awardedOn: first || null,
            expiresOn: second || null,
            required,
          },
        });
      } else if (kind === 'experience') {
        await call('staff:save-experience', {
          personId,
          entry: { role: title, organisation, from: first, to: second || null, summary: notes },
        });
      } else if (kind === 'check') {
        await call('staff:save-check', {
          personId,
          entry: {
            name: title,
            checkedOn: first,
            expiresOn: second || null,
            reference: organisation,
          },
        });
      } else {
        const { id } = await call('staff:save-cpd', {
          personId,
          entry: { date: first, activity: title, hours: Number(hours), learned: notes },
        });
        if (file) await addCpdFile(personId, id, { kind: 'browser', file });
        else if (picked)
          await addCpdFile(personId, id, { kind: 'staged', stagedId: picked.stagedId });
      }
      notifyDone('Saved to the staff record.');
      onDone();
    } catch (error) {
      notifyError('The entry was not saved', error);
    } finally {
      setBusy(false);
    }
  }

  const shell = (label: string, children: ReactNode) => (
    <FormShell busy={busy} onSubmit={save} onCancel={onCancel} label={label}>
      {children}
    </FormShell>
  );

  if (kind === 'qualification') {
    return shell(
      'Add a qualification',
      <>
        <TextInput
          label="Qualification title"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
        />
        <Select
          label="Kind of qualification"
          value={qualKind}
          onChange={setQualKind}
          required
          data={[
            { value: 'assessor-award', label: 'Assessor award' },
            { value: 'iqa-award', label: 'IQA award' },
            { value: 'occupational', label: 'Occupational qualification' },
            { value: 'other', label: 'Other' },
          ]}
        />
        <Select
          label="Status"
          value={status}
          onChange={setStatus}
          required
          data={[
            { value: 'achieved', label: 'Achieved' },
            { value: 'working-towards', label: 'Working towards' },
          ]}
        />
        <DateField label="Awarded on" value={first} onChange={setFirst} />
        <DateField
          label="Expires on"
          description="Leave empty when it does not expire"
          value={second}
          onChange={setSecond}
        />
        <Checkbox
          label="Required for their role (a lapse is raised at sign-off)"
          checked={required}
          onChange={(e) => setRequired(e.currentTarget.checked)}
        />
      </>,
    );
  }
  if (kind === 'experience') {
    return shell(
      'Add occupational experience',
      <>
        <TextInput
          label="Role"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
        />
        <TextInput
          label="Organisation"
          value={organisation}
          onChange={(e) => setOrganisation(e.currentTarget.value)}
        />
        <DateField label="From" value={first} onChange={setFirst} required />
        <DateField
          label="To"
          description="Leave empty if current"
          value={second}
          onChange={setSecond}
        />
        <Textarea
          label="What the role involved"
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
        />
      </>,
    );
  }
  if (kind === 'check') {
    return shell(
      'Add a check',
      <>
        <TextInput
          label="Check"
          description="For example, DBS enhanced check"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
        />
        <DateField label="Checked on" value={first} onChange={setFirst} required />
        <DateField label="Expires on" value={second} onChange={setSecond} />
        <TextInput
          label="Reference"
          value={organisation}
          onChange={(e) => setOrganisation(e.currentTarget.value)}
        />
      </>,
    );
  }
  return shell(
    'Add a CPD entry',
    <>
      <DateField label="Date of the activity" value={first} onChange={setFirst} required />
      <TextInput
        label="Activity"
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        required
      />
      <NumberInput
        label="Hours"
        value={hours}
        onChange={setHours}
        min={0}
        max={1000}
        step={0.5}
        required
      />
      <Textarea
        label="What was learned"
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
      />
      {isDesktop ? (
        <Group>
          <Button
            variant="default"
            onClick={() =>
              void call('evidence:choose-files', {})
                .then((files) => {
                  const f = files[0];
                  if (f) setPicked({ stagedId: f.stagedId, name: f.name });
                })
                .catch((error: unknown) => notifyError('No file was chosen', error))
            }
          >
            Choose a certificate or note…
          </Button>
          {picked && <span>{picked.name}</span>}
        </Group>
      ) : (
        <label>
          Certificate or note (optional)
          <input
            type="file"
            data-testid="cpd-file"
            style={{ display: 'block', marginTop: 4 }}
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          />
        </label>
      )}
    </>,
  );
}
