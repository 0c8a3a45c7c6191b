import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../kernel/user-error';
import { CHANGE_FILE_EXT } from '../storage/change-log/change-file';
import { mapFsError } from '../storage/map-fs-error';

/** The centre file's change log: one append-only file per writer (see the README). */
export const CENTRE_CHANGES = 'centre-changes';

/** Whether the workspace keeps centre.json as a record log already. */
export async function hasCentreChanges(dir: string): Promise<boolean> {
  try {
    return (await readdir(path.join(dir, CENTRE_CHANGES))).some((n) => n.endsWith(CHANGE_FILE_EXT));
  } catch {
    return false;
  }
}

/** A new workspace goes only into an empty or missing folder. */
export async function assertEmptyOrMissing(dir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return;
    throw mapFsError(error, `The folder ${dir}`);
  }
  if (entries.length > 0) {
    throw new UserError(
      'conflict',
      `The folder ${dir} already has files in it. Choose an empty folder for a new centre workspace, or open it if it is one already.`,
    );
  }
}
