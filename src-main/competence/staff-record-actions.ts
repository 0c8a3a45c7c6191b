import { UserError } from '../kernel/user-error';
import { auditEntry, changedFields } from '../audit/audit';
import { newId } from '../shared/ids';
import { stamp, type Actor } from '../shared/record';
import type { CpdEntry, StaffRecordFile } from './staff-record-schema';

export type EntryList = 'qualifications' | 'experience' | 'cpd' | 'checks';
type EntryOf<L extends EntryList> = StaffRecordFile[L][number];
/** What the screen sends: the entry without its stamps; with an id to change one already kept. */
export type EntryInput<L extends EntryList> = Omit<
  EntryOf<L>,
  'id' | 'updatedAt' | 'updatedBy' | 'evidence'
> & { id?: string };

const prefixes: Record<EntryList, string> = {
  qualifications: 'sq',
  experience: 'sx',
  cpd: 'cpd',
  checks: 'sc',
};

const words: Record<EntryList, string> = {
  qualifications: 'qualification',
  experience: 'occupational experience',
  cpd: 'CPD entry',
  checks: 'check',
};

/**
 * Adds an entry to a staff record, or changes one, with its audit line. Entries are archived,
 * never removed: a CPD log and a qualification history are kept for the EQA.
 */
export function saveEntry<L extends EntryList>(
  record: StaffRecordFile,
  list: L,
  input: EntryInput<L>,
  actor: Actor,
  now: Date,
): { record: StaffRecordFile; id: string } {
  const entries = record[list] as EntryOf<L>[];
  const before = input.id ? entries.find((e) => e.id === input.id) : undefined;
  if (input.id && !before) {
    throw new UserError('not-found', `That ${words[list]} is not on this staff record any more.`);
  }
  const id = before?.id ?? newId(prefixes[list]);
  const kept = list === 'cpd' ? { evidence: (before as CpdEntry | undefined)?.evidence ?? [] } : {};
  const entry = { ...before, ...kept, ...input, id, ...stamp(actor, now) } as EntryOf<L>;
  const diff = before ? changedFields(before, entry) : { after: input };
  if (before && !diff) return { record, id };
  const action = !before
    ? `added ${words[list]}`
    : (entry as { archived?: boolean }).archived
      ? `archived ${words[list]}`
      : `changed ${words[list]}`;
  const audit = auditEntry(actor, now, action, `${words[list]} ${id}`, {
    ...diff,
    subject: { personId: record.personId },
  });
  const next = before ? entries.map((e) => (e.id === id ? entry : e)) : [...entries, entry];
  return { record: { ...record, [list]: next, audit: [...record.audit, audit] }, id };
}

/** A file added to a CPD entry, already copied and hashed into the person's evidence folder. */
export function addCpdFile(
  record: StaffRecordFile,
  cpdId: string,
  file: CpdEntry['evidence'][number],
  actor: Actor,
  now: Date,
): StaffRecordFile {
  const entry = record.cpd.find((c) => c.id === cpdId);
  if (!entry) throw new UserError('not-found', 'That CPD entry is not on this staff record.');
  const same = record.cpd.find((c) => c.evidence.some((f) => f.sha256 === file.sha256));
  if (same) {
    throw new UserError(
      'conflict',
      `That file is already kept with the CPD entry "${same.activity}", so it was not added again.`,
    );
  }
  const changed: CpdEntry = { ...entry, evidence: [...entry.evidence, file], ...stamp(actor, now) };
  const audit = auditEntry(actor, now, 'added CPD evidence', `CPD entry ${cpdId}`, {
    after: { path: file.path, sha256: file.sha256, size: file.size },
    subject: { personId: record.personId },
  });
  return {
    ...record,
    cpd: record.cpd.map((c) => (c.id === cpdId ? changed : c)),
    audit: [...record.audit, audit],
  };
}
