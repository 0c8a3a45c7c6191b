import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { tempTag } from './leftovers';

/**
 * Replaces a file so that, after a crash or power cut, it holds either the old or the new
 * content, never a torn mix: write a temporary file beside it, flush it to disk, rename it over
 * the target, then flush the folder so the rename itself is durable.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  // Named by computer and process, so a leftover from a crash is known as one and removed on open.
  const temp = path.join(
    dir,
    `.${path.basename(file)}.${tempTag()}-${randomBytes(6).toString('hex')}.tmp`,
  );
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(dir);
}

/** Makes a rename or a new name in `dir` durable. */
export async function syncFolder(dir: string): Promise<void> {
  // Windows cannot open a folder for fsync; its rename is already durable enough there.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
