import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { mapFsError } from '../storage/map-fs-error';
import { UsageError } from './io';

/**
 * A signing identity's passphrase, from a file (its final line break dropped) or else from the
 * WORKBENCH_PASSPHRASE environment variable: never from the command line, where other users of
 * the computer could read it. `needed` names what wants it, as in "--sign needs the passphrase".
 */
export async function readPassphrase(file: string | undefined, needed: string): Promise<string> {
  let text: string | undefined;
  if (file) {
    try {
      text = await readFile(path.resolve(file), 'utf8');
    } catch (error) {
      throw mapFsError(error, `The passphrase file ${file}`);
    }
  } else {
    text = process.env.WORKBENCH_PASSPHRASE;
  }
  const value = text?.replace(/\r?\n$/, '');
  if (!value) {
    throw new UsageError(
      `${needed} needs the passphrase: use --passphrase-file FILE or set WORKBENCH_PASSPHRASE.`,
    );
  }
  return value;
}
