import { mkdir, open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../kernel/user-error';
import { writeFileAtomic } from '../storage/atomic-write';
import type { Change } from '../storage/change-log/change';
import { listChangeFiles } from '../storage/change-log/change-file';
import { exists } from '../storage/conflict-copies';
import { isChangeShape } from '../storage/change-log/record-log';
import { parseDocument } from '../storage/json-document';
import { mapFsError } from '../storage/map-fs-error';
import { contentHash, importOps, prepareRecord } from './portfolio-changes';
import { portfolioMigrations } from './portfolio-migrations';
import { portfolioSchema } from './portfolio-schema';

type Rec = Readonly<Record<string, unknown>> & { readonly id: string };

export interface ParsedLine {
  change: Change;
  records: (Rec | null)[];
}

/**
 * One line of a change file: its header checked, each record validated once (the fold then
 * uses them as they are), or a sentence naming the file when any of it cannot be read.
 */
export function parseChangeLine(
  text: string,
  learnerId: string,
  where: string,
  at: number,
): ParsedLine | string {
  try {
    const change = JSON.parse(text) as unknown;
    if (!isChangeShape(change)) throw new Error('not a change');
    if (change.owner !== learnerId) {
      return `${where} holds changes of another learner's portfolio; they were left out.`;
    }
    const records = change.ops.map((op) =>
      op.r === undefined ? null : prepareRecord(op.c, op.r, where),
    );
    return { change, records };
  } catch (error) {
    const why =
      error instanceof UserError ? error.message : 'it is not a change the workbench can read';
    return `A change in ${where} (at byte ${at}) could not be read: ${why}`;
  }
}

export interface ImportTarget {
  folder: string;
  changesDir: string;
  learnerId: string;
  label: string;
  /** portfolio.json, or a sync engine's conflict copy of it. */
  name: string;
  isCopy: boolean;
}

/**
 * A portfolio.json in today's layout (or an older one), or a conflict copy of one, written as
 * one change in a file named by its content: two computers upgrading the same file write the
 * same file, and a copy merged twice adds nothing. A snapshot this workbench made is left as
 * it is (the change files hold all of it); a damaged one is kept beside it.
 */
export async function importPortfolioFile(
  at: ImportTarget,
): Promise<'imported' | 'unchanged' | 'damaged'> {
  const { folder, changesDir, learnerId, label, name, isCopy } = at;
  const file = path.join(folder, name);
  // A snapshot this workbench made says so first: known from its first bytes, not read whole.
  if (await startsAsSnapshot(file)) return 'unchanged';
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return 'unchanged';
    throw mapFsError(error, label);
  }
  const hasChanges = (await listChangeFiles(changesDir)).size > 0;
  // A snapshot this workbench made says so first, so it is known without parsing it whole.
  if (/^\{\s*"snapshot"\s*:/.test(text.slice(0, 64))) return 'unchanged';
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    if (isCopy) return 'unchanged';
    if (hasChanges) {
      // A damaged snapshot holds nothing the changes do not: keep it beside, make a new one.
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      await rename(file, path.join(folder, `${name}.damaged-${stamp}`));
      return 'damaged';
    }
    throw parseFailure(label, name, error);
  }
  if (typeof raw === 'object' && raw !== null && 'snapshot' in raw) return 'unchanged';
  const portfolio = parseDocument(text, portfolioSchema, label, file, {
    migrations: portfolioMigrations,
  });
  if (portfolio.learnerId !== learnerId) {
    throw new UserError(
      'unreadable-file',
      `${label} (${name}) belongs to another learner. Check that the folder was not copied over; the workbench has not changed it.`,
    );
  }
  const writer = `import-${contentHash(text)}`;
  const target = path.join(changesDir, `${writer}.jsonl`);
  const change: Change = {
    id: `${writer}:1`,
    writer,
    seq: 1,
    clock: 1,
    at: new Date(0).toISOString(),
    owner: learnerId,
    ops: importOps(portfolio),
  };
  await mkdir(changesDir, { recursive: true });
  if (await exists(target)) return 'unchanged';
  await writeFileAtomic(target, `${JSON.stringify(change)}\n`);
  return 'imported';
}

function parseFailure(label: string, name: string, error: unknown): UserError {
  return new UserError(
    'unreadable-file',
    `${label} (${name}) is not valid JSON: ${(error as Error).message}. The workbench has not changed it.`,
  );
}

async function startsAsSnapshot(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(64);
    const { bytesRead } = await handle.read(head, 0, 64, 0);
    return /^\{\s*"snapshot"\s*:/.test(head.toString('utf8', 0, bytesRead));
  } finally {
    await handle.close();
  }
}
