import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../storage/atomic-write';
import type { PackData, PackLearner } from './pack-model';
import { packHtml } from './pack-html';
import { makeManifest, MANIFEST_FILE, SIGNATURE_FILE } from './pack-manifest';
import { VISITS_FOLDER } from './visit-store';
import { PACK_DATA_FILE } from './write-pack';
import { zipFolder } from './zip-pack';

/** A learner erased in full, as a visit pack's copy must show them from now on. */
export interface PackErasure {
  learnerId: string;
  pseudonym: string;
  /** Values to find in any text of the pack (the name, the ULN) and what stands instead. */
  replace: [string, string][];
  /** Why the learner's files are no longer in the pack, as the pack page says it. */
  note: string;
}

function replaced(text: string, e: PackErasure): string {
  let out = text;
  for (const [from, to] of e.replace) if (from.length >= 3) out = out.split(from).join(to);
  return out;
}

/** The learner's entry kept with their decisions, their details and files gone. */
function erasedLearner(l: PackLearner, e: PackErasure): PackLearner {
  return {
    ...l,
    name: e.pseudonym,
    uln: '',
    employer: '',
    workplace: '',
    units: l.units.map((u) => ({ ...u, records: [] })),
    evidence: l.evidence.map((v) => ({
      ...v,
      title: `Evidence ${v.ref}`,
      producedBy: '',
      location: '',
      notes: '',
      record: '',
      file: null,
      leftOut: e.note,
    })),
  };
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
  const changed: string[] = [];
  const learner = data.learners.find((l) => l.id === e.learnerId)!;
  for (const folder of learnerFolders(learner)) {
    await rm(path.join(dir, ...folder.split('/')), { recursive: true, force: true });
    changed.push(folder);
  }
  const name = learner.name;
  const scrubbed = JSON.parse(
    replaced(
      JSON.stringify({
        ...data,
        learners: data.learners.map((l) => (l.id === e.learnerId ? erasedLearner(l, e) : l)),
        plan: data.plan && {
          ...data.plan,
          samples: data.plan.samples.map((s) =>
            s.learner === name ? { ...s, learner: e.pseudonym } : s,
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
 * Takes a learner erased in full out of every visit pack the workspace keeps a copy of
 * (`visits/<date>-pack/` and its .zip). Returns the files removed or rewritten, relative to the
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
