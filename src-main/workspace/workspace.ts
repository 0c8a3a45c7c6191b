import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../kernel/user-error';
import { centreMigrations } from '../centre/centre-migrations';
import { centreFileSchema, type CentreFile, type Learner } from '../centre/centre-schema';
import {
  addLearner,
  addStaffMember,
  newCentreFile,
  updateLearner,
  updateStaffMember,
  learnerAudit,
  type LearnerChange,
  type NewCentre,
  type NewLearner,
  type NewStaffMember,
  type StaffChange,
} from '../centre/roster';
import { rosterTombstones } from '../centre/roster-tombstones';
import { auditEntry, settleOnAuditTrail, withMergedCopy } from '../audit/audit';
import {
  PORTFOLIO_FILE,
  PortfolioStore,
  type PortfolioDocument,
} from '../portfolio/portfolio-store';
import { portfolioReadme } from '../portfolio/portfolio-readme';
import { mergeStrayFolders, type StrayMerge } from '../portfolio/stray-folders';
import type { Actor } from '../shared/record';
import { writeFileAtomic } from '../storage/atomic-write';
import { MERGED_COPIES_FOLDER } from '../storage/conflict-copies';
import { newWriterId } from '../storage/change-log/writer-id';
import { DocumentLog, type DocumentLogSpec, type FieldConflict } from '../storage/document-log';
import { parseDocument, restoreLastGood } from '../storage/json-document';
import { removeLeftovers } from '../storage/leftovers';
import { stagingFolder } from '../storage/staging';
import { mapFsError } from '../storage/map-fs-error';
import { safeName } from '../storage/safe-name';
import { storedUnitSchema, type StoredUnit } from '../unit/unit-schema';
import {
  addWitness,
  updateWitness,
  type WitnessChange,
  type WitnessDetails,
} from '../witness/witness-roster';
import { workspaceReadme } from './workspace-readme';
import { jsonFileNames } from '../storage/json-folder';
import { assertEmptyOrMissing, CENTRE_CHANGES, hasCentreChanges } from './workspace-folder';

export const CENTRE_FILE = 'centre.json';
export { PORTFOLIO_FILE };
export const UNITS_FOLDER = 'units';

export { CENTRE_CHANGES };

const CENTRE_LABEL = 'The centre file';

/** centre.json as a record log: the centre, each awarding body, person, learner and witness. */
function centreSpec(dir: string, writer: string): DocumentLogSpec<typeof centreFileSchema> {
  return {
    file: path.join(dir, CENTRE_FILE),
    name: CENTRE_FILE,
    changesDir: path.join(dir, CENTRE_CHANGES),
    schema: centreFileSchema,
    label: CENTRE_LABEL,
    shape: {
      objects: ['centre'],
      lists: [
        { path: 'awardingBodies' },
        { path: 'staff' },
        { path: 'learners' },
        { path: 'witnesses' },
        { path: 'audit', whole: true },
      ],
    },
    owner: 'centre',
    writer,
    migrations: centreMigrations,
    onMerge: (centre, merged) => withMergedCopy(centre, merged, `${MERGED_COPIES_FOLDER}/`),
    tombstones: rosterTombstones,
  };
}

export interface UnitListing {
  units: StoredUnit[];
  /** Unit files that could not be read; the others still load. */
  problems: string[];
}

/** A centre workspace folder: centre.json, the units it uses, one folder per learner. */
type ParsedUnitFile = { mtimeMs: number; size: number; ino: number } & (
  { unit: StoredUnit } | { problem: string }
);

export class Workspace {
  readonly portfolios: PortfolioStore;
  private unitFiles = new Map<string, ParsedUnitFile>();

  /** Workspaces opened in this process, so a command can write their snapshots before it ends. */
  private static readonly opened = new Set<WeakRef<Workspace>>();

  private constructor(
    readonly dir: string,
    private centreDoc: DocumentLog<typeof centreFileSchema>,
    /** This process as a writer of change files: portfolios, centre and sampling files. */
    readonly writer: string,
  ) {
    this.portfolios = new PortfolioStore(dir, { writer });
    Workspace.opened.add(new WeakRef(this));
  }

  static async flushAll(): Promise<void> {
    for (const ref of [...Workspace.opened]) {
      const workspace = ref.deref();
      if (!workspace) Workspace.opened.delete(ref);
      else await Promise.all([workspace.portfolios.flush(), workspace.centreDoc.flush()]);
    }
  }

