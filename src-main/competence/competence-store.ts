import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { UserError } from '../kernel/user-error';
import { openConflicts, settleInOpenDocuments, withMergedCopy } from '../audit/audit';
import { MERGED_COPIES_FOLDER } from '../storage/conflict-copies';
import type { DocumentShape } from '../storage/change-log/document-cells';
import { DocumentLog, type DocumentLogSpec, type FieldConflict } from '../storage/document-log';
import { mapFsError } from '../storage/map-fs-error';
import { resolveInside } from '../storage/resolve-inside';
import type { Actor } from '../shared/record';
import { stamp } from '../shared/record';
import {
  STANDARDISATION_FOLDER,
  standardisationFileSchema,
  type StandardisationFile,
} from './standardisation-schema';
import type { Workspace } from '../workspace/workspace';
import { qaTombstones, type QaTombstones } from '../sampling/qa-tombstones';
import {
  COMPETENCE_POLICY_FILE,
  STAFF_FOLDER,
  STAFF_RECORD_FILE,
  competencePolicyFileSchema,
  staffRecordFileSchema,
  type CompetencePolicyFile,
  type StaffRecordFile,
} from './staff-record-schema';

type Doc<S extends z.ZodType> = DocumentLog<S>;

const audit = { path: 'audit', whole: true };

/** Where each file's records are, so two computers' edits of one file merge field by field. */
function shapeOf(relative: string): DocumentShape {
  if (relative.startsWith(`${STANDARDISATION_FOLDER}/`)) {
    return {
      lists: [
        { path: 'judgements', key: (r) => String(r.assessorId) },
        { path: 'actions' },
        { path: 'strategyDecisions' },
        audit,
      ],
    };
  }
  if (relative.endsWith(`/${STAFF_RECORD_FILE}`)) {
    return {
      lists: [
        { path: 'qualifications' },
        { path: 'experience' },
        { path: 'cpd' },
        { path: 'checks' },
        audit,
      ],
    };
  }
  return { lists: [audit] };
}

/** The folder of change files beside a file: `record.json` keeps its changes in `record-changes/`. */
export const changesFolderOf = (file: string) => `${file.replace(/\.json$/, '')}-changes`;

const safeId = /^[a-z]{2,4}-[0-9a-z-]{1,40}$/;

export function emptyStaffRecord(personId: string, actor: Actor, now: Date): StaffRecordFile {
  return {
    schemaVersion: 1,
    kind: 'staff-record',
    id: `sr-${personId}`,
    ...stamp(actor, now),
    personId,
    qualifications: [],
    experience: [],
    cpd: [],
    checks: [],
    audit: [],
  };
}

export function defaultPolicy(): CompetencePolicyFile {
  return {
    schemaVersion: 1,
    kind: 'staff-competence-policy',
    id: 'competence-policy',
    updatedAt: new Date(0).toISOString(),
    updatedBy: 'workbench',
    lapsedQualificationAtSignOff: 'warn',
    expiringWithinDays: 60,
    audit: [],
  };
}

/**
 * Every file of staff competence and standardisation goes through here: `staff/<id>/record.json`,
 * `staff/competence-policy.json` and `standardisation/<id>.json`. Each file has one document object
 * in the process, so every change to it goes through that document's single writer. Each record
 * carries `id`, `updatedAt` and `updatedBy`, so these files can move onto a change log later.
 */
export class CompetenceStore {
  private readonly docs = new Map<string, Promise<Doc<z.ZodType> | null>>();

  constructor(
    private readonly workspaceDir: string,
    private readonly writer: string,
    /** Erased learners, so an older standardisation record never shows them by name again. */
    private readonly tombstones?: QaTombstones,
  ) {}

