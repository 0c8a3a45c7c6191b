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
import type { StaffRecordView } from '../../../../src-main/competence/staff-record-view';
import { addCpdFile } from '../../api/add-cpd-file';
import { call, isDesktop } from '../../api/client';
import { useAction } from '../../api/use-action';
import { notifyError } from '../../api/notify';
import { DateField } from '../dates/DateField';
import { FormFooter } from '../common/FormFooter';

export type EntryKind = 'qualification' | 'experience' | 'cpd' | 'check';
type Kept = StaffRecordView['record'];
/** An entry already on the record, to change: any of the four kinds. */
export type StaffEntry =
  | Kept['qualifications'][number]
  | Kept['experience'][number]
  | Kept['cpd'][number]
  | Kept['checks'][number];

interface Props {
  personId: string;
  kind: EntryKind;
  /** The entry to change; a new one when absent. */
  entry?: StaffEntry;
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
        <FormFooter submit="Save" onCancel={onCancel} busy={busy} />
      </Stack>
    </form>
  );
}

/** The fields' first values: the entry's own when it is changed, empty for a new one. */
function startingValues(entry: StaffEntry | undefined) {
  const e = (entry ?? {}) as Partial<Record<string, unknown>>;
  const str = (key: string) => (typeof e[key] === 'string' ? (e[key] as string) : '');
  return {
    title: str('title') || str('role') || str('activity') || str('name'),
    qualKind: str('kind') || null,
    status: str('status') || null,
    first: str('awardedOn') || str('from') || str('date') || str('checkedOn'),
    second: str('expiresOn') || str('to'),
    required: e.required === true,
    organisation: str('organisation') || str('reference'),
    notes: str('summary') || str('learned'),
    hours: typeof e.hours === 'number' ? e.hours : '',
  };
}

/** The form for one entry on a staff record, new or changed: a qualification, experience, CPD or a check. */
export function StaffEntryForm({ personId, kind, entry, onDone, onCancel }: Props) {
  const start = startingValues(entry);
  const { busy, run } = useAction();
  const [title, setTitle] = useState(start.title);
  const [qualKind, setQualKind] = useState<string | null>(start.qualKind);
  const [status, setStatus] = useState<string | null>(start.status);
  const [first, setFirst] = useState(start.first);
  const [second, setSecond] = useState(start.second);
  const [required, setRequired] = useState(start.required);
  const [organisation, setOrganisation] = useState(start.organisation);
  const [notes, setNotes] = useState(start.notes);
  const [hours, setHours] = useState<number | string>(start.hours);
  const [file, setFile] = useState<File | null>(null);
  const [picked, setPicked] = useState<{ stagedId: string; name: string } | null>(null);
  const kept = entry ? { id: entry.id, archived: entry.archived } : {};
  const verb = entry ? 'Change' : 'Add';

  async function save() {
    const saved = await run(() => write(), {
      done: 'Saved to the staff record.',
      failed: 'The entry was not saved',
    });
    if (saved) onDone();
  }

  async function write(): Promise<true> {
    if (kind === 'qualification') {
      if (!qualKind || !status)
        throw new Error('Choose what kind of qualification it is and whether it is achieved.');
      await call('staff:save-qualification', {
        personId,
        entry: {
          ...kept,
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
        entry: {
          ...kept,
          role: title,
          organisation,
          from: first,
          to: second || null,
          summary: notes,
        },
      });
    } else if (kind === 'check') {
      await call('staff:save-check', {
        personId,
        entry: {
          ...kept,
          name: title,
          checkedOn: first,
          expiresOn: second || null,
          reference: organisation,
        },
      });
    } else {
      const { id } = await call('staff:save-cpd', {
        personId,
        entry: { ...kept, date: first, activity: title, hours: Number(hours), learned: notes },
      });
      if (file) await addCpdFile(personId, id, { kind: 'browser', file });
      else if (picked)
        await addCpdFile(personId, id, { kind: 'staged', stagedId: picked.stagedId });
    }
    return true;
  }

  const shell = (label: string, children: ReactNode) => (
    <FormShell busy={busy} onSubmit={save} onCancel={onCancel} label={label}>
      {children}
    </FormShell>
  );

  if (kind === 'qualification') {
    return shell(
      `${verb} a qualification`,
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
      `${verb} occupational experience`,
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
      `${verb} a check`,
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
    `${verb} a CPD entry`,
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
