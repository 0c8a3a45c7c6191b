import { rm } from 'node:fs/promises';
import path from 'node:path';
import { filesUnder } from '../storage/file-copies';

export { removeEvidenceCopies } from '../storage/file-copies';

/** Removes every file in a folder (a portfolio's records/ on a full erasure); the folder stays. */
export async function emptyFolder(dir: string, workspaceDir: string): Promise<string[]> {
  const removed: string[] = [];
  for await (const file of filesUnder(dir, false)) {
    await rm(file, { force: true });
    removed.push(path.relative(workspaceDir, file).split(path.sep).join('/'));
  }
  return removed;
}