  private spec<S extends z.ZodType>(
    relative: string,
    file: string,
    schema: S,
    label: string,
  ): DocumentLogSpec<S> {
    const name = relative.split(path.sep).join('/');
    const folder = path.posix.dirname(name);
    return {
      file,
      name,
      changesDir: changesFolderOf(file),
      schema,
      label,
      shape: shapeOf(name),
      owner: name,
      writer: this.writer,
      ...(name.startsWith(`${STANDARDISATION_FOLDER}/`) ? this.tombstones?.hooks : {}),
      // Every one of these files keeps an audit trail; a merged sync conflict copy goes on it.
      onMerge: (data: z.output<S>, merged) =>
        withMergedCopy(
          data as StaffRecordFile,
          merged as Parameters<typeof withMergedCopy>[1],
          `${folder}/${MERGED_COPIES_FOLDER}/`,
        ) as z.output<S>,
    };
  }

  private async doc<S extends z.ZodType>(
    relative: string,
    schema: S,
    label: string,
    initial: (() => z.output<S>) | null,
  ): Promise<Doc<S> | null> {
    await this.tombstones?.refresh();
    const cached = this.docs.get(relative) as Promise<Doc<S> | null> | undefined;
    const found = cached ? await cached : null;
    if (found) {
      // Another computer or process may have saved since: read what is on disk now.
      if ((await found.checkDisk()) === 'broken') throw found.problem!;
      return found;
    }
    const pending = (async (): Promise<Doc<S> | null> => {
      const file = await resolveInside(this.workspaceDir, relative);
      try {
        return await DocumentLog.open(this.spec(relative, file, schema, label));
      } catch (error) {
        if (!(error instanceof UserError) || error.code !== 'not-found') throw error;
      }
      if (!initial) return null;
      await mkdir(path.dirname(file), { recursive: true }).catch((e: unknown) => {
        throw mapFsError(e, label);
      });
      return DocumentLog.create(this.spec(relative, file, schema, label), initial());
    })();
    this.docs.set(relative, pending as Promise<Doc<z.ZodType> | null>);
    // Nothing on disk yet, or unreadable: ask the disk again next time.
    pending
      .then((doc) => doc ?? this.docs.delete(relative))
      .catch(() => this.docs.delete(relative));
    return pending;
  }

  private staffPath(personId: string, ...rest: string[]): string {
    if (!safeId.test(personId)) {
      throw new UserError('not-found', 'That person is not on the staff of this centre.');
    }
    return path.join(STAFF_FOLDER, personId, ...rest);
  }

  /** The person's folder for CPD evidence files, made when first needed. */
  async evidenceFolder(personId: string): Promise<string> {
    const folder = await resolveInside(this.workspaceDir, this.staffPath(personId, 'evidence'));
    await mkdir(folder, { recursive: true }).catch((e: unknown) => {
      throw mapFsError(e, 'The staff evidence folder');
    });
    return folder;
  }

  /** Where a stored file of the person's record is, confined to their folder. */
  async staffFile(personId: string, relative: string): Promise<string> {
    const root = await resolveInside(this.workspaceDir, this.staffPath(personId));
    return resolveInside(root, relative);
  }

  async readStaffRecord(personId: string): Promise<StaffRecordFile | null> {
    const doc = await this.doc(
      this.staffPath(personId, STAFF_RECORD_FILE),
      staffRecordFileSchema,
      'The staff record',
      null,
    );
    return doc?.data ?? null;
  }

  async changeStaffRecord(
    personId: string,
    actor: Actor,
    now: Date,
    change: (record: StaffRecordFile) => StaffRecordFile,
  ): Promise<StaffRecordFile> {
    const doc = await this.doc(
      this.staffPath(personId, STAFF_RECORD_FILE),
      staffRecordFileSchema,
      'The staff record',
      () => emptyStaffRecord(personId, actor, now),
    );
    return doc!.update((record) => ({ ...change(record), ...stamp(actor, now) }));
  }

  async readPolicy(): Promise<CompetencePolicyFile> {
    const doc = await this.doc(
      path.join(STAFF_FOLDER, COMPETENCE_POLICY_FILE),
      competencePolicyFileSchema,
      'The staff competence settings',
      null,
    );
    return doc?.data ?? defaultPolicy();
  }

  async changePolicy(
    change: (policy: CompetencePolicyFile) => CompetencePolicyFile,
  ): Promise<CompetencePolicyFile> {
    const doc = await this.doc(
      path.join(STAFF_FOLDER, COMPETENCE_POLICY_FILE),
      competencePolicyFileSchema,
      'The staff competence settings',
      defaultPolicy,
    );
    return doc!.update(change);
  }

