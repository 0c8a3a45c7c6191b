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

/** A rewritten change line padded to the old one's length in bytes, so readers go on from where they stopped. */
export function paddedLine(line: string, old: string): string {
  // A line that grew is found again from the start.
  const pad = Buffer.byteLength(old) - Buffer.byteLength(line);
  return pad > 0 ? line + ' '.repeat(pad) : line;
}

/**
 * Each change line of a change file with its ops rewritten by `ops` (null: the line as it is),
 * padded to its old length; null when no line changed. Lines that are not changes stay.
 */
export function rewriteChangeLines(
  text: string,
  ops: (change: Json & { ops: Json[] }) => Json[] | null,
): string | null {
  let changed = false;
  const lines = text.split('\n').map((line) => {
    if (!line.trim()) return line;
    let change: unknown;
    try {
      change = JSON.parse(line);
    } catch {
      return line;
    }
    const c = change as Json;
    if (typeof change !== 'object' || change === null || !Array.isArray(c.ops)) return line;
    const out = ops(c as Json & { ops: Json[] });
    if (!out) return line;
    changed = true;
    return paddedLine(JSON.stringify({ ...c, ops: out }), line);
  });
  return changed ? lines.join('\n') : null;
}

/** The ops of one change with their cells scrubbed; null if untouched or another file's. */
function scrubOps(change: Json & { ops: Json[] }, owner: string, scrub: CellScrub): Json[] | null {
  if (!isChangeShape(change) || change.owner !== owner) return null;
  let changed = false;
  const ops = change.ops.map((op) => {
    if (!isCell(op.r)) return op;
    const r = scrub(op.c, op.r);
    if (r === op.r) return op;
    changed = true;
    return { ...op, r: r as Json };
  });
  return changed ? ops : null;
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
  return rewriteChangeLines(text, (change) => scrubOps(change, owner, scrub));
}

/** The files of a folder `keep` names, but not partial downloads; none when it is not there. */
export async function filesIn(dir: string, keep: (name: string) => boolean): Promise<string[]> {
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
  const scrubText = (text: string) => scrubDocumentText(text, spec.owner, spec.shape, scrub);
  return [...rewritten, ...(await rewriteFiles(folder, [...new Set(all)], scrubText, spec.label))];
}

/**
 * Rewrites each of `files` that `rewrite` changes (null: left as it is); returns them, relative
 * to `root`. `label` names what they are in an error.
 */
export async function rewriteFiles(
  root: string,
  files: readonly string[],
  rewrite: (text: string) => string | null,
  label = 'The workspace',
): Promise<string[]> {
  const rewritten: string[] = [];
  for (const file of files) {
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text === null) continue;
    const out = rewrite(text);
    if (out === null || out === text) continue;
    try {
      await writeFileAtomic(file, out);
    } catch (error) {
      throw mapFsError(error, label);
    }
    rewritten.push(path.relative(root, file).split(path.sep).join('/'));
  }
  return rewritten;
}
