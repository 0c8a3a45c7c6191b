import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { UserError } from '../kernel/user-error';
import type { Change, Op } from './change-log/change';
import { ChangeFold } from './change-log/change-fold';
import { assemble, diffCells, slotOf, type Cell } from './change-log/document-cells';
import { ChangeLogFiles, isChangeShape } from './change-log/record-log';
import { SNAPSHOT_HEAD, SnapshotWriter } from './change-log/snapshot-writer';
import { fieldConflicts, type FieldConflict } from './document-conflicts';
import { importDocument, mergeDocumentCopies, type DocumentLogSpec } from './document-merge';
import { scrubDocumentFiles, scrubDocumentText, type CellScrub } from './document-tombstones';
import { withFileLock } from './file-lock';
import { describeIssues, fingerprint, parseDocument, type DiskState } from './json-document';
import { mapFsError } from './map-fs-error';

export type { FieldConflict } from './document-conflicts';
export type { DocumentLogSpec } from './document-merge';

const SNAPSHOT_NOTE = (dir: string) =>
  `Made from the files in ${dir}/, which hold every change; this copy is only for reading. Editing or losing it changes nothing.`;

type Rec = Readonly<Record<string, unknown>> & { readonly id: string };

/**
 * A workbench document (centre.json, a sampling file) kept as a record log, like a portfolio:
 * each save appends one change to this process's own change file, and the document is the fold
 * of every change from every writer. Changes say which fields they set and which versions of
 * each they had seen, so two computers changing different fields of one record both keep
 * theirs, and two that changed one field differently are a conflict, shown with both values.
 * The file at the document's usual path is a snapshot of the fold, for people and programs
 * that read it.
 */
export class DocumentLog<S extends z.ZodType> {
  private readonly fold = new ChangeFold((_c, r) => Object.freeze(r as Rec));
  private readonly files: ChangeLogFiles;
  private current: z.output<S> | null = null;
  private conflictCache = new Map<string, FieldConflict>();
  private broken: UserError | null = null;
  private lastWritten: string | null = null;
  private readonly snapshot: SnapshotWriter;
  /** The document's tombstones: what they cover shows as they say, whatever change set it. */
  private scrub: CellScrub | null = null;
  private tombstonesSeen: string | undefined; // `spec.tombstonesVersion` the fold was made with
  /** Change lines that could not be read, by file and line; reported, never rewritten. */
  readonly warnings: string[] = [];

  private constructor(readonly spec: DocumentLogSpec<S>) {
    this.files = new ChangeLogFiles(spec.changesDir, spec.writer, spec.label);
    this.snapshot = new SnapshotWriter(
      spec.file,
      () => ({
        header: {
          note: SNAPSHOT_NOTE(path.basename(spec.changesDir)),
          changes: this.fold.changes.size,
          ...(this.conflicts.length ? { conflicts: this.conflicts } : {}),
        },
        body: this.data as object,
      }),
      (text) => (this.lastWritten = fingerprint(text)),
    );
  }

  get file(): string {
    return this.spec.file;
  }

  get data(): Readonly<z.output<S>> {
    return this.state();
  }

  private state(): z.output<S> {
    if (!this.current) throw new UserError('not-found', `${this.spec.label} holds nothing yet.`);
    return this.current;
  }

  /** Why the document may not be saved now: its snapshot was damaged while the workbench ran. */
  get problem(): UserError | null {
    return this.broken;
  }

