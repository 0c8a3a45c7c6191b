import { Button, Checkbox, Group, NumberInput, Select, Textarea, TextInput } from '@mantine/core';
import { call, isDesktop } from '../../api/client';
import { notifyError } from '../../api/notify';
import { DateField } from '../dates/DateField';

/** The values of an entry's form; each kind of entry names them in its own words. */
export interface EntryValues {
  title: string;
  qualKind: string | null;
  status: string | null;
  first: string;
  second: string;
  required: boolean;
  organisation: string;
  notes: string;
  hours: number | string;
  file: File | null;
  picked: { stagedId: string; name: string } | null;
}

export interface FieldsProps {
  values: EntryValues;
  set: (change: Partial<EntryValues>) => void;
}

/** A text field bound to one of the entry's values. */
const text =
  (set: FieldsProps['set'], key: 'title' | 'organisation' | 'notes') =>
  (e: { currentTarget: { value: string } }) =>
    set({ [key]: e.currentTarget.value });

export function QualificationFields({ values: v, set }: FieldsProps) {
  return (
    <>
      <TextInput
        label="Qualification title"
        value={v.title}
        onChange={text(set, 'title')}
        required
      />
      <Select
        label="Kind of qualification"
        value={v.qualKind}
        onChange={(qualKind) => set({ qualKind })}
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
        value={v.status}
        onChange={(status) => set({ status })}
        required
        data={[
          { value: 'achieved', label: 'Achieved' },
          { value: 'working-towards', label: 'Working towards' },
        ]}
      />
      <DateField label="Awarded on" value={v.first} onChange={(first) => set({ first })} />
      <DateField
        label="Expires on"
        description="Leave empty when it does not expire"
        value={v.second}
        onChange={(second) => set({ second })}
      />
      <Checkbox
        label="Required for their role (a lapse is raised at sign-off)"
        checked={v.required}
        onChange={(e) => set({ required: e.currentTarget.checked })}
      />
    </>
  );
}

export function ExperienceFields({ values: v, set }: FieldsProps) {
  return (
    <>
      <TextInput label="Role" value={v.title} onChange={text(set, 'title')} required />
      <TextInput label="Organisation" value={v.organisation} onChange={text(set, 'organisation')} />
      <DateField label="From" value={v.first} onChange={(first) => set({ first })} required />
      <DateField
        label="To"
        description="Leave empty if current"
        value={v.second}
        onChange={(second) => set({ second })}
      />
      <Textarea label="What the role involved" value={v.notes} onChange={text(set, 'notes')} />
    </>
  );
}

export function CheckFields({ values: v, set }: FieldsProps) {
  return (
    <>
      <TextInput
        label="Check"
        description="For example, DBS enhanced check"
        value={v.title}
        onChange={text(set, 'title')}
        required
      />
      <DateField label="Checked on" value={v.first} onChange={(first) => set({ first })} required />
      <DateField label="Expires on" value={v.second} onChange={(second) => set({ second })} />
      <TextInput label="Reference" value={v.organisation} onChange={text(set, 'organisation')} />
    </>
  );
}

/** A certificate or note for a CPD entry: the desktop app's file dialog, or the browser's. */
function CpdFileField({ values: v, set }: FieldsProps) {
  if (!isDesktop)
    return (
      <label>
        Certificate or note (optional)
        <input
          type="file"
          data-testid="cpd-file"
          style={{ display: 'block', marginTop: 4 }}
          onChange={(e) => set({ file: e.currentTarget.files?.[0] ?? null })}
        />
      </label>
    );
  return (
    <Group>
      <Button
        variant="default"
        onClick={() =>
          void call('evidence:choose-files', {})
            .then((files) => {
              const f = files[0];
              if (f) set({ picked: { stagedId: f.stagedId, name: f.name } });
            })
            .catch((error: unknown) => notifyError('No file was chosen', error))
        }
      >
        Choose a certificate or note…
      </Button>
      {v.picked && <span>{v.picked.name}</span>}
    </Group>
  );
}

export function CpdFields({ values: v, set }: FieldsProps) {
  return (
    <>
      <DateField
        label="Date of the activity"
        value={v.first}
        onChange={(first) => set({ first })}
        required
      />
      <TextInput label="Activity" value={v.title} onChange={text(set, 'title')} required />
      <NumberInput
        label="Hours"
        value={v.hours}
        onChange={(hours) => set({ hours })}
        min={0}
        max={1000}
        step={0.5}
        required
      />
      <Textarea label="What was learned" value={v.notes} onChange={text(set, 'notes')} />
      <CpdFileField values={v} set={set} />
    </>
  );
}
