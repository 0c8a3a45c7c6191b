import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { UserError } from '../kernel/user-error';
import { withMergedCopy } from '../audit/audit';
import { JsonDocument, type DocumentOptions } from '../storage/json-document';
import { mapFsError } from '../storage/map-fs-error';
import { resolveInside } from '../storage/resolve-inside';
import type { Actor } from '../shared/record';
import { stamp } from '../shared/record';
import {
  STANDARDISATION_FOLDER,
  standardisationFileSchema,
  type StandardisationFile,
} from '../standardisation/standardisation-schema';
import type { Workspace } from '../workspace/workspace';
import {
  COMPETENCE_POLICY_FILE,
  STAFF_FOLDER,
  STAFF_RECORD_FILE,
  competencePolicyFileSchema,
  staffRecordFileSchema,
  type CompetencePolicyFile,
  type StaffRecordFile,
} from './staff-record-schema';

type Doc<S extends z.ZodType> = JsonDocument<S>;

const options: DocumentOptions = {
  onMerge: (data: StaffRecordFile, merged) =>
    withMergedCopy(data, merged, 'merged-conflict-copies/'),
};

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

  constructor(private readonly workspaceDir: string) {}

  private async doc<S extends z.ZodType>(
    relative: string,
    schema: S,
    label: string,
    initial: (() => z.output<S>) | null,
  ): Promise<Doc<S> | null> {
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
        return await JsonDocument.open(file, schema, label, options);
      } catch (error) {
        if (!(error instanceof UserError) || error.code !== 'not-found') throw error;
      }
      if (!initial) return null;
      await mkdir(path.dirname(file), { recursive: true }).catch((e: unknown) => {
        throw mapFsError(e, label);
      });
      return JsonDocument.create(file, schema, label, initial(), options);
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
    for (const name of names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort()) {
      const id = name.slice(0, -'.json'.length);
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
    store = new CompetenceStore(workspace.dir);
    stores.set(workspace, store);
  }
  return store;
}