  /** Fields two computers changed differently, each with both values, who and when. */
  get conflicts(): FieldConflict[] {
    return [...this.conflictCache.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  /** Opens a document: today's layout and sync engines' conflict copies are brought in first. */
  static async open<S extends z.ZodType>(spec: DocumentLogSpec<S>): Promise<DocumentLog<S>> {
    const log = new DocumentLog(spec);
    const wrote = await withFileLock(spec.file, async () => {
      const imported = await importDocument(log.context());
      await log.readNew();
      const merged = await log.mergeCopies();
      await log.scrubOnDisk();
      return imported || merged;
    });
    if (!log.current) {
      throw new UserError('not-found', `${spec.label} could not be found at ${spec.file}.`);
    }
    if (wrote || (await log.snapshotBehind())) await log.snapshot.write();
    return log;
  }

  static async create<S extends z.ZodType>(
    spec: DocumentLogSpec<S>,
    initial: z.output<S>,
  ): Promise<DocumentLog<S>> {
    const log = new DocumentLog(spec);
    await withFileLock(spec.file, async () => {
      await log.readNew();
      await log.save(log.current ?? ({} as z.output<S>), initial);
    });
    return log;
  }

  /** Applies a change to the document and appends it; resolves once it is on disk. */
  async update(change: (current: z.output<S>) => z.output<S>): Promise<z.output<S>> {
    return withFileLock(this.spec.file, async () => {
      if (this.broken) throw this.broken;
      await this.readNew();
      const before = this.state();
      // The change gets its own copy: what it does to it counts only once saved.
      await this.save(before, change(structuredClone(before)));
      return this.state();
    });
  }

  /** Keeps one of a conflict's values: a change that has seen every side of it. */
  async settle(conflictId: string, version: string, also?: (d: z.output<S>) => z.output<S>) {
    return withFileLock(this.spec.file, async () => {
      await this.readNew();
      const conflict = this.conflictCache.get(conflictId);
      const chosen = conflict?.versions.find((v) => v.version === version);
      if (!conflict || !chosen) {
        throw new UserError(
          'conflict',
          'That difference has already been settled, here or on another computer. Look again at the values shown.',
        );
      }
      const slot = slotOf(conflict.collection, conflict.key, conflict.field);
      const r: Record<string, unknown> = { ...chosen.cell };
      const op: Op = { c: conflict.collection, r, s: { [slot]: this.fold.headVersions(slot) } };
      const before = this.state();
      const extra = also ? diffCells(before as Rec, also(before) as Rec, this.spec.shape) : [];
      await this.append([op, ...this.slotted(extra)]);
      await this.snapshot.write();
      return this.data;
    });
  }

  /** Reads what other writers appended and what sync engines left; 'same' when nothing new. */
  async checkDisk(): Promise<DiskState> {
    return withFileLock(this.spec.file, async () => {
      const read = (await this.readNew()) || this.refold();
      const merged = await this.mergeCopies();
      // Another computer's change file or copy may hold what a tombstone here covers.
      const scrubbed = read || merged ? await this.scrubOnDisk() : [];
      const snapshot = await this.checkSnapshot();
      if (snapshot === 'broken') return 'broken';
      // A whole older file put in the snapshot's place came in as a change: scrubbed too, and
      // what a tombstone covers leaves the snapshot at once, not when it is next written.
      if (snapshot === 'reloaded') scrubbed.push(...(await this.scrubOnDisk()));
      if (scrubbed.length) await this.snapshot.write();
      else if (read || merged) this.snapshot.schedule();
      return read || merged || snapshot === 'reloaded' ? 'reloaded' : 'same';
    });
  }

  /** Folds again and scrubs the files on disk when outside tombstones changed (a new erasure). */
  async applyTombstones(): Promise<boolean> {
    if (!this.tombstonesChanged()) return false;
    return withFileLock(this.spec.file, async () => {
      if (!this.refold()) return false;
      await this.scrubOnDisk();
      await this.snapshot.write();
      return true;
    });
  }

  private tombstonesChanged(): boolean {
    const version = this.spec.tombstonesVersion?.();
    return version !== undefined && version !== this.tombstonesSeen && this.current !== null;
  }

  /** The fold made again with today's tombstones; false when they are the ones it was made with. */
  private refold(): boolean {
    if (!this.tombstonesChanged()) return false;
    this.current = this.parsed(this.assembled());
    this.dropSettledConflicts();
    return true;
  }

  async flush(): Promise<void> {
    await this.snapshot.flush();
  }

  /**
   * Rewrites every file of the document that still holds a value its tombstones cover (an
   * erased learner's name synced back from a computer that had not seen the erasure).
   */
  async scrubOnDisk(): Promise<string[]> {
    if (!this.scrub) return [];
    return scrubDocumentFiles(this.spec, this.scrub);
  }

  private context() {
    return {
      spec: this.spec,
      files: this.files,
      fold: this.fold,
      current: () => this.current,
      append: (ops: Op[], clock?: number) => this.append(ops, clock),
      readNew: () => this.readNew(),
      slotted: (ops: Op[]) => this.slotted(ops),
    };
  }

  private async mergeCopies(): Promise<boolean> {
    return mergeDocumentCopies(this.context());
  }

  private async save(before: z.output<S>, after: z.output<S>): Promise<void> {
    const checked = this.spec.schema.safeParse(after);
    if (!checked.success) {
      // A failed check here is a bug in the workbench, never the user's input: refuse to save.
      throw new UserError(
        'internal',
        `The workbench refused to save ${this.spec.label.replace(/^The /, 'the ')} because the change would have made it invalid (${describeIssues(checked.error)}). Nothing was changed on disk.`,
      );
    }
    const ops = diffCells(before as object as Rec, after as object as Rec, this.spec.shape);
    if (!ops.length) return;
    await this.append(this.slotted(ops));
    // Other code and people read the snapshot: it is written with the save, not later.
    await this.snapshot.write();
  }

  /** Each field a change sets names the versions of it this writer had seen. */
  private slotted(ops: Op[]): Op[] {
    const whole = new Set(this.spec.shape.lists.filter((l) => l.whole).map((l) => l.path));
    return ops.map((op) => {
      if (whole.has(op.c) || !op.r) return op;
      const cell = op.r as Cell;
      const slot = slotOf(op.c, cell.k, cell.f);
      return { ...op, s: { [slot]: this.fold.headVersions(slot) } };
    });
  }

  private async append(ops: Op[], clock = this.fold.maxClock + 1): Promise<void> {
    const change = this.files.next(ops, clock, this.spec.owner);
    await this.files.append(change);
    this.apply([change]);
  }

  private async readNew(): Promise<boolean> {
    const fresh = await this.files.readNew((name, text, at) => this.parseLine(name, text, at));
    return this.apply(fresh.map((p) => p.change));
  }

  private parseLine(name: string, text: string, at: number): { change: Change } | null {
    const where = `${path.basename(this.spec.changesDir)}/${name}`;
    try {
      const change = JSON.parse(text) as unknown;
      const valid =
        isChangeShape(change) &&
        change.ops.every(
          (op) =>
            op.r === undefined ||
            (typeof op.r.id === 'string' &&
              typeof op.r.k === 'string' &&
              typeof op.r.f === 'string'),
        );
      if (!valid) throw new Error('not a change');
      if (change.owner !== this.spec.owner) {
        this.warn(`${where} holds changes of another file; they were left out.`);
        return null;
      }
      return { change };
    } catch {
      this.warn(`A change in ${where} (at byte ${at}) could not be read and was left out.`);
      return null;
    }
  }

  private warn(message: string) {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }

  private apply(changes: Change[]): boolean {
    const touched = new Set<string>();
    let added = false;
    for (const change of changes) {
      if (!this.fold.add(change)) continue;
      added = true;
      for (const op of change.ops) for (const slot of Object.keys(op.s ?? {})) touched.add(slot);
    }
    if (!added) return false;
    this.current = this.parsed(this.assembled());
    for (const slot of touched) {
      const found = fieldConflicts(this.fold, slot, this.spec.name, this.current, this.spec.shape);
      if (found) this.conflictCache.set(found.id, found);
      for (const [id, c] of this.conflictCache) {
        if (c.slot === slot && id !== found?.id) this.conflictCache.delete(id);
      }
    }
    this.dropSettledConflicts();
    return true;
  }

  private parsed(assembled: Record<string, unknown>): z.output<S> {
    const parsed = this.spec.schema.safeParse(assembled);
    if (parsed.success) return parsed.data;
    // Changes merged from two computers that each were valid but together are not: shown
    // as they stand (nothing is dropped), and said.
    this.warn(
      `${this.spec.label} as merged from every computer's changes does not hold what the workbench expects: ${describeIssues(parsed.error)}.`,
    );
    return assembled as z.output<S>;
  }

  /** A tombstone settles every difference in what it covers: there is nothing left to choose. */
  private dropSettledConflicts(): void {
    const scrub = this.scrub;
    for (const [id, c] of scrub ? this.conflictCache : []) {
      if (c.versions.some((v) => scrub!(c.collection, v.cell) !== v.cell)) {
        this.conflictCache.delete(id);
      }
    }
  }

  /** The fold as a document, with its tombstones applied to every cell whatever change put it. */
  private assembled(): Record<string, unknown> {
    const cells = (c: string) => this.fold.collection(c) as readonly Cell[];
    const raw = assemble(cells, this.spec.shape);
    this.tombstonesSeen = this.spec.tombstonesVersion?.();
    const scrub = this.spec.tombstones?.(raw) ?? null;
    this.scrub = scrub;
    if (!scrub) return raw;
    return assemble((c) => cells(c).map((cell) => scrub(c, cell)), this.spec.shape);
  }

  /** Whether the snapshot on disk was made from fewer changes than this process holds. */
  private async snapshotBehind(): Promise<boolean> {
    try {
      const text = await readFile(this.spec.file, 'utf8');
      const head = JSON.parse(text) as { snapshot?: { changes?: number } };
      return head.snapshot?.changes !== this.fold.changes.size;
    } catch {
      return true;
    }
  }

  /**
   * The snapshot as it is on disk: this process's own or another's (nothing to do), gone (made
   * again), edited by another program (brought in as a change) or damaged (reported, and no
   * change is saved until it is put right).
   */
  private async checkSnapshot(): Promise<DiskState> {
    let text: string;
    try {
      text = await readFile(this.spec.file, 'utf8');
    } catch (error) {
      if ((error as { code?: string }).code !== 'ENOENT') {
        this.broken = mapFsError(error, this.spec.label);
        return 'broken';
      }
      this.snapshot.schedule();
      return 'same';
    }
    if (fingerprint(text) === this.lastWritten) return 'same';
    const name = path.basename(this.spec.file);
    try {
      if (SNAPSHOT_HEAD.test(text.slice(0, 64))) JSON.parse(text);
      else {
        const edited = parseDocument(text, this.spec.schema, this.spec.label, this.spec.file, {
          migrations: this.spec.migrations,
        });
        await this.save(this.state(), edited);
        this.broken = null;
        return 'reloaded';
      }
    } catch (error) {
      this.broken =
        error instanceof UserError
          ? error
          : new UserError(
              'unreadable-file',
              `${this.spec.label} (${name}) is not valid JSON: ${(error as Error).message}. The workbench has not changed it.`,
            );
      return 'broken';
    }
    this.broken = null;
    // An older snapshot put back whole (a sync engine's older version winning) is made again.
    const { owner, shape } = this.spec;
    if (!this.scrub || scrubDocumentText(text, owner, shape, this.scrub) === null) return 'same';
    await this.snapshot.write();
    return 'reloaded';
  }
}