  static async open(dir: string): Promise<Workspace> {
    const resolved = path.resolve(dir);
    try {
      const info = await stat(resolved);
      if (!info.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    } catch (error) {
      throw mapFsError(error, `The folder ${resolved}`);
    }
    const file = path.join(resolved, CENTRE_FILE);
    try {
      if (!(await hasCentreChanges(resolved))) await stat(file);
    } catch {
      throw new UserError(
        'not-a-workspace',
        `The folder ${resolved} is not a centre workspace. Choose the folder that holds centre.json.`,
      );
    }
    // What a crash left behind (temporary files of unfinished saves) goes before anything is read.
    await removeLeftovers(resolved);
    await removeLeftovers(path.join(resolved, 'sampling'));
    await removeLeftovers(stagingFolder(resolved));
    const writer = newWriterId();
    const doc = await DocumentLog.open(centreSpec(resolved, writer));
    const workspace = new Workspace(resolved, doc, writer);
    // A portfolio folder the roster moved (an erasure) is finished before any portfolio is read.
    await workspace.mergeStrayFolders();
    return workspace;
  }

  static async create(dir: string, input: NewCentre, actor: Actor, now: Date): Promise<Workspace> {
    const resolved = path.resolve(dir);
    await assertEmptyOrMissing(resolved);
    try {
      await mkdir(path.join(resolved, 'learners'), { recursive: true });
      await mkdir(path.join(resolved, UNITS_FOLDER), { recursive: true });
      await writeFile(path.join(resolved, 'README.txt'), workspaceReadme(input.name.trim()));
    } catch (error) {
      throw mapFsError(error, `The folder ${resolved}`);
    }
    const writer = newWriterId();
    const doc = await DocumentLog.create(
      centreSpec(resolved, writer),
      newCentreFile(input, actor, now),
    );
    return new Workspace(resolved, doc, writer);
  }

  /**
   * Puts back a good centre.json in place of a damaged one, keeping the damaged file beside it:
   * made again from centre-changes/, or (a workspace not yet upgraded) its last good copy.
   */
  static async restoreCentre(dir: string, now: Date): Promise<{ keptAs: string }> {
    const resolved = path.resolve(dir);
    if (await hasCentreChanges(resolved)) {
      const keptAs = `${CENTRE_FILE}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
      try {
        await rename(path.join(resolved, CENTRE_FILE), path.join(resolved, keptAs));
      } catch (error) {
        if ((error as { code?: string }).code !== 'ENOENT') throw mapFsError(error, CENTRE_LABEL);
      }
      // Opening makes the snapshot again from centre-changes/, which hold every change.
      await DocumentLog.open(centreSpec(resolved, newWriterId()));
      return { keptAs };
    }
    return restoreLastGood(
      path.join(resolved, CENTRE_FILE),
      centreFileSchema,
      CENTRE_LABEL,
      { migrations: centreMigrations },
      now,
    );
  }

  /** Fields of centre.json two computers changed differently, until someone keeps one. */
  get centreConflicts(): FieldConflict[] {
    return this.centreDoc.conflicts;
  }

  /** Keeps one value of a centre.json conflict, on the centre's audit trail. */
  async settleCentreConflict(conflictId: string, version: string, actor: Actor, now: Date) {
    await settleOnAuditTrail(this.centreDoc, conflictId, version, actor, now);
  }

  get centre(): Readonly<CentreFile> {
    return this.centreDoc.data;
  }

  get centreFile(): string {
    return this.centreDoc.file;
  }

  /** Applies a roster change to centre.json through its single writer. */
  async changeCentre<T>(change: (centre: CentreFile) => { centre: CentreFile; result: T }) {
    let result: T | undefined;
    await this.centreDoc.update((centre) => {
      const answer = change(centre);
      result = answer.result;
      return answer.centre;
    });
    return result as T;
  }

  /** Writes centre.json's snapshot now if a change is waiting for it. */
  async flushCentre(): Promise<void> {
    await this.centreDoc.flush();
  }

  /**
   * Reads centre.json's changes again from the start: after an erasure rewrote values in change
   * lines already read, so nothing erased stays in memory to be written back.
   */
  async reopenCentre(): Promise<void> {
    this.centreDoc = await DocumentLog.open(centreSpec(this.dir, this.writer));
  }

  /** Why centre.json cannot be saved now: damaged or gone since it was read. */
  get centreProblem(): UserError | null {
    return this.centreDoc.problem;
  }

  async checkCentreOnDisk() {
    const state = await this.centreDoc.checkDisk();
    // The roster may have moved a portfolio folder (an erasure made on another computer).
    if (state === 'reloaded') await this.mergeStrayFolders();
    return state;
  }

  /** Merges stray portfolio folders into the ones the roster names (see stray-folders.ts). */
  async mergeStrayFolders(): Promise<StrayMerge[]> {
    return mergeStrayFolders(this.dir, this.centre.learners, {
      readme: (l) => portfolioReadme(l.name, this.centre.centre.name),
      release: (id) => this.portfolios.release(id),
    });
  }

  async addStaffMember(input: NewStaffMember, actor: Actor, now: Date) {
    return this.changeCentre((c) => {
      const { centre, member } = addStaffMember(c, input, actor, now);
      return { centre, result: member };
    });
  }

  async updateStaffMember(personId: string, change: StaffChange, actor: Actor, now: Date) {
    return this.changeCentre((c) => {
      const { centre, member } = updateStaffMember(c, personId, change, actor, now);
      return { centre, result: member };
    });
  }

  async addWitness(input: WitnessDetails, actor: Actor, now: Date) {
    return this.changeCentre((c) => {
      const { centre, witness } = addWitness(c, input, actor, now);
      return { centre, result: witness };
    });
  }

  async updateWitness(witnessId: string, change: WitnessChange, actor: Actor, now: Date) {
    return this.changeCentre((c) => {
      const { centre, witness } = updateWitness(c, witnessId, change, actor, now);
      return { centre, result: witness };
    });
  }

  /** Adds the learner to the roster and makes their portfolio folder. */
  async addLearner(input: NewLearner, actor: Actor, now: Date): Promise<Learner> {
    const { learner } = addLearner(this.centre, input, actor, now);
    await this.portfolios.create(learner, this.centre.centre.name);
    return this.changeCentre((centre) => {
      // Checked again inside the writer: another addition may have taken the ULN meanwhile.
      const added = addLearner(centre, input, actor, now);
      const entry = auditEntry(actor, now, 'added learner', `learner ${learner.id}`, {
        after: { name: learner.name, uln: learner.uln },
        subject: { learnerId: learner.id },
      });
      const withId = { ...added.learner, id: learner.id, portfolio: learner.portfolio };
      return {
        centre: {
          ...centre,
          learners: [...centre.learners, withId],
          audit: [...centre.audit, entry],
        },
        result: withId,
      };
    });
  }

  async updateLearner(learnerId: string, change: LearnerChange, actor: Actor, now: Date) {
    return this.changeCentre((c) => {
      const { centre, before, learner } = updateLearner(c, learnerId, change, actor, now);
      const entry = learnerAudit(before, learner, actor, now);
      return {
        centre: entry ? { ...centre, audit: [...centre.audit, entry] } : c,
        result: learner,
      };
    });
  }

  learner(learnerId: string): Learner {
    const learner = this.centre.learners.find((l) => l.id === learnerId);
    if (!learner) throw new UserError('not-found', 'That learner is not in this centre.');
    return learner;
  }

  async portfolio(learnerId: string): Promise<PortfolioDocument> {
    return this.portfolios.get(this.learner(learnerId));
  }

  async portfolioFolder(learnerId: string): Promise<string> {
    return this.portfolios.folderOf(this.learner(learnerId));
  }

  async listUnits(): Promise<UnitListing> {
    const folder = path.join(this.dir, UNITS_FOLDER);
    const names = await jsonFileNames(folder, 'The units folder');
    const units: StoredUnit[] = [];
    const problems: string[] = [];
    const seen = new Map<string, ParsedUnitFile>();
    for (const name of names) {
      const parsed = await this.parsedUnitFile(path.join(folder, name), name);
      seen.set(name, parsed);
      if ('unit' in parsed) units.push(parsed.unit);
      else problems.push(parsed.problem);
    }
    this.unitFiles = seen;
    return { units, problems };
  }

  /**
   * A unit file read and parsed once per change of it: a decision asks for the units, and a
   * whole unit library parsed on every key press is work for nothing. A file is read again when
   * its size, modification time or inode changes (an edit, a sync, `saveUnit`'s rename).
   */
  private async parsedUnitFile(file: string, name: string): Promise<ParsedUnitFile> {
    try {
      const info = await stat(file);
      const known = this.unitFiles.get(name);
      const same = (k: ParsedUnitFile) =>
        k.mtimeMs === info.mtimeMs && k.size === info.size && k.ino === info.ino;
      if (known && same(known)) return known;
      const text = await readFile(file, 'utf8');
      const stamp = { mtimeMs: info.mtimeMs, size: info.size, ino: info.ino };
      try {
        return {
          ...stamp,
          unit: parseDocument(text, storedUnitSchema, `The unit file ${name}`, file),
        };
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        return { ...stamp, problem: error.message };
      }
    } catch (error) {
      return { mtimeMs: -1, size: -1, ino: -1, problem: mapFsError(error, name).message };
    }
  }

  async saveUnit(unit: StoredUnit): Promise<string> {
    const checked = storedUnitSchema.parse(unit);
    const name = `${safeName(checked.id, 'unit')}-v${checked.version}.json`;
    const file = path.join(this.dir, UNITS_FOLDER, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, `${JSON.stringify(checked, null, 2)}\n`);
    return file;
  }
}
