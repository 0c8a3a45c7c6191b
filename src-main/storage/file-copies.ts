import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** Folders of a workspace that never hold a learner's evidence, and are never swept. */
export const NEVER_SWEPT = new Set(['signing', 'units', 'qualifications', 'templates', 'erasures']);

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The files under `dir`, passing over the folders that never hold evidence and, below the
 * workspace's `learners` folder, every learner's folder but `ownFolder`.
 */
export async function* filesUnder(
  dir: string,
  top: boolean,
  ownFolder?: string,
): AsyncGenerator<string> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (top && NEVER_SWEPT.has(entry.name)) continue;
      if (top && entry.name === 'learners') {
        if (ownFolder) yield* filesUnder(ownFolder, false);
        continue;
      }
      yield* filesUnder(full, false);
    } else if (entry.isFile()) yield full;
  }
}

/**
 * Removes every copy of the erased evidence files the workspace holds: in the portfolio's
 * evidence folder and anywhere else the workbench keeps one (held and staged uploads in this
 * computer's folder, partial copies, sync engines' conflict copies, visit packs). A file is
 * known by its size and SHA-256, so a renamed copy goes too. Other learners' folders are never
 * swept: another learner may hold the same file as their own evidence, and it stays theirs.
 */
export async function removeEvidenceCopies(
  workspaceDir: string,
  ownFolder: string,
  files: readonly { sha256: string | null; size: number | null }[],
): Promise<string[]> {
  const wanted = new Map<number, Set<string>>();
  for (const f of files) {
    if (!f.sha256 || f.size === null) continue;
    wanted.set(f.size, (wanted.get(f.size) ?? new Set()).add(f.sha256));
  }
  const removed: string[] = [];
  if (!wanted.size) return removed;
  for await (const file of filesUnder(workspaceDir, true, ownFolder)) {
    let size: number;
    try {
      size = (await stat(file)).size;
    } catch {
      continue;
    }
    const hashes = wanted.get(size);
    if (!hashes || !hashes.has(await sha256File(file))) continue;
    await rm(file, { force: true });
    removed.push(path.relative(workspaceDir, file).split(path.sep).join('/'));
  }
  return removed;
}