  private meetingPath(id: string): string {
    if (!safeId.test(id))
      throw new UserError('not-found', 'That standardisation record is not here.');
    return path.join(STANDARDISATION_FOLDER, `${id}.json`);
  }

  async createMeeting(file: StandardisationFile): Promise<StandardisationFile> {
    const doc = await this.doc(
      this.meetingPath(file.id),
      standardisationFileSchema,
      'The standardisation record',
      () => file,
    );
    return doc!.data;
  }

  async changeMeeting(
    id: string,
    change: (meeting: StandardisationFile) => StandardisationFile,
  ): Promise<StandardisationFile> {
    const doc = await this.doc(
      this.meetingPath(id),
      standardisationFileSchema,
      'The standardisation record',
      null,
    );
    if (!doc) throw new UserError('not-found', 'That standardisation record is not here any more.');
    return doc.update(change);
  }

  /**
   * Called for a standardisation file changed on disk (its snapshot, a conflict copy, a file of
   * its change folder): read again, which scrubs an older copy naming an erased learner. True
   * when it brought something this process had not seen.
   */
  async noticeMeeting(name: string): Promise<boolean> {
    const id = /^([a-z]{2,4}-[0-9a-z-]+?)(?:-changes|\.sync-conflict-.*|\.json)?$/.exec(
      name.replace(/\.json$/, ''),
    )?.[1];
    if (!id || !safeId.test(id)) return false;
    await this.tombstones?.refresh();
    const cached = this.docs.get(this.meetingPath(id));
    const open = cached ? await cached.catch(() => null) : null;
    if (open) return (await open.checkDisk()) !== 'same';
    const doc = await this.doc(
      this.meetingPath(id),
      standardisationFileSchema,
      'The standardisation record',
      null,
    );
    return doc !== null;
  }

  /** Fields of the staff and standardisation files two computers set differently. */
  async conflicts(): Promise<FieldConflict[]> {
    return openConflicts(this.docs.values());
  }

  /** Keeps one value of such a conflict, on that file's audit trail. */
  async settle(conflictId: string, version: string, actor: Actor, now: Date): Promise<boolean> {
    return settleInOpenDocuments(this.docs.values(), conflictId, version, actor, now);
  }

  /** Every standardisation record, newest first; one that cannot be read is reported by name. */
  async listMeetings(): Promise<{ meetings: StandardisationFile[]; problems: string[] }> {
    let names: string[];
    try {
      names = await readdir(path.join(this.workspaceDir, STANDARDISATION_FOLDER));
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return { meetings: [], problems: [] };
      throw mapFsError(error, 'The standardisation folder');
    }
    const meetings: StandardisationFile[] = [];
    const problems: string[] = [];
    // A meeting recorded on another computer may so far have only its change folder here.
    const ids = new Set(
      names
        .filter((n) => !n.startsWith('.'))
        .map((n) =>
          n.endsWith('.json')
            ? n.slice(0, -'.json'.length)
            : n.endsWith('-changes')
              ? n.slice(0, -'-changes'.length)
              : null,
        )
        .filter((id): id is string => id !== null && safeId.test(id)),
    );
    for (const id of [...ids].sort()) {
      const name = `${id}.json`;
      try {
        const doc = await this.doc(
          this.meetingPath(id),
          standardisationFileSchema,
          `The standardisation record ${name}`,
          null,
        );
        if (doc) meetings.push(doc.data);
      } catch (error) {
        problems.push(error instanceof UserError ? error.message : String(error));
      }
    }
    meetings.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
    return { meetings, problems };
  }
}

const stores = new WeakMap<Workspace, CompetenceStore>();

/** The one store of a workspace object, so two screens never hold two writers of one file. */
export function competenceStore(workspace: Workspace): CompetenceStore {
  let store = stores.get(workspace);
  if (!store) {
    store = new CompetenceStore(workspace.dir, workspace.writer, qaTombstones(workspace));
    stores.set(workspace, store);
  }
  return store;
}
