import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { UserError } from '../kernel/user-error';
import { parseDocument } from './json-document';
import { mapFsError } from './map-fs-error';

/**
 * The names of the `.json` files in a folder, sorted; none when the folder is not there yet.
 * `what` names the folder in an error ("The units folder").
 */
export async function jsonFileNames(folder: string, what: string): Promise<string[]> {
  try {
    return (await readdir(folder)).filter((n) => n.endsWith('.json')).sort();
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return [];
    throw mapFsError(error, what);
  }
}

/**
 * Every `.json` file of a folder, read and checked against its schema, in name order. A file
 * that does not read is reported in `problems` by name, and the others are still read.
 */
export async function readJsonFolder<S extends z.ZodType>(
  folder: string,
  schema: S,
  what: { folder: string; file: (name: string) => string },
): Promise<{ items: z.output<S>[]; problems: string[] }> {
  const items: z.output<S>[] = [];
  const problems: string[] = [];
  for (const name of await jsonFileNames(folder, what.folder)) {
    const file = path.join(folder, name);
    try {
      items.push(parseDocument(await readFile(file, 'utf8'), schema, what.file(name), file));
    } catch (error) {
      problems.push(error instanceof UserError ? error.message : mapFsError(error, name).message);
    }
  }
  return { items, problems };
}
