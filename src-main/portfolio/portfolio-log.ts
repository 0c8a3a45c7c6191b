import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../kernel/user-error';
import { auditEntry } from '../audit/audit';
import type { Change, Op } from '../storage/change-log/change';
import { ChangeFold } from '../storage/change-log/change-fold';
import { CHANGES_FOLDER } from '../storage/change-log/change-file';
import { ChangeLogFiles, mergeChangeCopies } from '../storage/change-log/record-log';
import { conflictCopyOf, MERGED_COPIES_FOLDER, moveAside } from '../storage/conflict-copies';
import { removeLeftovers } from '../storage/leftovers';
import { withFileLock } from '../storage/file-lock';
import type { DiskState } from '../storage/json-document';
import { mapFsError } from '../storage/map-fs-error';
import type { Actor } from '../shared/record';
import { PORTFOLIO_COLLECTIONS, diffPortfolio, prepareRecord, slotsOf } from './portfolio-changes';
import { slotConflicts } from './portfolio-conflicts';
import { SnapshotWriter } from './portfolio-snapshot';
import type { Erasure } from './erasure-schema';
import { Scrubber } from './erasure-scrub';
import { holdsErased, removeArrivedCopies, scrubPortfolioFolder } from './erasure-disk';
import { importPortfolioFile, parseChangeLine, type ParsedLine } from './portfolio-import';
import { PORTFOLIO_VERSION, type Portfolio, type PortfolioConflict } from './portfolio-schema';

export const PORTFOLIO_FILE = 'portfolio.json';

export interface PortfolioLogOptions {
  writer: string;
  label: string;
  /** Who a merge of a sync engine's conflict copy is recorded as. */
  actor?: Actor;
  /** False to read without refreshing portfolio.json (a listing), unless something was upgraded. */
  snapshot?: boolean;
  /**
   * The workspace, where an erasure made on another computer also removes this computer's own
   * copies of the erased files (held and staged uploads, copies a sync engine kept).
   */
  workspaceDir?: string;
}

type Rec = Readonly<Record<string, unknown>> & { readonly id: string };

/**
 * One learner's portfolio as its change files hold it. Every save appends one change to this
 * process's own file (fsync before it is acknowledged) and never rewrites anything, so a save
 * costs the same on a learner with 20,000 audit entries as on a new one, two processes (or two
 * computers behind a sync engine) never write the same file, and the portfolio is the fold of
 * every change from every file, the same wherever it is read. portfolio.json is a snapshot made
 * from the fold, for people to read; losing or damaging it loses nothing.
 */
export class PortfolioLog {
  private fold: ChangeFold;
  private files: ChangeLogFiles;
  private current: Portfolio;
  private conflictCache = new Map<string, PortfolioConflict[]>();
  /** The portfolio's erasures, applied to every record whatever change put it. */
  private scrubber = new Scrubber([]);
  private readonly snapshot: SnapshotWriter;
  /** Change lines that could not be read, by file and line; reported, never rewritten. */
  readonly warnings: string[] = [];

  private constructor(
    readonly folder: string,
    readonly learnerId: string,
    private readonly options: PortfolioLogOptions,
  ) {
    this.fold = this.newFold();
    this.files = this.newFiles();
    this.current = this.materialise();
    this.snapshot = new SnapshotWriter(path.join(folder, PORTFOLIO_FILE), () => ({
      portfolio: this.current,
      changes: this.fold.changes.size,
    }));
  }

  get file(): string {
    return path.join(this.folder, PORTFOLIO_FILE);
  }

  get data(): Portfolio {
    return this.current;
  }

  /** Kept for the store's callers: a portfolio whose changes can be read is never refused. */
  get problem(): UserError | null {
    return null;
  }

  private get changesDir() {
    return path.join(this.folder, CHANGES_FOLDER);
  }

  static async open(
    folder: string,
    learnerId: string,
    options: PortfolioLogOptions,
  ): Promise<PortfolioLog> {
    const log = new PortfolioLog(folder, learnerId, options);
    if (options.snapshot !== false) {
      for (const dir of [folder, log.changesDir, path.join(folder, 'evidence')]) {
        await removeLeftovers(dir);
      }
    }
    const upgraded = await withFileLock(folder, async () => {
      const merged = await log.upgradeAndMerge();
      await log.readNew();
      return merged;
    });
    if (options.snapshot === false && !upgraded) log.cancelSnapshot();
    else if (upgraded && options.snapshot === false) await log.flush();
    return log;
  }

  /**
   * Folds a portfolio folder's changes without writing anything: how a test, a script or an
   * EQA's tool reads a portfolio whose portfolio.json snapshot may be a moment behind.
   */
  static async readFolder(
    folder: string,
    learnerId: string,
  ): Promise<{ portfolio: Portfolio; warnings: string[] }> {
    const log = new PortfolioLog(folder, learnerId, {
      writer: 'reader',
      label: `The portfolio in ${path.basename(folder)}`,
    });
    await log.readNew();
    log.cancelSnapshot();
    return { portfolio: log.data, warnings: log.warnings };
  }

