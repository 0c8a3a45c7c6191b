import { hostname } from 'node:os';
import { lstat, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/** How long a held upload waits to be used before it is removed. */
export const HELD_UPLOAD_LIFETIME_MS = 60 * 60 * 1000;
/** A partial file nobody has written to for this long belongs to a copy that died. */
const STALE_PART_MS = 10 * 60 * 1000;

const HOST = hostname();

/** The tag every temporary file carries: the computer and process writing it. */
export function tempTag(): string {
  return `${encodeURIComponent(HOST).replace(/[.%]/g, '_')}-${process.pid}`;
}

/**
 * Whether the process a tag names may still be running: false only for a process of this
 * computer that has ended. One on another computer cannot be asked, so it may be.
 */
export function isOwnProcessAlive(tag: string): boolean {
  const match = /^(.*)-(\d+)$/.exec(tag.trim());
  if (!match || match[1] !== tempTag().replace(/-\d+$/, '')) return true;
  return alive(Number(match[2]));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * Whether a leftover from a save, an upload or a held file may go: its process on this computer
 * has ended, or (for one from another computer, or an older workbench that did not say whose it
 * was) nobody has touched it for long enough that no save could still be writing it.
 */
function isLeftover(name: string, ageMs: number): boolean {
  if (name.startsWith('.held-')) return ageMs > HELD_UPLOAD_LIFETIME_MS;
  const partial = name.startsWith('.incoming-') && name.endsWith('.part');
  if (!partial && (!name.startsWith('.') || !name.endsWith('.tmp'))) return false;
  const tag = partial
    ? /^\.incoming-([^.]+)-(\d+)-[0-9a-f]+\.part$/.exec(name)
    : /\.([^.]+)-(\d+)-[0-9a-f]+\.tmp$/.exec(name);
  const own = `${encodeURIComponent(HOST).replace(/[.%]/g, '_')}`;
  if (tag && tag[1] === own) return Number(tag[2]) !== process.pid && !alive(Number(tag[2]));
  return ageMs > STALE_PART_MS;
}

/**
 * Removes what a crash left in a folder: temporary files of saves that never finished, the lock
 * of a save whose process has ended, partial uploads and held uploads that expired. Never touches anything else; returns what it removed.
 */
export async function removeLeftovers(folder: string, now = Date.now()): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith('.')) continue;
    const file = path.join(folder, name);
    try {
      const info = await lstat(file);
      const lockOfDeadProcess =
        name.endsWith('.lock') && !isOwnProcessAlive(await readFile(file, 'utf8'));
      if (!lockOfDeadProcess && !isLeftover(name, now - info.mtimeMs)) continue;
      await rm(file, { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
  return removed;
}
