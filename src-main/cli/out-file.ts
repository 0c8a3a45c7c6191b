import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../kernel/user-error';

const codeOf = (error: unknown): string => String((error as { code?: unknown })?.code ?? '');

function why(code: string): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'you are not allowed to write there';
    case 'EROFS':
      return 'the drive is read-only';
    case 'ENOSPC':
      return 'the drive is full';
    case 'ENOTDIR':
      return 'part of that path is a file, not a folder';
    case 'EISDIR':
      return 'that is a folder, not a file name';
    default:
      return `the system does not allow it there${code ? ` (${code})` : ''}`;
  }
}

/**
 * Makes a folder and any missing folders above it, one level at a time, and returns those it
 * made (topmost first). Node's own recursive mkdir never returns for a folder that cannot be
 * made under a special file system such as /proc, so each level is made, and fails, by itself.
 */
export async function makeFolders(folder: string): Promise<string[]> {
  const missing: string[] = [];
  let at = path.resolve(folder);
  for (;;) {
    try {
      const found = await stat(at);
      if (!found.isDirectory())
        throw new UserError(
          'invalid-input',
          `${at} is a file, not a folder, so nothing can be written inside it.`,
        );
      break;
    } catch (error) {
      if (error instanceof UserError) throw error;
      if (codeOf(error) !== 'ENOENT')
        throw new UserError(
          'file-system',
          `The folder ${at} cannot be used: ${why(codeOf(error))}.`,
        );
      missing.unshift(at);
      const parent = path.dirname(at);
      if (parent === at) break;
      at = parent;
    }
  }
  for (const dir of missing) {
    try {
      await mkdir(dir);
    } catch (error) {
      if (codeOf(error) === 'EEXIST') continue;
      throw new UserError(
        'file-system',
        `The folder ${path.resolve(folder)} could not be made in ${path.dirname(dir)}: ${why(codeOf(error))}. Choose a folder you can write to.`,
      );
    }
  }
  return missing;
}

/** Writes a file the user asked for, saying in one line why it could not be written. */
export async function writeOutFile(target: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFile(target, bytes);
  } catch (error) {
    throw new UserError('file-system', `${target} could not be written: ${why(codeOf(error))}.`);
  }
}
