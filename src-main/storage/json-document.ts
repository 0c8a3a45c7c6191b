import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import type { z } from 'zod';
import { UserError } from '../api/user-error';
import { writeFileAtomic } from './atomic-write';
import { mapFsError } from './map-fs-error';
import { withFileLock } from './file-lock';

/**
 * lowdb adapter that validates with a schema on every read and write and writes atomically
 * with fsync (lowdb's own file adapter does not fsync, so an acknowledged save could be lost).
 */
class ValidatedJsonAdapter<S extends z.ZodType> implements Adapter<z.output<S>> {
  constructor(
    private readonly file: string,
    private readonly schema: S,
    private readonly label: string,
  ) {}

  async read(): Promise<z.output<S> | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return null;
      throw mapFsError(error, this.label);
    }
    return parseDocument(text, this.schema, this.label, this.file);
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
    try {
      await writeFileAtomic(this.file, `${JSON.stringify(checked.data, null, 2)}\n`);
    } catch (error) {
      throw mapFsError(error, this.label);
    }
  }
}

export function parseDocument<S extends z.ZodType>(
  text: string,
  schema: S,
  label: string,
  file: string,
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
  private constructor(
    private readonly db: Low<z.output<S>>,
    readonly file: string,
  ) {}

  static async open<S extends z.ZodType>(
    file: string,
    schema: S,
    label: string,
  ): Promise<JsonDocument<S>> {
    const adapter = new ValidatedJsonAdapter(file, schema, label);
    const data = await adapter.read();
    if (data === null) {
      throw new UserError('not-found', `${label} could not be found at ${file}.`);
    }
    return new JsonDocument(new Low<z.output<S>>(adapter, data), file);
  }

  static async create<S extends z.ZodType>(
    file: string,
    schema: S,
    label: string,
    initial: z.output<S>,
  ): Promise<JsonDocument<S>> {
    const db = new Low<z.output<S>>(new ValidatedJsonAdapter(file, schema, label), initial);
    await withFileLock(file, () => db.write());
    return new JsonDocument(db, file);
  }

  get data(): Readonly<z.output<S>> {
    return this.db.data;
  }

  /** Applies a change to a copy and saves it; the in-memory data changes only once saved. */
  async update(change: (current: z.output<S>) => z.output<S>): Promise<z.output<S>> {
    return withFileLock(this.file, async () => {
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

  async reload(): Promise<void> {
    await withFileLock(this.file, () => this.db.read());
  }
}
