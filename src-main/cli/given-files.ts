import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../kernel/user-error';
import { mapFsError } from '../storage/map-fs-error';

/** A file the user named that must exist, read whole; `what` names it, as "The report". */
export async function readGivenFile(file: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path.resolve(file));
  } catch (error) {
    throw mapFsError(error, `${what} ${file}`);
  }
}

/** A JSON file the user named, parsed; `what` names it, as "The answers file". */
export async function readGivenJson(file: string, what: string): Promise<unknown> {
  const text = (await readGivenFile(file, what)).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UserError('invalid-input', `${what} ${file} is not JSON.`);
  }
}
