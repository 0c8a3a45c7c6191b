import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../storage/atomic-write';
import { CHANGES_FOLDER } from '../storage/change-log/change-file';
import { MERGED_COPIES_FOLDER } from '../storage/conflict-copies';
import { mapFsError } from '../storage/map-fs-error';
import { removeEvidenceCopies } from '../storage/file-copies';
import { removePartialCopies } from '../storage/document-tombstones';
import type { Erasure } from './erasure-schema';
import { scrubPortfolioText, type Scrubber } from './erasure-scrub';
import type { ParsedLine } from './portfolio-import';

async function namesIn(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true }))
      .filter((d) => d.isFile() && !d.name.endsWith('.tmp'))
      .map((d) => d.name);
  } catch {
    return [];
  }
}

/**
 * Every file of a portfolio folder that holds its records: each writer's change file and any
 * sync engine's copy of one not yet merged, the merged conflict copies kept aside, and the
 * damaged and conflict copies of portfolio.json (the snapshot itself is made from the scrubbed
 * fold, so it never holds an erased value once rewritten).
 */
async function recordFiles(folder: string): Promise<string[]> {
  const changes = path.join(folder, CHANGES_FOLDER);
  const merged = path.join(folder, MERGED_COPIES_FOLDER);
  return [
    ...(await namesIn(changes)).map((n) => path.join(changes, n)),
    ...(await namesIn(merged)).map((n) => path.join(merged, n)),
    ...(await namesIn(folder))
      .filter((n) => n.startsWith('portfolio') && /\.json/.test(n) && n !== 'portfolio.json')
      .map((n) => path.join(folder, n)),
  ];
}

/**
 * Rewrites each file of the portfolio that still holds an erased value, without it. Change
 * lines keep their length in bytes, so other processes reading a file from where they stopped
 * still find every line. Returns the files rewritten, relative to the folder.
 */
export async function scrubPortfolioFolder(
  folder: string,
  scrubber: Scrubber,
  label: string,
): Promise<string[]> {
  const rewritten: string[] = [];
  for (const dir of [
    folder,
    path.join(folder, CHANGES_FOLDER),
    path.join(folder, MERGED_COPIES_FOLDER),
  ]) {
    rewritten.push(...(await removePartialCopies(dir)));
  }
  for (const file of await recordFiles(folder)) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      continue;
    }
    const clean = scrubPortfolioText(text, scrubber);
    if (clean === null) continue;
    try {
      await writeFileAtomic(file, clean);
    } catch (error) {
      throw mapFsError(error, label);
    }
    rewritten.push(path.relative(folder, file).split(path.sep).join('/'));
  }
  return rewritten;
}

/** Whether a record any of these changes put still holds an erased value. */
export function holdsErased(fresh: readonly ParsedLine[], scrubber: Scrubber): boolean {
  return fresh.some((p) =>
    p.change.ops.some((op, i) => {
      const r = p.records[i];
      return r ? scrubber.record(op.c, r) !== r : false;
    }),
  );
}

/**
 * An erasure made on another computer removes this computer's own copies of the erased files
 * too: the ones a sync engine does not remove for it (held and staged uploads made here, a
 * copy it kept of a file changed on both sides).
 */
export async function removeArrivedCopies(
  foreign: readonly ParsedLine[],
  workspaceDir: string | undefined,
  ownFolder: string,
): Promise<void> {
  const arrived = foreign.flatMap((p) =>
    p.change.ops.flatMap((op, i) => (op.c === 'erasures' ? [p.records[i] as Erasure] : [])),
  );
  if (!arrived.length || !workspaceDir) return;
  await removeEvidenceCopies(
    workspaceDir,
    ownFolder,
    arrived.flatMap((e) => e.evidence),
  );
}
