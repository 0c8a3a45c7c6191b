import { readFile, readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { UserError } from '../kernel/user-error';
import type { Change, Op } from './change-log/change';
import type { ChangeFold } from './change-log/change-fold';
import {
  PRESENT,
  ROOT,
  WHOLE,
  allCells,
  diffCells,
  recordsOf,
  slotOf,
  type Cell,
  type DocumentShape,
} from './change-log/document-cells';
import type { MigrationPlan } from './migrations';
import { mergeChangeCopies, type ChangeLogFiles } from './change-log/record-log';
import { SNAPSHOT_HEAD } from './change-log/snapshot-writer';
import { conflictCopyOf, moveAside } from './conflict-copies';
import { parseDocument } from './json-document';
import { mapFsError } from './map-fs-error';
import type { CellScrub } from './document-tombstones';

export interface DocumentLogSpec<S extends z.ZodType> {
  /** The readable snapshot, at the path the document has always had (centre.json…). */
  file: string;
  /** Its name in the workspace, as people are told it: `centre.json`, `sampling/strategy.json`. */
  name: string;
  /** The folder of change files, one per writer. */
  changesDir: string;
  schema: S;
  label: string;
  shape: DocumentShape;
  /** Whose changes they are, so a file copied into the wrong folder is refused. */
  owner: string;
  writer: string;
  migrations?: MigrationPlan;
  /** Notes a merged sync conflict copy on the document's audit trail. */
  onMerge?: (data: z.output<S>, merged: MergedCopy) => z.output<S>;
  /** The document's tombstones, as a scrub of every cell any change put; null when it has none. */
  tombstones?: (data: Readonly<Record<string, unknown>>) => CellScrub | null;
  /**
   * Which tombstones there are, when they come from outside the document (the roster's erased
   * learners, for QA files): once it changes, the document is folded again and its files scrubbed.
   */
  tombstonesVersion?: () => string;
}

/** A sync engine's conflict copy merged in: which file, and each value the two gave differently. */
export interface MergedCopy {
  copy: string;
  differences: { where: string; kept: unknown; other: unknown }[];
}

type Json = Record<string, unknown>;

export interface LogContext<S extends z.ZodType> {
  spec: DocumentLogSpec<S>;
  files: ChangeLogFiles;
  fold: ChangeFold;
  current: () => z.output<S> | null;
  append: (ops: Op[], clock?: number) => Promise<void>;
  readNew: () => Promise<boolean>;
  slotted: (ops: Op[]) => Op[];
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 24);

const stamp = (now: Date) => now.toISOString().replace(/[:.]/g, '-');

/**
 * Brings the document's file into its change log when it is not a snapshot: today's layout
 * (the whole document, before change logs) becomes one change in a file named by its content,
 * so two computers upgrading the same file write the same file; a file written whole by another
 * program once changes exist is brought in as a change made after them. A damaged snapshot loses
 * nothing (the changes hold it all): it is kept beside and made again. True when anything was
 * written.
 */
export async function importDocument<S extends z.ZodType>(ctx: LogContext<S>): Promise<boolean> {
  const { spec, files } = ctx;
  let text: string;
  try {
    text = await readFile(spec.file, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return false;
    throw mapFsError(error, spec.label);
  }
  const hasChanges = await files.hasChanges();
  let doc: z.output<S>;
  try {
    // A snapshot without its change files (copied on its own) is taken as the document.
    if (hasChanges && SNAPSHOT_HEAD.test(text.slice(0, 64))) {
      JSON.parse(text);
      return false;
    }
    doc = parseDocument(text, spec.schema, spec.label, spec.file, {
      migrations: spec.migrations,
    });
  } catch (error) {
    if (!hasChanges) {
      if (error instanceof UserError) throw error;
      throw new UserError(
        'unreadable-file',
        `${spec.label} (${path.basename(spec.file)}) is not valid JSON: ${(error as Error).message}. The workbench has not changed it.`,
      );
    }
    await rename(spec.file, `${spec.file}.damaged-${stamp(new Date())}`);
    return true;
  }
  if (hasChanges) {
    await ctx.readNew();
    const current = ctx.current();
    const ops = current ? additions(diffCells(current as Json, doc as Json, spec.shape)) : [];
    if (ops.length) await ctx.append(ctx.slotted(ops));
    return true;
  }
  await files.writeImport('import', text, (writer): Change => ({
    id: `${writer}:1`,
    writer,
    seq: 1,
    clock: 1,
    at: new Date(0).toISOString(),
    owner: spec.owner,
    ops: versioned(allCells(doc as Json, spec.shape), spec),
  }));
  return true;
}

/**
 * Each field as its own version, named by its content (the same value imported on two
 * computers is one version), having seen nothing: a copy that set a field differently shows as
 * a conflict.
 */
function versioned<S extends z.ZodType>(ops: Op[], spec: DocumentLogSpec<S>): Op[] {
  const whole = new Set(spec.shape.lists.filter((l) => l.whole).map((l) => l.path));
  return ops.map((op) => {
    if (whole.has(op.c) || !op.r) return op;
    const cell = op.r as Cell;
    const v = `i-${hash(JSON.stringify([op.c, cell.k, cell.f, cell.x ?? null]))}`;
    return { ...op, v, s: { [slotOf(op.c, cell.k, cell.f)]: [] } };
  });
}

/** Never a removal: a record, field or audit entry only the change files hold stays. */
const additions = (ops: Op[]) =>
  ops.filter((op) => {
    const cell = op.r as Cell;
    return cell.x !== undefined && !(cell.f === PRESENT && cell.x === false);
  });

const timeOf = (record: Json | undefined, root: Json | undefined) =>
  String(record?.updatedAt ?? root?.updatedAt ?? '');

/**
 * Sync engines' conflict copies of the document (and of its change files), merged and moved
 * into merged-conflict-copies/ beside it. A copy of a snapshot holds nothing the change files
 * do not bring. A copy in today's layout is merged field by field: what only the copy holds is
 * added; a field both hold differently becomes a conflict to settle, showing meanwhile the value
 * of the record changed later (`updatedAt`), and the merge goes on the audit trail.
 */
export async function mergeDocumentCopies<S extends z.ZodType>(
  ctx: LogContext<S>,
): Promise<boolean> {
  const { spec } = ctx;
  const folder = path.dirname(spec.file);
  const name = path.basename(spec.file);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return false;
  }
  let merged = false;
  for (const copy of names.filter((n) => n !== name && conflictCopyOf(n, [name]) === name)) {
    let text: string;
    try {
      text = await readFile(path.join(folder, copy), 'utf8');
    } catch {
      continue;
    }
    let theirs: z.output<S>;
    try {
      theirs = parseDocument(text, spec.schema, spec.label, path.join(folder, copy), {
        migrations: spec.migrations,
      });
    } catch {
      // A copy that cannot be read stays where it is, for someone to look at.
      continue;
    }
    const snapshot = SNAPSHOT_HEAD.test(text.slice(0, 64));
    const differences = await mergeCopy(ctx, theirs as Json, snapshot);
    await noteMerge(ctx, copy, differences);
    await moveAside(folder, copy, copy);
    merged = true;
  }
  for (const copy of await mergeChangeCopies(folder, spec.changesDir, spec.label)) {
    await ctx.readNew();
    await noteMerge(ctx, `${path.basename(spec.changesDir)}/${copy}`, []);
    merged = true;
  }
  return merged;
}

/**
 * A copy of a snapshot was made from change files that never conflict: only what it holds that
 * is later than this computer's (an edit made to it by hand, or changes whose files are still on
 * their way) is taken, and nothing older is offered as a conflict.
 */
async function mergeCopy<S extends z.ZodType>(ctx: LogContext<S>, theirs: Json, snapshot: boolean) {
  const { spec } = ctx;
  await ctx.readNew();
  const current = (ctx.current() ?? {}) as Json;
  const ours = recordsOf(current, spec.shape);
  const other = recordsOf(theirs, spec.shape);
  const later: Op[] = [];
  const earlier: Op[] = [];
  const differences: MergedCopy['differences'] = [];
  const ops = additions(diffCells(current, theirs, spec.shape));
  // A later value of a snapshot's copy has seen what this computer holds; one of a copy in
  // today's layout has seen nothing, so a field both changed shows as a conflict.
  for (const op of snapshot ? ctx.slotted(ops) : versioned(ops, spec)) {
    const cell = op.r as Cell;
    const mine = ours.get(op.c)?.get(cell.k);
    const held = mine !== undefined && cell.f !== WHOLE && cell.f !== PRESENT && cell.f in mine;
    if (!held) {
      later.push(op);
      continue;
    }
    const root = (records: typeof ours) => records.get(ROOT)?.get('');
    const theirsLater =
      timeOf(other.get(op.c)?.get(cell.k), root(other)) > timeOf(mine, root(ours));
    if (snapshot && !theirsLater) continue;
    (theirsLater ? later : earlier).push(op);
    differences.push({
      where: `${op.c}[${cell.k}].${cell.f}`,
      kept: theirsLater ? cell.x : mine[cell.f],
      other: theirsLater ? mine[cell.f] : cell.x,
    });
  }
  if (later.length) await ctx.append(later);
  // Ordered before every change: shown only once someone keeps it.
  if (earlier.length) await ctx.append(earlier, 0);
  return differences;
}

async function noteMerge<S extends z.ZodType>(
  ctx: LogContext<S>,
  copy: string,
  differences: MergedCopy['differences'],
) {
  const data = ctx.current();
  if (!data || !ctx.spec.onMerge) return;
  const noted = ctx.spec.onMerge(data, { copy, differences });
  const ops = diffCells(data as Json, noted as Json, ctx.spec.shape);
  if (ops.length) await ctx.append(ctx.slotted(ops));
}
