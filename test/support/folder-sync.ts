import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** Every file of a folder, by its path inside it, with the SHA-256 of its bytes. */
export type FolderState = Map<string, string>;

export async function folderState(dir: string): Promise<FolderState> {
  const state: FolderState = new Map();
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const bytes = await readFile(file).catch(() => null);
    if (bytes === null) continue;
    state.set(
      path.relative(dir, file).split(path.sep).join('/'),
      createHash('sha256').update(bytes).digest('hex'),
    );
  }
  return state;
}

async function put(from: string, to: string, rel: string): Promise<void> {
  const target = path.join(to, rel);
  await mkdir(path.dirname(target), { recursive: true });
  await copyFile(path.join(from, rel), target);
}

/** A folder whose last file went with a deletion from the other side goes too, as a sync engine's does. */
async function removeEmptied(dir: string, rel: string): Promise<void> {
  for (let at = path.dirname(rel); at !== '.'; at = path.dirname(at)) {
    const full = path.join(dir, at);
    if ((await readdir(full).catch(() => ['?'])).length) return;
    await rm(full, { recursive: true, force: true });
  }
}

let conflicts = 0;

/**
 * Brings two copies of a workspace together as a sync engine such as Syncthing does, given what
 * both held when they were last in sync (`base`): a file changed on one side only goes to the
 * other (a deletion too); a file changed on one side and deleted on the other comes back (the
 * change wins); a file changed on both keeps the later change, and the other is kept beside it
 * as a conflict copy (`name.sync-conflict-…`). Returns what both hold now.
 */
export async function syncFolders(a: string, b: string, base: FolderState): Promise<FolderState> {
  const [sa, sb] = await Promise.all([folderState(a), folderState(b)]);
  for (const rel of new Set([...sa.keys(), ...sb.keys()])) {
    const x = sa.get(rel);
    const y = sb.get(rel);
    const o = base.get(rel);
    if (x === y) continue;
    if (x === o) {
      if (y === undefined) {
        await rm(path.join(a, rel), { force: true });
        await removeEmptied(a, rel);
      } else await put(b, a, rel);
    } else if (y === o) {
      if (x === undefined) {
        await rm(path.join(b, rel), { force: true });
        await removeEmptied(b, rel);
      } else await put(a, b, rel);
    } else if (x === undefined || y === undefined) {
      // Changed on one side, deleted on the other: the change wins and comes back.
      if (x === undefined) await put(b, a, rel);
      else await put(a, b, rel);
    } else {
      const [ta, tb] = await Promise.all([stat(path.join(a, rel)), stat(path.join(b, rel))]);
      const [winner, loser] = ta.mtimeMs >= tb.mtimeMs ? [a, b] : [b, a];
      const ext = path.extname(rel);
      conflicts += 1;
      const tag = `TEST${String(conflicts).padStart(3, '0')}`;
      const copy = `${rel.slice(0, rel.length - ext.length)}.sync-conflict-20261203-101500-${tag}${ext}`;
      await copyFile(path.join(loser, rel), path.join(winner, copy));
      await put(winner, loser, rel);
      await put(winner, loser, copy);
    }
  }
  return folderState(a);
}