  static async create(folder: string, learnerId: string, options: PortfolioLogOptions) {
    const log = new PortfolioLog(folder, learnerId, options);
    await mkdir(log.changesDir, { recursive: true });
    await log.writeSnapshot();
    return log;
  }

  /** Applies a change made to the current portfolio and appends it; resolves once it is on disk. */
  async update(change: (current: Portfolio) => Portfolio): Promise<Portfolio> {
    return withFileLock(this.folder, async () => {
      await this.readNew();
      const before = this.current;
      const after = change(before);
      const ops = diffPortfolio(before, after);
      if (!ops.length) return before;
      await this.append(ops, before);
      return this.current;
    });
  }

  /** Reads what other writers appended since; 'same' when there was nothing new. */
  async checkDisk(): Promise<DiskState> {
    return withFileLock(this.folder, async () => {
      const merged = await this.upgradeAndMerge();
      return (await this.readNew()) || merged ? 'reloaded' : 'same';
    });
  }

  /** Writes the snapshot now if a change is waiting for it (on shutdown, and in tests). */
  async flush(): Promise<void> {
    await this.snapshot.flush();
  }

  private newFiles(): ChangeLogFiles {
    return new ChangeLogFiles(
      path.join(this.folder, CHANGES_FOLDER),
      this.options.writer,
      this.options.label,
    );
  }

  private newFold(): ChangeFold {
    return new ChangeFold((collection, record) =>
      prepareRecord(collection, record, this.options.label),
    );
  }

  private async append(ops: Op[], before: Portfolio): Promise<void> {
    const id = `${this.options.writer}:${this.files.seq + 1}`;
    // A later operation of the same change on a slot has seen the earlier one.
    const earlier = new Map<string, string>();
    const slotted = ops.map((op, index) => {
      // Only a sign-off's earlier state says what kind of change it is; nothing else is looked up.
      const prior =
        op.r && op.c === 'signOffs'
          ? before.signOffs.find((r) => r.id === (op.r as { id: string }).id)
          : undefined;
      const { slots, kind } = slotsOf(op, prior);
      if (!slots.length) return op;
      const s = Object.fromEntries(
        slots.map((slot) => {
          const seen = this.fold.headVersions(slot);
          const same = earlier.get(slot);
          return [slot, same ? [...seen, same] : seen];
        }),
      );
      for (const slot of slots) earlier.set(slot, `${id}.${index}`);
      return { ...op, s, ...(kind ? { k: kind } : {}) };
    });
    const change = this.files.next(slotted, this.fold.maxClock + 1, this.learnerId);
    // Checked before it is written: a record the schema refuses is a bug, never the user's input.
    const records: (Rec | null)[] = [];
    for (const op of slotted) {
      records.push(null);
      if (op.r) {
        try {
          records[records.length - 1] = prepareRecord(op.c, op.r, this.options.label);
        } catch (error) {
          throw new UserError(
            'internal',
            `The workbench refused to save ${this.options.label.replace(/^The /, 'the ')} because the change would have made it invalid (${(error as Error).message}). Nothing was changed on disk.`,
          );
        }
      }
    }
    await this.files.append(change);
    this.apply([change], new Map([[change, records]]));
  }

  private apply(changes: Change[], prepared?: Map<Change, (Rec | null)[]>): boolean {
    const touched = new Set<string>();
    let added = false;
    let erased = false;
    for (const change of changes) {
      if (!this.fold.add(change, prepared?.get(change))) continue;
      added = true;
      for (const op of change.ops) for (const slot of Object.keys(op.s ?? {})) touched.add(slot);
      if (change.ops.some((op) => op.c === 'resolutions')) {
        for (const slot of this.fold.slots.keys()) touched.add(slot);
      }
      if (change.ops.some((op) => op.c === 'erasures')) erased = true;
    }
    if (!added) return false;
    if (erased) this.scrubber = new Scrubber(this.fold.collection('erasures') as Erasure[]);
    const resolved = new Set(
      (this.fold.collection('resolutions') as readonly { conflictId?: string }[]).map((r) =>
        String(r.conflictId),
      ),
    );
    for (const slot of touched) {
      const found = slotConflicts(this.fold, slot, resolved);
      if (found.length) this.conflictCache.set(slot, found);
      else this.conflictCache.delete(slot);
    }
    this.current = this.materialise();
    this.scheduleSnapshot();
    return true;
  }

  private materialise(): Portfolio {
    const scrub = this.scrubber;
    const lists = Object.fromEntries(
      PORTFOLIO_COLLECTIONS.map((c) => {
        const records = this.fold.collection(c) as readonly Rec[];
        return [c, scrub.active ? records.map((r) => scrub.record(c, r)) : records];
      }),
    );
    // Sorted, so every computer with the same changes writes the very same snapshot.
    const conflicts = [...this.conflictCache.values()]
      .flat()
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return Object.freeze({
      schemaVersion: PORTFOLIO_VERSION,
      kind: 'learner-portfolio',
      learnerId: this.learnerId,
      ...lists,
      conflicts,
    }) as unknown as Portfolio;
  }

