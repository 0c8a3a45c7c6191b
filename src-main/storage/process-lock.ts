import { open, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isOwnProcessAlive, tempTag } from './leftovers';
import { withFileLock } from './file-lock';

/**
 * A lock held longer than this belongs to a writer that died on another computer (one on this
 * computer is known dead at once). A save holds the lock for the time of one read and one write.
 */
const STALE_LOCK_MS = 30_000;

/** The lock file of a document: hidden, beside it, ignored by the watcher and by sync clients' eyes. */
export const lockPathOf = (file: string) =>
  path.join(path.dirname(file), `.${path.basename(file)}.lock`);

/**
 * Runs `task` while holding the document's lock against every other process and computer that
 * writes the same folder (two windows, the command line beside the app, two people on a network
 * share): the lock file is made with exclusive create, which the file system grants to one.
 * Within this process the tasks queue as before.
 */
export function withProcessLock<T>(file: string, task: () => Promise<T>): Promise<T> {
  return withFileLock(file, () => holdingProcessLock(file, task));
}

/** The same, for a caller already first in this process's queue for the file. */
export async function holdingProcessLock<T>(file: string, task: () => Promise<T>): Promise<T> {
  const lock = lockPathOf(file);
  await acquire(lock);
  try {
    return await task();
  } finally {
    await rm(lock, { force: true });
  }
}

async function acquire(lock: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const handle = await open(lock, 'wx');
      try {
        await handle.writeFile(tempTag());
      } finally {
        await handle.close();
      }
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    }
    if (await isStale(lock)) {
      await rm(lock, { force: true });
      continue;
    }
    // Short waits first: another writer holds it for one save.
    await sleep(Math.min(5 + attempt * 5, 50) + Math.random() * 10);
  }
}

async function isStale(lock: string): Promise<boolean> {
  try {
    const [owner, info] = await Promise.all([readFile(lock, 'utf8'), stat(lock)]);
    if (owner && !isOwnProcessAlive(owner)) return true;
    return Date.now() - info.mtimeMs > STALE_LOCK_MS;
  } catch {
    // Gone since: try again at once.
    return false;
  }
}
