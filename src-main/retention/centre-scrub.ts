import { rm } from 'node:fs/promises';
import path from 'node:path';
import { MERGED_COPIES_FOLDER } from '../storage/conflict-copies';
import { filesIn, rewriteChangeLines, rewriteFiles } from '../storage/document-tombstones';
import { filesUnder } from '../storage/file-copies';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** What an erased learner's roster fields become. */
export interface RosterErasure {
  learnerId: string;
  pseudonym: string;
  /** Field → its value after the erasure; undefined takes the field out. */
  fields: Record<string, string | undefined>;
  /** Values that name the learner (the name, the ULN), found in any text, and what stands instead. */
  replace: [string, string][];
  /**
   * The learner's values others may share (an employer, needs), found only in what is about the
   * learner: their own record and cells, and audit entries whose subject they are.
   */
  own?: [string, string][];
}

/** Whether a record is about the erased learner: their entry or a cell of it, a sample or an entry on them. */
function aboutLearner(r: Json, e: RosterErasure): boolean {
  const subject = r.subject;
  return (
    r.id === e.learnerId ||
    r.k === e.learnerId ||
    r.learnerId === e.learnerId ||
    (isObject(subject) && subject.learnerId === e.learnerId)
  );
}

function text(value: unknown, e: RosterErasure, pairs = e.replace): unknown {
  if (typeof value === 'string') {
    let out = value;
    for (const [from, to] of pairs) if (from.length >= 3) out = out.split(from).join(to);
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => text(v, e, pairs));
  if (isObject(value)) {
    const within =
      pairs === e.replace && aboutLearner(value, e) ? [...pairs, ...(e.own ?? [])] : pairs;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, text(v, e, within)]));
  }
  return value;
}

function learnerRecord(r: Json, e: RosterErasure): Json {
  const out = { ...r };
  for (const [field, value] of Object.entries(e.fields)) {
    if (!(field in out)) continue;
    if (value === undefined) delete out[field];
    else out[field] = value;
  }
  return out;
}

/** One change of centre-changes/: the learner's cells and any text naming them, erased. */
function scrubOps(ops: Json[], e: RosterErasure): Json[] {
  return ops.map((op) => {
    const r = op.r;
    if (!isObject(r)) return op;
    if (op.c === 'learners' && r.k === e.learnerId && typeof r.f === 'string' && r.f in e.fields) {
      const value = e.fields[r.f];
      const { x: _dropped, ...rest } = r;
      return { ...op, r: value === undefined ? rest : { ...r, x: value } };
    }
    return { ...op, r: text(r, e) };
  });
}

function scrubDocument(doc: Json, e: RosterErasure): Json {
  const learners = Array.isArray(doc.learners) ? (doc.learners as unknown[]) : null;
  const withLearner = learners
    ? {
        ...doc,
        learners: learners.map((l) =>
          isObject(l) && l.id === e.learnerId ? learnerRecord(l, e) : l,
        ),
      }
    : doc;
  return text(withLearner, e) as Json;
}

export function scrubCentreText(content: string, e: RosterErasure): string {
  try {
    const doc = JSON.parse(content) as unknown;
    if (isObject(doc) && !Array.isArray(doc.ops)) {
      return `${JSON.stringify(scrubDocument(doc, e), null, 2)}\n`;
    }
  } catch {
    // Change lines, one a line.
  }
  return rewriteChangeLines(content, (change) => scrubOps(change.ops, e)) ?? content;
}

/**
 * Rewrites every copy of the centre file the workbench keeps (each writer's change file,
 * conflict copies merged or not, damaged copies of centre.json) without the erased learner's
 * personal details; centre.json itself goes, to be made again from the changes. Returns the files rewritten, relative to the workspace.
 */
export async function scrubCentreFiles(workspaceDir: string, e: RosterErasure): Promise<string[]> {
  const all = [...(await centreFiles(workspaceDir))];
  const snapshot = path.join(workspaceDir, 'centre.json');
  // The snapshot is made again from the changes when the centre is read next.
  const removed = all.includes(snapshot) ? ['centre.json'] : [];
  await rm(snapshot, { force: true });
  const copies = all.filter((f) => f !== snapshot);
  return [...removed, ...(await rewriteFiles(workspaceDir, copies, (t) => scrubCentreText(t, e)))];
}

/** Every file of the centre's: each writer's change file, conflict copies merged or not, the snapshot and its copies. */
export async function centreFiles(workspaceDir: string): Promise<string[]> {
  return [
    ...(await filesIn(path.join(workspaceDir, 'centre-changes'), () => true)),
    ...(await filesIn(path.join(workspaceDir, MERGED_COPIES_FOLDER), (n) =>
      n.startsWith('centre'),
    )),
    ...(await filesIn(workspaceDir, (n) => n.startsWith('centre') && n.includes('.json'))),
  ];
}

/** The QA files (documents, change files and copies) under the QA folders. */
export async function qaFiles(workspaceDir: string): Promise<string[]> {
  const found: string[] = [];
  for (const folder of QA_FOLDERS) {
    for await (const file of filesUnder(path.join(workspaceDir, folder), false)) {
      if (/\.jsonl?$|\.json\./.test(path.basename(file))) found.push(file);
    }
  }
  return found;
}

/** The folders of QA files made from data (sampling plans and reviews, EQA visit records). */
export const QA_FOLDERS = ['sampling', 'visits', 'standardisation'] as const;

/**
 * Pseudonymises an erased learner in the QA files the workbench makes from data (sampling
 * plans and reviews, standardisation records, EQA visit records, each with its change files
 * and copies): the name stands as the pseudonym, the ULN goes. Signed files already issued
 * (sampling reports, EQA reports) are kept as they were, so their hashes still verify; the
 * centre's copies of visit packs are made again without the learner (`eraseFromVisitPacks`).
 */
export async function scrubQaFiles(workspaceDir: string, e: RosterErasure): Promise<string[]> {
  return rewriteFiles(workspaceDir, await qaFiles(workspaceDir), (t) => scrubCentreText(t, e));
}