  /** Reads the lines every change file gained since it was last read. */
  private async readNew(): Promise<boolean> {
    const fresh = await this.files.readNew((name, text, at) => this.parseLine(name, text, at));
    const added = this.apply(
      fresh.map((p) => p.change),
      new Map(fresh.map((p) => [p.change, p.records])),
    );
    // A change from another computer that still holds an erased value is scrubbed on disk too;
    // so is a file another computer put back whole (a sync engine's older copy winning).
    const foreign = fresh.filter((p) => p.change.writer !== this.options.writer);
    if (this.scrubber.active && (foreign.length || holdsErased(fresh, this.scrubber))) {
      await this.scrubOnDisk();
    }
    await removeArrivedCopies(foreign, this.options.workspaceDir, this.folder);
    return added;
  }

  /**
   * Rewrites every copy of this portfolio the workbench keeps (each writer's change file, merged
   * conflict copies, the snapshot and any damaged copy of it) without the erased values. `known`
   * are the values themselves, given while erasing so that text containing one is cleaned too.
   */
  async scrubOnDisk(known: readonly string[] = []): Promise<string[]> {
    const scrubber = new Scrubber(this.fold.collection('erasures') as Erasure[], known);
    if (!scrubber.active) return [];
    const rewritten = await scrubPortfolioFolder(this.folder, scrubber, this.options.label);
    if (known.length) {
      // What this process read before is read again, so no erased value stays in memory.
      this.fold = this.newFold();
      this.files = this.newFiles();
      this.conflictCache.clear();
      this.scrubber = new Scrubber([]);
      await this.readNew();
    }
    return rewritten;
  }

  /** The erasures this portfolio holds. */
  get erasures(): readonly Erasure[] {
    return this.fold.collection('erasures') as Erasure[];
  }

  private parseLine(name: string, text: string, at: number): ParsedLine | null {
    const parsed = parseChangeLine(text, this.learnerId, `${CHANGES_FOLDER}/${name}`, at);
    if (typeof parsed === 'string') {
      this.warn(parsed);
      return null;
    }
    return parsed;
  }

  private warn(message: string) {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }

  /**
   * Brings today's layout (a portfolio.json that holds the portfolio itself) and any sync
   * engine's conflict copies into the change files. Each is written as one change in a file
   * named by its content, so two computers upgrading the same file write the same file, and a
   * copy merged twice adds nothing. A merged conflict copy is moved aside, never deleted.
   */
  private async upgradeAndMerge(): Promise<boolean> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch (error) {
      throw mapFsError(error, this.options.label);
    }
    let merged = false;
    if (names.includes(PORTFOLIO_FILE))
      merged = (await this.importPortfolioFile(PORTFOLIO_FILE, false)) || merged;
    for (const name of names) {
      if (conflictCopyOf(name, [PORTFOLIO_FILE]) === PORTFOLIO_FILE) {
        // A copy in today's layout holds changes of its own; a copy of a snapshot holds only
        // what the change files (which never conflict) bring anyway. Either way it goes aside.
        await this.importPortfolioFile(name, true);
        await this.recordMerge(name);
        await this.moveAside(name, name);
        merged = true;
      }
    }
    for (const name of await mergeChangeCopies(this.folder, this.changesDir, this.options.label)) {
      await this.recordMerge(`${CHANGES_FOLDER}/${name}`);
      merged = true;
    }
    return merged;
  }

  private async importPortfolioFile(name: string, isCopy: boolean): Promise<boolean> {
    const result = await importPortfolioFile({
      folder: this.folder,
      changesDir: this.changesDir,
      learnerId: this.learnerId,
      label: this.options.label,
      name,
      isCopy,
    });
    if (result === 'damaged') this.scheduleSnapshot();
    return result !== 'unchanged';
  }

  private async moveAside(relative: string, name: string): Promise<void> {
    await moveAside(this.folder, relative, name);
  }

  /** The merge of a conflict copy goes on the learner's audit trail. */
  private async recordMerge(name: string): Promise<void> {
    await this.readNew();
    const actor = this.options.actor ?? { id: 'workbench', role: 'system' as const };
    const entry = auditEntry(actor, new Date(), 'merged sync conflict copy', name, {
      after: { keptIn: `${MERGED_COPIES_FOLDER}/` },
      subject: { learnerId: this.learnerId },
    });
    await this.append([{ c: 'audit', r: { ...entry } }], this.current);
  }

  private cancelSnapshot(): void {
    this.snapshot.cancel();
  }

  private scheduleSnapshot(): void {
    this.snapshot.schedule();
  }

  private async writeSnapshot(): Promise<void> {
    await this.snapshot.write();
  }
}
