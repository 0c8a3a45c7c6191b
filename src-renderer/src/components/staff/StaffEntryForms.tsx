import { Stack } from '@mantine/core';
import { useState, type ComponentType, type FormEvent } from 'react';
import type { StaffRecordView } from '../../../../src-main/competence/staff-record-view';
import { addCpdFile } from '../../api/add-cpd-file';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { FormFooter } from '../common/FormFooter';
import {
  CheckFields,
  CpdFields,
  ExperienceFields,
  QualificationFields,
  type EntryValues,
  type FieldsProps,
} from './StaffEntryFields';

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

/** Each kind of entry: the form's name after "Add"/"Change", and its fields. */
const forms: Record<EntryKind, { name: string; Fields: ComponentType<FieldsProps> }> = {
  qualification: { name: 'a qualification', Fields: QualificationFields },
  experience: { name: 'occupational experience', Fields: ExperienceFields },
  check: { name: 'a check', Fields: CheckFields },
  cpd: { name: 'a CPD entry', Fields: CpdFields },
};

/** The fields' first values: the entry's own when it is changed, empty for a new one. */
function startingValues(entry: StaffEntry | undefined): EntryValues {
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
    file: null,
    picked: null,
  };
}

/** Saves one entry in the words of its kind; a CPD entry's certificate is added after it. */
async function write(
  personId: string,
  kind: EntryKind,
  entry: StaffEntry | undefined,
  v: EntryValues,
) {
  const kept = entry ? { id: entry.id, archived: entry.archived } : {};
  if (kind === 'qualification') {
    if (!v.qualKind || !v.status)
      throw new Error('Choose what kind of qualification it is and whether it is achieved.');
    await call('staff:save-qualification', {
      personId,
      entry: {
        ...kept,
        kind: v.qualKind as 'other',
        title: v.title,
        status: v.status as 'achieved',
        awardedOn: v.first || null,
        expiresOn: v.second || null,
        required: v.required,
      },
    });
  } else if (kind === 'experience') {
    await call('staff:save-experience', {
      personId,
      entry: {
        ...kept,
        role: v.title,
        organisation: v.organisation,
        from: v.first,
        to: v.second || null,
        summary: v.notes,
      },
    });
  } else if (kind === 'check') {
    await call('staff:save-check', {
      personId,
      entry: {
        ...kept,
        name: v.title,
        checkedOn: v.first,
        expiresOn: v.second || null,
        reference: v.organisation,
      },
    });
  } else {
    const { id } = await call('staff:save-cpd', {
      personId,
      entry: {
        ...kept,
        date: v.first,
        activity: v.title,
        hours: Number(v.hours),
        learned: v.notes,
      },
    });
    if (v.file) await addCpdFile(personId, id, { kind: 'browser', file: v.file });
    else if (v.picked)
      await addCpdFile(personId, id, { kind: 'staged', stagedId: v.picked.stagedId });
  }
  return true as const;
}

/** The form for one entry on a staff record, new or changed: a qualification, experience, CPD or a check. */
export function StaffEntryForm({ personId, kind, entry, onDone, onCancel }: Props) {
  const [values, setValues] = useState(() => startingValues(entry));
  const { busy, run } = useAction();
  const set = (change: Partial<EntryValues>) => setValues((v) => ({ ...v, ...change }));
  const { name, Fields } = forms[kind];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const saved = await run(() => write(personId, kind, entry, values), {
      done: 'Saved to the staff record.',
      failed: 'The entry was not saved',
    });
    if (saved) onDone();
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-label={`${entry ? 'Change' : 'Add'} ${name}`}>
      <Stack>
        <Fields values={values} set={set} />
        <FormFooter submit="Save" onCancel={onCancel} busy={busy} />
      </Stack>
    </form>
  );
}
