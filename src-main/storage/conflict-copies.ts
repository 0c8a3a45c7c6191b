import { mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * The names sync engines give the copy they keep when two computers changed one file apart:
 *
 * - Syncthing: `portfolio.sync-conflict-20261202-064501-NNKV7RA.json`
 * - Dropbox: `portfolio (conflicted copy).json`, `portfolio (Priya's conflicted copy 2026-12-02).json`
 * - Nextcloud / ownCloud: `portfolio (conflicted copy 2026-12-02 064501).json`
 * - OneDrive: `portfolio-DESKTOP-4KQ1Q.json` (the computer's name)
 * - Google Drive: `portfolio (1).json`
 */
const SUFFIXES: readonly RegExp[] = [
  /^\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]{7}$/,
  /^ \([^()]*conflicted copy[^()]*\)$/i,
  /^ \(\d+\)$/,
  /^-[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/,
];

/**
 * The file a conflict copy stands for, when `name` is a sync engine's copy of one of `known`
 * (for example `portfolio.json`, or any name ending in `.jsonl` when `known` holds `*.jsonl`).
 * OneDrive's computer-name suffix is only recognised for the exact names given, since a hyphen
 * is common in ordinary names.
 */
export function conflictCopyOf(name: string, known: readonly string[]): string | null {
  for (const original of known) {
    const wildcard = original.startsWith('*');
    const ext = wildcard ? original.slice(1) : original.slice(original.lastIndexOf('.'));
    if (!name.endsWith(ext)) continue;
    const stem = name.slice(0, name.length - ext.length);
    for (const [index, suffix] of SUFFIXES.entries()) {
      if (wildcard && index === 3) continue;
      const base = wildcard ? null : original.slice(0, original.length - ext.length);
      if (base !== null) {
        if (!stem.startsWith(base)) continue;
        if (suffix.test(stem.slice(base.length))) return original;
        continue;
      }
      const match = findSuffix(stem, suffix);
      if (match !== null) return `${match}${ext}`;
    }
  }
  return null;
}

function findSuffix(stem: string, suffix: RegExp): string | null {
  for (let cut = stem.length - 1; cut > 0; cut -= 1) {
    if (suffix.test(stem.slice(cut))) return stem.slice(0, cut);
  }
  return null;
}

/** Where conflict copies go once merged: kept, never deleted, out of the way of the files in use. */
export const MERGED_COPIES_FOLDER = 'merged-conflict-copies';

/** Moves a merged conflict copy into merged-conflict-copies/ beside it, never over another. */
export async function moveAside(folder: string, relative: string, name: string): Promise<void> {
  const aside = path.join(folder, MERGED_COPIES_FOLDER);
  await mkdir(aside, { recursive: true });
  let target = path.join(aside, name);
  for (let n = 2; await exists(target); n += 1) target = path.join(aside, `${n}-${name}`);
  await rename(path.join(folder, relative), target);
}

/** Whether anything is at the path. */
export async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
