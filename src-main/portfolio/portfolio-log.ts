import { mkdir, open, readFile, readdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../api/user-error';
import { auditEntry } from '../audit/audit';
import { writeFileAtomic } from '../storage/atomic-write';
import type { Change, Op } from '../storage/change-log/change';
import { ChangeFold } from '../storage/change-log/change-fold';
import {
  CHANGES_FOLDER,
  appendLine,
  listChangeFiles,
  readLinesFrom,
} from '../storage/change-log/change-file';
import { conflictCopyOf, MERGED_COPIES_FOLDER } from '../storage/conflict-copies';
import { removeLeftovers } from '../storage/leftovers';
import { withFileLock } from '../storage/file-lock';
import { parseDocument, type DiskState } from '../storage/json-document';
import { mapFsError } from '../storage/map-fs-error';
import type { Actor } from '../shared/record';
import {
  PORTFOLIO_COLLECTIONS,
  contentHash,
  diffPortfolio,
  importOps,
  prepareRecord,
  slotsOf,
} from './portfolio-changes';
import { slotConflicts } from './portfolio-conflicts';
import { portfolioMigrations } from './portfolio-migrations';
import {
  PORTFOLIO_VERSION,
  portfolioSchema,
  type Portfolio,
  type PortfolioConflict,
} from './portfolio-schema';

export const PORTFOLIO_FILE = 'portfolio.json';
const SNAPSHOT_NOTE =
  'Made from the files in changes/, which hold every change; this copy is only for reading. Editing or losing it changes nothing.';
const SNAPSHOT_DELAY_MS = 1500;

export interface PortfolioLogOptions {
  writer: string;
  label: string;
  /** Who a merge of a sync engine's conflict copy is recorded as. */
  actor?: Actor;
  /** False to read without refreshing portfolio.json (a listing), unless something was upgraded. */
  snapshot?: boolean;
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
  private readonly offsets = new Map<string, number>();
  private seq = 0;
  private current: Portfolio;
  private conflictCache = new Map<string, PortfolioConflict[]>();
  private snapshotTimer: NodeJS.Timeout | null = null;
  private snapshotDone = Promise.resolve();
  /** Change lines that could not be read, by file and line; reported, never rewritten. */
  readonly warnings: string[] = [];

  private constructor(
    readonly folder: string,
    readonly learnerId: string,
    private readonly options: PortfolioLogOptions,
  ) {
    this.fold = this.newFold();
    this.current = this.materialise();
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

  private get ownFile() {
    return path.join(this.changesDir, `${this.options.writer}.jsonl`);
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
    if (this.snapshotTimer) {
      clearTimeout(this.snapshotTimer);
      this.snapshotTimer = null;
      await this.writeSnapshot();
    }
    await this.snapshotDone;
  }

  private newFold(): ChangeFold {
    return new ChangeFold((collection, record) =>
      prepareRecord(collection, record, this.options.label),
    );
  }

  private async append(ops: Op[], before: Portfolio): Promise<void> {
    const seq = this.seq + 1;
    const id = `${this.options.writer}:${seq}`;
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
    const change: Change = {
      id,
      writer: this.options.writer,
      seq,
      clock: this.fold.maxClock + 1,
      at: new Date().toISOString(),
      owner: this.learnerId,
      ops: slotted,
    };
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
    try {
      await mkdir(this.changesDir, { recursive: true });
      const bytes = await appendLine(this.ownFile, JSON.stringify(change));
      this.offsets.set(
        path.basename(this.ownFile),
        (this.offsets.get(path.basename(this.ownFile)) ?? 0) + bytes,
      );
    } catch (error) {
      throw mapFsError(error, this.options.label);
    }
    this.seq = seq;
    this.apply([change], new Map([[change, records]]));
  }

  private apply(changes: Change[], prepared?: Map<Change, (Rec | null)[]>): boolean {
    const touched = new Set<string>();
    let added = false;
    for (const change of changes) {
      if (!this.fold.add(change, prepared?.get(change))) continue;
      added = true;
      for (const op of change.ops) for (const slot of Object.keys(op.s ?? {})) touched.add(slot);
      if (change.ops.some((op) => op.c === 'resolutions')) {
        for (const slot of this.fold.slots.keys()) touched.add(slot);
      }
    }
    if (!added) return false;
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
    const lists = Object.fromEntries(
      PORTFOLIO_COLLECTIONS.map((c) => [c, this.fold.collection(c)]),
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
    let files: Map<string, number>;
    try {
      files = await listChangeFiles(this.changesDir);
    } catch (error) {
      throw mapFsError(error, this.options.label);
    }
    const fresh: Change[] = [];
    const prepared = new Map<Change, (Rec | null)[]>();
    for (const [name, size] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const from = this.offsets.get(name) ?? 0;
      if (size <= from) continue;
      const { lines, next } = await readLinesFrom(path.join(this.changesDir, name), from);
      this.offsets.set(name, next);
      for (const line of lines) {
        const parsed = this.parseLine(name, line.text, line.at);
        if (!parsed) continue;
        const { change, records } = parsed;
        prepared.set(change, records);
        if (change.writer === this.options.writer) this.seq = Math.max(this.seq, change.seq);
        fresh.push(change);
      }
    }
    return this.apply(fresh, prepared);
  }

  /**
   * One line of a change file: its header checked, each record validated once (the fold then
   * uses them as they are), or a warning naming the file when any of it cannot be read.
   */
  private parseLine(
    name: string,
    text: string,
    at: number,
  ): { change: Change; records: (Rec | null)[] } | null {
    try {
      const change = JSON.parse(text) as unknown;
      if (!isChangeShape(change)) throw new Error('not a change');
      if (change.owner !== this.learnerId) {
        this.warn(
          `${CHANGES_FOLDER}/${name} holds changes of another learner's portfolio; they were left out.`,
        );
        return null;
      }
      const records = change.ops.map((op) =>
        op.r === undefined ? null : prepareRecord(op.c, op.r, `${CHANGES_FOLDER}/${name}`),
      );
      return { change, records };
    } catch (error) {
      const why =
        error instanceof UserError ? error.message : 'it is not a change the workbench can read';
      this.warn(`A change in ${CHANGES_FOLDER}/${name} (at byte ${at}) could not be read: ${why}`);
      return null;
    }
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
    let changeNames: string[] = [];
    try {
      changeNames = await readdir(this.changesDir);
    } catch (error) {
      if ((error as { code?: string }).code !== 'ENOENT')
        throw mapFsError(error, this.options.label);
    }
    for (const name of changeNames) {
      if (!conflictCopyOf(name, ['*.jsonl'])) continue;
      const text = await readFile(path.join(this.changesDir, name), 'utf8');
      const complete = text.slice(0, text.lastIndexOf('\n') + 1);
      const target = path.join(this.changesDir, `merged-${contentHash(complete)}.jsonl`);
      if (complete) await writeFileAtomic(target, complete);
      await this.moveAside(path.join(CHANGES_FOLDER, name), name);
      await this.recordMerge(`${CHANGES_FOLDER}/${name}`);
      merged = true;
    }
    return merged;
  }

  private async importPortfolioFile(name: string, isCopy: boolean): Promise<boolean> {
    const file = path.join(this.folder, name);
    // A snapshot this workbench made says so first: known from its first bytes, not read whole.
    if (await startsAsSnapshot(file)) return false;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return false;
      throw mapFsError(error, this.options.label);
    }
    const hasChanges = (await listChangeFiles(this.changesDir)).size > 0;
    // A snapshot this workbench made says so first, so it is known without parsing it whole.
    if (/^\{\s*"snapshot"\s*:/.test(text.slice(0, 64))) return false;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      if (isCopy) return false;
      if (hasChanges) {
        // A damaged snapshot holds nothing the changes do not: keep it beside, make a new one.
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        await rename(file, path.join(this.folder, `${name}.damaged-${stamp}`));
        this.scheduleSnapshot();
        return true;
      }
      throw parseFailure(this.options.label, name, error);
    }
    if (typeof raw === 'object' && raw !== null && 'snapshot' in raw) return false;
    const portfolio = parseDocument(text, portfolioSchema, this.options.label, file, {
      migrations: portfolioMigrations,
    });
    if (portfolio.learnerId !== this.learnerId) {
      throw new UserError(
        'unreadable-file',
        `${this.options.label} (${name}) belongs to another learner. Check that the folder was not copied over; the workbench has not changed it.`,
      );
    }
    const writer = `import-${contentHash(text)}`;
    const target = path.join(this.changesDir, `${writer}.jsonl`);
    const change: Change = {
      id: `${writer}:1`,
      writer,
      seq: 1,
      clock: 1,
      at: new Date(0).toISOString(),
      owner: this.learnerId,
      ops: importOps(portfolio),
    };
    await mkdir(this.changesDir, { recursive: true });
    if (await exists(target)) return false;
    await writeFileAtomic(target, `${JSON.stringify(change)}\n`);
    return true;
  }

  private async moveAside(relative: string, name: string): Promise<void> {
    const aside = path.join(this.folder, MERGED_COPIES_FOLDER);
    await mkdir(aside, { recursive: true });
    let target = path.join(aside, name);
    for (let n = 2; await exists(target); n += 1) target = path.join(aside, `${n}-${name}`);
    await rename(path.join(this.folder, relative), target);
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
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = null;
  }

  private scheduleSnapshot(): void {
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = null;
      void this.writeSnapshot();
    }, SNAPSHOT_DELAY_MS);
    this.snapshotTimer.unref();
  }

  private async writeSnapshot(): Promise<void> {
    const run = this.snapshotDone.then(async () => {
      const snapshot = {
        snapshot: { note: SNAPSHOT_NOTE, changes: this.fold.changes.size },
        ...this.current,
      };
      await writeFileAtomic(this.file, `${JSON.stringify(snapshot, null, 2)}\n`).catch(
        () => undefined,
      );
    });
    this.snapshotDone = run;
    await run;
  }
}

/** The shape of a change line, checked without copying it (the records are validated apart). */
function isChangeShape(value: unknown): value is Change {
  const c = value as Partial<Change> | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    typeof c.id === 'string' &&
    typeof c.writer === 'string' &&
    Number.isInteger(c.seq) &&
    Number.isInteger(c.clock) &&
    typeof c.owner === 'string' &&
    Array.isArray(c.ops) &&
    c.ops.every(
      (op) =>
        typeof op === 'object' &&
        op !== null &&
        typeof op.c === 'string' &&
        (op.r === undefined || (typeof op.r === 'object' && op.r !== null)) &&
        (op.del === undefined || typeof op.del === 'string') &&
        (op.s === undefined || (typeof op.s === 'object' && op.s !== null)),
    )
  );
}

function parseFailure(label: string, name: string, error: unknown): UserError {
  return new UserError(
    'unreadable-file',
    `${label} (${name}) is not valid JSON: ${(error as Error).message}. The workbench has not changed it.`,
  );
}

async function startsAsSnapshot(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(64);
    const { bytesRead } = await handle.read(head, 0, 64, 0);
    return /^\{\s*"snapshot"\s*:/.test(head.toString('utf8', 0, bytesRead));
  } finally {
    await handle.close();
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
