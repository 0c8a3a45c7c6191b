import { mkdir, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { writeFileAtomic } from '../atomic-write';
import { conflictCopyOf, moveAside } from '../conflict-copies';
import { mapFsError } from '../map-fs-error';
import type { Change, Op } from './change';
import {
  CHANGE_FILE_EXT,
  appendLine,
  endsLineAt,
  listChangeFiles,
  readLinesFrom,
} from './change-file';

/** A short name made from content: how imports and merged copies are named on every computer. */
export const contentHash = (text: string): string =>
  createHash('sha256').update(text).digest('hex').slice(0, 20);

/**
 * The change files of one record log (a portfolio's `changes/`, `centre-changes/`, a sampling
 * file's `…-changes/`): one append-only file per writer, read from where each was last read.
 * Only this writer's own file is ever appended to here; every file is read.
 */
export class ChangeLogFiles {
  private readonly offsets = new Map<string, number>();
  /** The sequence number of this writer's last change. */
  seq = 0;

  constructor(
    readonly dir: string,
    readonly writer: string,
    private readonly label: string,
  ) {}

  get ownFile(): string {
    return path.join(this.dir, `${this.writer}${CHANGE_FILE_EXT}`);
  }

  /** Whether any change file is there yet. */
  async hasChanges(): Promise<boolean> {
    return (await listChangeFiles(this.dir)).size > 0;
  }

  /** A new change of this writer, after every change it has seen (`clock`). */
  next(ops: Op[], clock: number, owner: string, by?: string): Change {
    const seq = this.seq + 1;
    return {
      id: `${this.writer}:${seq}`,
      writer: this.writer,
      seq,
      clock,
      at: new Date().toISOString(),
      ...(by ? { by } : {}),
      owner,
      ops,
    };
  }

  /** Appends a change to this writer's file; resolves once it is on disk (acknowledged). */
  async append(change: Change): Promise<void> {
    try {
      await mkdir(this.dir, { recursive: true });
      const bytes = await appendLine(this.ownFile, JSON.stringify(change));
      const name = path.basename(this.ownFile);
      this.offsets.set(name, (this.offsets.get(name) ?? 0) + bytes);
    } catch (error) {
      throw mapFsError(error, this.label);
    }
    this.seq = Math.max(this.seq, change.seq);
  }

  /**
   * The lines every change file gained since it was last read, each turned into a change by
   * `parse` (null for a line that cannot be read, which `parse` reports).
   */
  async readNew<T extends { change: Change }>(
    parse: (name: string, text: string, at: number) => T | null,
  ): Promise<T[]> {
    let files: Map<string, number>;
    try {
      files = await listChangeFiles(this.dir);
    } catch (error) {
      throw mapFsError(error, this.label);
    }
    const fresh: T[] = [];
    for (const [name, size] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      let from = this.offsets.get(name) ?? 0;
      if (size <= from) continue;
      // A file rewritten rather than appended to (an erasure scrubbed it on another computer,
      // and a sync engine brought it) is read again whole: changes are known by id.
      if (from > 0 && !(await endsLineAt(path.join(this.dir, name), from))) from = 0;
      const { lines, next } = await readLinesFrom(path.join(this.dir, name), from);
      this.offsets.set(name, next);
      for (const line of lines) {
        const parsed = parse(name, line.text, line.at);
        if (!parsed) continue;
        if (parsed.change.writer === this.writer) {
          this.seq = Math.max(this.seq, parsed.change.seq);
        }
        fresh.push(parsed);
      }
    }
    return fresh;
  }

  /** Writes a change once, in a file named by its content (imports of an older layout). */
  async writeImport(prefix: string, text: string, make: (writer: string) => Change) {
    const writer = `${prefix}-${contentHash(text)}`;
    const target = path.join(this.dir, `${writer}${CHANGE_FILE_EXT}`);
    await mkdir(this.dir, { recursive: true });
    if ((await listChangeFiles(this.dir)).has(path.basename(target))) return false;
    await writeFileAtomic(target, `${JSON.stringify(make(writer))}\n`);
    return true;
  }
}

/**
 * The shape of a change line, checked without copying it (the records are validated apart).
 */
export function isChangeShape(value: unknown): value is Change {
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

/**
 * Sync engines' conflict copies of change files: the complete changes each holds go into a file
 * named by its content (changes are known by id, so one read twice counts once), and the copy is
 * moved aside into `folder`'s merged-conflict-copies/. Returns the names merged.
 */
export async function mergeChangeCopies(
  folder: string,
  changesDir: string,
  label: string,
): Promise<string[]> {
  let names: string[] = [];
  try {
    names = await readdir(changesDir);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw mapFsError(error, label);
  }
  const merged: string[] = [];
  for (const name of names) {
    if (!conflictCopyOf(name, [`*${CHANGE_FILE_EXT}`])) continue;
    const text = await readFile(path.join(changesDir, name), 'utf8');
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    const target = path.join(changesDir, `merged-${contentHash(complete)}${CHANGE_FILE_EXT}`);
    if (complete) await writeFileAtomic(target, complete);
    await moveAside(folder, path.relative(folder, path.join(changesDir, name)), name);
    merged.push(name);
  }
  return merged;
}
