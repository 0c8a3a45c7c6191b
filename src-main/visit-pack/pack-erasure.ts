import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../storage/atomic-write';
import type { PackData, PackEvidence, PackLearner } from './pack-model';
import { packHtml } from './pack-html';
import { makeManifest, MANIFEST_FILE, SIGNATURE_FILE } from './pack-manifest';
import { VISITS_FOLDER } from './visit-store';
import { PACK_DATA_FILE } from './write-pack';
import { zipFolder } from './zip-pack';

/** An erasure, as a visit pack's copy must show the learner from now on. */
export interface PackErasure {
  learnerId: string;
  pseudonym: string;
  /** True for a full erasure (the learner's details too); false for their evidence alone. */
  full: boolean;
  /** The evidence items erased. */
  evidenceIds: readonly string[];
  /**
   * Values that name the learner (their name, their ULN), found in any text of the pack, and
   * what stands instead. Not their employer: other learners in the pack may share it.
   */
  replace: [string, string][];
  /** Why the learner's files are no longer in the pack, as the pack page says it. */
  note: string;
}

function replaced(text: string, e: PackErasure): string {
  let out = text;
  for (const [from, to] of e.replace) if (from.length >= 3) out = out.split(from).join(to);
  return out;
}

function erasedEvidence(v: PackEvidence, e: PackErasure): PackEvidence {
  if (!e.full && !e.evidenceIds.includes(v.id)) return v;
  return {
    ...v,
    title: `Evidence ${v.ref}`,
    producedBy: '',
    location: '',
    notes: '',
    record: '',
    file: null,
    // An item erased before keeps the note of its own erasure.
    leftOut: v.leftOut?.startsWith('erased') ? v.leftOut : e.note,
  };
}

/**
 * The learner's entry kept with their decisions, the erased evidence's details and files gone
 * and, for a full erasure, their details and records too.
 */
function erasedLearner(l: PackLearner, e: PackErasure): PackLearner {
  const evidence = l.evidence.map((v) => erasedEvidence(v, e));
  if (!e.full) return { ...l, evidence };
  return {
    ...l,
    name: e.pseudonym,
    uln: '',
    employer: '',
    workplace: '',
    units: l.units.map((u) => ({ ...u, records: [] })),
    evidence,
  };
}

/** The files of the pack the erasure takes (for a full one, the learner's folders whole). */
function erasedPaths(l: PackLearner, e: PackErasure): string[] {
  if (e.full) return learnerFolders(l);
  return l.evidence.flatMap((v) =>
    v.file && e.evidenceIds.includes(v.id) && !v.file.path.includes('..') ? [v.file.path] : [],
  );
}

/** The pack's folders of the learner's files (`learners/<name>`), known from its paths. */
function learnerFolders(l: PackLearner): string[] {
  const paths = [
    ...l.evidence.flatMap((v) => (v.file ? [v.file.path] : [])),
    ...l.units.flatMap((u) => u.records.map((r) => r.path)),
  ];
  const folders = paths.map((p) => p.split('/').slice(0, 2).join('/'));
  return [...new Set(folders.filter((f) => f.startsWith('learners/') && !f.includes('..')))];
}

async function readPack(dir: string): Promise<PackData | null> {
  try {
    const data = JSON.parse(await readFile(path.join(dir, PACK_DATA_FILE), 'utf8')) as PackData;
    return data.kind === 'eqa-visit-pack' && Array.isArray(data.learners) ? data : null;
  } catch {
    return null;
  }
}

/**
 * The workspace's copy of one visit pack without an erased learner: their folder of evidence
 * and records goes, their entry names them by the pseudonym (decisions kept), the page and the
 * manifest are made again from what is left, and the .zip beside it too. The signature over the
 * old manifest goes with it: the pack no longer is what was signed and sent (the EQA keeps that).
 */
async function erasePack(dir: string, data: PackData, e: PackErasure): Promise<string[]> {
  const learner = data.learners.find((l) => l.id === e.learnerId)!;
  const gone = erasedPaths(learner, e);
  const name = learner.name;
  if (!gone.length && JSON.stringify(erasedLearner(learner, e)) === JSON.stringify(learner)) {
    return [];
  }
  const changed: string[] = [];
  for (const rel of gone) {
    await rm(path.join(dir, ...rel.split('/')), { recursive: true, force: true });
    changed.push(rel);
  }
  const scrubbed = JSON.parse(
    replaced(
      JSON.stringify({
        ...data,
        learners: data.learners.map((l) => (l.id === e.learnerId ? erasedLearner(l, e) : l)),
        plan: data.plan && {
          ...data.plan,
          samples: data.plan.samples.map((s) =>
            e.full && s.learner === name ? { ...s, learner: e.pseudonym } : s,
          ),
        },
        signedBy: null,
      }),
      e,
    ),
  ) as PackData;
  await writeFileAtomic(path.join(dir, PACK_DATA_FILE), `${JSON.stringify(scrubbed, null, 2)}\n`);
  await writeFileAtomic(path.join(dir, 'index.html'), packHtml(scrubbed));
  await rm(path.join(dir, SIGNATURE_FILE), { force: true });
  await writeFileAtomic(path.join(dir, MANIFEST_FILE), await makeManifest(dir));
  changed.push(PACK_DATA_FILE, 'index.html', MANIFEST_FILE, SIGNATURE_FILE);
  const zip = `${dir}.zip`;
  if (
    await stat(zip).then(
      () => true,
      () => false,
    )
  ) {
    await rm(zip, { force: true });
    await zipFolder(dir, zip);
    changed.push(`../${path.basename(zip)}`);
  }
  return changed;
}

/**
 * Takes what an erasure erased out of every visit pack the workspace keeps a copy of
 * (`visits/<date>-pack/` and its .zip): the erased evidence and, for a full erasure, the learner. Returns the files removed or rewritten, relative to the
 * workspace.
 */
export async function eraseFromVisitPacks(workspaceDir: string, e: PackErasure): Promise<string[]> {
  const visits = path.join(workspaceDir, VISITS_FOLDER);
  let entries;
  try {
    entries = await readdir(visits, { withFileTypes: true });
  } catch {
    return [];
  }
  const changed: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const dir = path.join(visits, entry.name);
    const data = await readPack(dir);
    if (!data?.learners.some((l) => l.id === e.learnerId)) continue;
    for (const file of await erasePack(dir, data, e)) {
      changed.push(path.posix.join(VISITS_FOLDER, entry.name, file));
    }
  }
  return changed;
}
