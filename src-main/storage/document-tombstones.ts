import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write';
import { CHANGE_FILE_EXT } from './change-log/change-file';
import { allCells, assemble, type Cell, type DocumentShape } from './change-log/document-cells';
import { isChangeShape } from './change-log/record-log';
import { MERGED_COPIES_FOLDER } from './conflict-copies';
import { mapFsError } from './map-fs-error';

/**
 * What a document's tombstones (an erased learner's entry in the roster) make of a cell any
 * change put: the very same cell when it names nothing erased. A tombstone wins over every
 * change of what it covers, older or newer, from any computer, so an older copy synced back
 * never brings an erased value back.
 */
export type CellScrub = (collection: string, cell: Cell) => Cell;

type Json = Record<string, unknown>;

const isCell = (r: unknown): r is Cell =>
  typeof r === 'object' &&
  r !== null &&
  typeof (r as Cell).k === 'string' &&
  typeof (r as Cell).f === 'string';

/** One change line with its cells scrubbed, padded to its old length in bytes; null if untouched. */
function scrubLine(text: string, owner: string, scrub: CellScrub): string | null {
  let change: unknown;
  try {
    change = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isChangeShape(change) || change.owner !== owner) return null;
  let changed = false;
  const ops = change.ops.map((op) => {
    if (!isCell(op.r)) return op;
    const r = scrub(op.c, op.r);
    if (r === op.r) return op;
    changed = true;
    return { ...op, r: r as Json };
  });
  if (!changed) return null;
  const line = JSON.stringify({ ...change, ops });
  // Readers go on from where they stopped; a line that grew is found again from the start.
  const pad = Buffer.byteLength(text) - Buffer.byteLength(line);
  return pad > 0 ? line + ' '.repeat(pad) : line;
}

/** A whole copy of the document (a sync engine's conflict copy, a damaged snapshot), scrubbed. */
function scrubWhole(doc: Json, shape: DocumentShape, scrub: CellScrub): Json | null {
  let changed = false;
  const cells = new Map<string, Cell[]>();
  for (const op of allCells(doc, shape)) {
    const cell = op.r as Cell;
    const out = scrub(op.c, cell);
    if (out !== cell) changed = true;
    cells.set(op.c, [...(cells.get(op.c) ?? []), out]);
  }
  return changed ? assemble((c) => cells.get(c) ?? [], shape) : null;
}

export function scrubDocumentText(
  text: string,
  owner: string,
  shape: DocumentShape,
  scrub: CellScrub,
): string | null {
  try {
    const doc = JSON.parse(text) as unknown;
    if (typeof doc === 'object' && doc !== null && !Array.isArray(doc) && !('ops' in doc)) {
      const out = scrubWhole(doc as Json, shape, scrub);
      return out ? `${JSON.stringify(out, null, 2)}\n` : null;
    }
  } catch {
    // Change lines, one a line.
  }
  let changed = false;
  const lines = text.split('\n').map((line) => {
    const out = line.trim() ? scrubLine(line, owner, scrub) : null;
    if (out === null) return line;
    changed = true;
    return out;
  });
  return changed ? lines.join('\n') : null;
}

async function filesIn(dir: string, keep: (name: string) => boolean): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true }))
      .filter((d) => d.isFile() && keep(d.name) && !d.name.endsWith('.tmp'))
      .map((d) => path.join(dir, d.name));
  } catch {
    return [];
  }
}

/**
 * Removes a sync engine's partial downloads of conflict copies in a folder (Syncthing's
 * `.syncthing.<copy>.tmp`): the copy itself was merged and moved aside elsewhere, so the
 * download never completes, and the engine would keep what it got, erased values and all, for
 * a day. A copy that still arrives whole is merged and scrubbed as any other.
 */
export async function removePartialCopies(folder: string): Promise<string[]> {
  const partial = await filesIn(
    folder,
    (n) => n.startsWith('.syncthing.') && n.includes('.sync-conflict-') && n.endsWith('.tmp'),
  );
  for (const file of partial) await rm(file, { force: true });
  return partial.map((f) => path.basename(f));
}

export interface TombstoneFiles {
  /** The snapshot (centre.json): its own copies beside it are scrubbed, it is written anew. */
  file: string;
  changesDir: string;
  owner: string;
  shape: DocumentShape;
  label: string;
}

/**
 * Rewrites every file of a document that still holds a value its tombstones cover: each
 * writer's change file (whichever computer wrote it, as a sync engine brought it), conflict
 * copies merged or not, damaged copies of the snapshot. Returns the files rewritten.
 */
export async function scrubDocumentFiles(spec: TombstoneFiles, scrub: CellScrub) {
  const folder = path.dirname(spec.file);
  const base = path.basename(spec.file).replace(/\.json$/, '');
  const copies = await filesIn(path.join(folder, MERGED_COPIES_FOLDER), (n) => n.startsWith(base));
  const all = [
    ...(await filesIn(spec.changesDir, (n) => n.includes(CHANGE_FILE_EXT))),
    ...copies,
    ...(await filesIn(path.join(folder, MERGED_COPIES_FOLDER), (n) => n.endsWith('.jsonl'))),
    ...(await filesIn(folder, (n) => n.startsWith(base) && n !== path.basename(spec.file))),
  ];
  const rewritten = [
    ...(await removePartialCopies(folder)),
    ...(await removePartialCopies(spec.changesDir)),
    ...(await removePartialCopies(path.join(folder, MERGED_COPIES_FOLDER))),
  ];
  for (const file of new Set(all)) {
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text === null) continue;
    const out = scrubDocumentText(text, spec.owner, spec.shape, scrub);
    if (out === null) continue;
    try {
      await writeFileAtomic(file, out);
    } catch (error) {
      throw mapFsError(error, spec.label);
    }
    rewritten.push(path.relative(folder, file).split(path.sep).join('/'));
  }
  return rewritten;
}
