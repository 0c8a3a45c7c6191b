import { createHash } from 'node:crypto';
import { readFile, readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import type { z } from 'zod';
import { UserError } from '../kernel/user-error';
import { writeFileAtomic } from './atomic-write';
import { conflictCopyOf, moveAside } from './conflict-copies';
import { withFileLock } from './file-lock';
import { mapFsError } from './map-fs-error';
import { mergeCopies, type MergeDifference } from './merge-records';
import { migrate, type MigrationPlan } from './migrations';
import { holdingProcessLock, withProcessLock } from './process-lock';

/** A sync engine's conflict copy merged into the document: which file, and what the two disagreed on. */
export interface MergedCopy {
  copy: string;
  differences: MergeDifference[];
}

export interface DocumentOptions {
  /** Upgrades older layouts on read. */
  migrations?: MigrationPlan;
  /** Notes a merged conflict copy in the document (on its audit trail); the copy is kept aside. */
  onMerge?: (data: never, merged: MergedCopy) => unknown;
}

/** The copy of the last content the workbench saved, kept beside the file. */
export function lastGoodPath(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.last-good`);
}

/** A short fingerprint of a file's text: how the watcher tells the app's own saves apart. */
export function fingerprint(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * lowdb adapter that validates with a schema on every read and write and writes atomically
 * with fsync (lowdb's own file adapter does not fsync, so an acknowledged save could be lost).
 */
class ValidatedJsonAdapter<S extends z.ZodType> implements Adapter<z.output<S>> {
  /** Fingerprint of what is on disk as far as this process knows (last read or written). */
  known: string | null = null;

  constructor(
    private readonly file: string,
    private readonly schema: S,
    private readonly label: string,
    private readonly options: DocumentOptions,
  ) {}

  async read(): Promise<z.output<S> | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return null;
      throw mapFsError(error, this.label);
    }
    const data = parseDocument(text, this.schema, this.label, this.file, this.options);
    this.known = fingerprint(text);
    return data;
  }

  async write(data: z.output<S>): Promise<void> {
    const checked = this.schema.safeParse(data);
    if (!checked.success) {
      // A failed check here is a bug in the workbench, never the user's input: refuse to save.
      throw new UserError(
        'internal',
        `The workbench refused to save ${this.label} because the change would have made it invalid (${describeIssues(checked.error)}). Nothing was changed on disk.`,
      );
    }
    const text = `${JSON.stringify(checked.data, null, 2)}\n`;
    try {
      await writeFileAtomic(this.file, text);
    } catch (error) {
      throw mapFsError(error, this.label);
    }
    this.known = fingerprint(text);
    // Best effort: if the file is later damaged by another program, this copy is offered back.
    // Written atomically like the file itself, so a crash never leaves a torn last good copy.
    await writeFileAtomic(lastGoodPath(this.file), text).catch(() => undefined);
  }
}

export function parseDocument<S extends z.ZodType>(
  text: string,
  schema: S,
  label: string,
  file: string,
  options: DocumentOptions = {},
): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UserError(
      'unreadable-file',
      `${label} (${path.basename(file)}) is not valid JSON: ${(error as Error).message}. The workbench has not changed it.`,
    );
  }
  if (options.migrations) json = migrate(json, options.migrations, label, file).document;
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new UserError(
      'unreadable-file',
      `${label} (${path.basename(file)}) does not hold what the workbench expects: ${describeIssues(parsed.error)}. The workbench has not changed it.`,
    );
  }
  return parsed.data;
}

/**
 * Schema problems as a sentence. Messages the schemas word for people ("Give the centre a
 * name.") stand alone; zod's own terse ones get the field they are about.
 */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const message = issue.message.trim();
      if (/^[A-Z].*[.?]$/.test(message)) return message.replace(/[.?]$/, '');
      return `${issue.path.length ? issue.path.join('.') : 'the value'}: ${message}`;
    })
    .join('; ');
}

/** A JSON file on disk, validated, with every change serialised through one writer. */
export class JsonDocument<S extends z.ZodType> {
  private broken: UserError | null = null;

  private constructor(
    private readonly db: Low<z.output<S>>,
    private readonly adapter: ValidatedJsonAdapter<S>,
    readonly file: string,
    private readonly schema: S,
    private readonly label: string,
    private readonly options: DocumentOptions,
  ) {}

  static async open<S extends z.ZodType>(
    file: string,
    schema: S,
    label: string,
    options: DocumentOptions = {},
  ): Promise<JsonDocument<S>> {
    const adapter = new ValidatedJsonAdapter(file, schema, label, options);
    const data = await adapter.read();
    if (data === null) {
      throw new UserError('not-found', `${label} could not be found at ${file}.`);
    }
    const doc = new JsonDocument(
      new Low<z.output<S>>(adapter, data),
      adapter,
      file,
      schema,
      label,
      options,
    );
    await withFileLock(file, () => doc.mergeConflictCopies());
    return doc;
  }

  static async create<S extends z.ZodType>(
    file: string,
    schema: S,
    label: string,
    initial: z.output<S>,
    options: DocumentOptions = {},
  ): Promise<JsonDocument<S>> {
    const adapter = new ValidatedJsonAdapter(file, schema, label, options);
    const db = new Low<z.output<S>>(adapter, initial);
    await withFileLock(file, () => db.write());
    return new JsonDocument(db, adapter, file, schema, label, options);
  }

  get data(): Readonly<z.output<S>> {
    return this.db.data;
  }

  /** Fingerprint of the content this process last read or wrote. */
  get knownFingerprint(): string | null {
    return this.adapter.known;
  }

  /**
   * Applies a change to a copy and saves it; the in-memory data changes only once saved. Every
   * process and computer writing the folder takes turns, and each applies its change to what is
   * on disk then, so no one's acknowledged save is written over.
   */
  async update(change: (current: z.output<S>) => z.output<S>): Promise<z.output<S>> {
    return withProcessLock(this.file, async () => {
      if ((await this.compareWithDisk()) === 'broken') throw this.broken!;
      const before = this.db.data;
      this.db.data = change(structuredClone(before));
      try {
        await this.db.write();
      } catch (error) {
        this.db.data = before;
        throw error;
      }
      return this.db.data;
    });
  }

  /** Why this document may not be saved: its file on disk is damaged or gone. */
  get problem(): UserError | null {
    return this.broken;
  }

  /**
   * Looks at the file on disk: the same as last read or saved here, changed by someone else
   * (and now loaded), or unreadable (and from now on never written over).
   */
  async checkDisk(): Promise<DiskState> {
    return withFileLock(this.file, async () => {
      const state = await this.compareWithDisk();
      if (state === 'broken') return state;
      return (await this.mergeConflictCopies()) ? 'reloaded' : state;
    });
  }

  /**
   * Merges every sync engine's conflict copy of the file beside it, record by record, then moves
   * each copy into merged-conflict-copies/ (never deleted). A copy that cannot be read is left
   * where it is. True when anything was merged.
   */
  private async mergeConflictCopies(): Promise<boolean> {
    const folder = path.dirname(this.file);
    const name = path.basename(this.file);
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      return false;
    }
    const copies = names.filter((n) => n !== name && conflictCopyOf(n, [name]) === name);
    if (!copies.length) return false;
    return holdingProcessLock(this.file, async () => {
      if ((await this.compareWithDisk()) === 'broken') return false;
      let data = this.db.data;
      const merged: string[] = [];
      for (const copy of copies) {
        const where = path.join(folder, copy);
        let theirs: z.output<S>;
        try {
          const text = await readFile(where, 'utf8');
          theirs = parseDocument(text, this.schema, this.label, where, this.options);
        } catch {
          continue;
        }
        const result = mergeCopies(data, theirs);
        const checked = this.schema.safeParse(result.merged);
        if (!checked.success) continue;
        const note = { copy, differences: result.differences };
        data = (this.options.onMerge?.(checked.data as never, note) ?? checked.data) as z.output<S>;
        merged.push(copy);
      }
      if (!merged.length) return false;
      const before = this.db.data;
      this.db.data = data;
      try {
        await this.db.write();
      } catch (error) {
        this.db.data = before;
        throw error;
      }
      for (const copy of merged) await moveAside(folder, copy, copy);
      return true;
    });
  }

  private async compareWithDisk(): Promise<DiskState> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      this.broken = mapFsError(error, this.label);
      return 'broken';
    }
    if (fingerprint(text) === this.adapter.known) return 'same';
    try {
      this.db.data = parseDocument(text, this.schema, this.label, this.file, this.options);
      this.adapter.known = fingerprint(text);
      this.broken = null;
      return 'reloaded';
    } catch (error) {
      this.broken = error instanceof UserError ? error : mapFsError(error, this.label);
      return 'broken';
    }
  }
}

export type DiskState = 'same' | 'reloaded' | 'broken';

/**
 * Puts the last good copy back in place of a damaged file. The damaged file is kept beside it
 * (renamed, never deleted), so whatever it held can still be looked at or recovered by hand.
 */
export async function restoreLastGood<S extends z.ZodType>(
  file: string,
  schema: S,
  label: string,
  options: DocumentOptions,
  now: Date,
): Promise<{ keptAs: string }> {
  return withFileLock(file, async () => {
    const backup = lastGoodPath(file);
    let text: string;
    try {
      text = await readFile(backup, 'utf8');
    } catch {
      throw new UserError(
        'not-found',
        `There is no earlier copy of ${label} to go back to. The damaged file has not been changed; open it in a text editor, or restore it from a backup.`,
      );
    }
    parseDocument(
      text,
      schema,
      `The last good copy of ${label.replace(/^The /, 'the ')}`,
      backup,
      options,
    );
    const keptAs = `${file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
    try {
      await rename(file, keptAs).catch((error: { code?: string }) => {
        if (error.code !== 'ENOENT') throw error;
      });
      await writeFileAtomic(file, text);
    } catch (error) {
      throw mapFsError(error, label);
    }
    return { keptAs: path.basename(keptAs) };
  });
}
