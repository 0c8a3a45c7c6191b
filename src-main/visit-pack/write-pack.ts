import { randomBytes } from 'node:crypto';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../kernel/user-error';
import {
  loadLibrary,
  loadRecordSource,
  type CentreLibrary,
  type RecordSource,
} from '../record/from-portfolio/record-source';
import { registeredUnits } from '../portfolio/registered-units';
import { readCentrePem } from '../record/identity-store/centre-authority';
import { readWorkspaceRevocationList } from '../record/identity-store/revocation-list';
import type { SigningIdentity } from '../record/identity/signing-identity';
import { sha256Hex } from '../portfolio/issued-record';
import { loadRecordFonts } from '../record/pdf/fonts';
import type { PlanFile } from '../sampling/sampling-files';
import { samplingStore } from '../sampling/sampling-store';
import { dayOf, type Actor } from '../shared/record';
import { mapFsError } from '../storage/map-fs-error';
import { safeName } from '../storage/safe-name';
import type { Workspace } from '../workspace/workspace';
import { collectLearner, evidenceInShare, type PackSink } from './collect-learner';
import { packHtml } from './pack-html';
import { makeManifest, MANIFEST_FILE, SIGNATURE_FILE, signManifest } from './pack-manifest';
import type { PackData, PackLearner, PackSection } from './pack-model';
import { unitRecords } from './pack-records';
import type { PackSectionSource } from './pack-sections';
import { staffSectionSource } from './pack-staff-sections';
import {
  chooseSamples,
  planSamples,
  type ChosenLearner,
  type VisitPeriod,
  type WantedSample,
} from './pack-selection';
import { itemsLeftOut, type ThirdPartyChoices } from './third-party';
import { createVisit } from './visit-store';
import { PackZip } from './zip-pack';
import { mapLimit } from '../shared/map-limit';
import { packPlan } from './pack-plan';

export const PACK_DATA_FILE = 'pack.json';

export interface PackRequest {
  out: string;
  /** The EQA's own list; without it, the samples of the newest plan in the period. */
  samples?: readonly WantedSample[];
  period?: VisitPeriod | null;
  /** The IQA's identity: signs the manifest and the sampling records. */
  identity?: SigningIdentity | null;
  actor: Actor;
  madeBy: string;
  now: Date;
  sections?: readonly PackSectionSource[];
  zip?: boolean;
  /** Leave out or include each item marked as holding other people's personal data. */
  thirdParty?: ThirdPartyChoices;
  /** Records go in unless false: a pack dated in the past (the demo's) could not show them. */
  records?: boolean;
}

export interface WrittenPack {
  folder: string;
  zip: string | null;
  learners: number;
  units: number;
  files: number;
  signedBy: string | null;
  /** The visit this pack is for: the EQA's report names it, and is kept with it when imported. */
  visitId: string;
  /** Things the IQA should know: evidence changed since it was added, records left unsigned. */
  notes: string[];
}

/** Makes `out`, refusing a folder that already has files in it: nothing is written over. */
export async function emptyFolder(out: string, what = 'the pack'): Promise<void> {
  const there = await readdir(out).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw mapFsError(error, `The folder ${out}`);
  });
  if (there && there.length) {
    throw new UserError(
      'conflict',
      `${out} already has files in it. Choose a new or empty folder for ${what}, so nothing there is written over.`,
    );
  }
  await mkdir(out, { recursive: true }).catch((error: unknown) => {
    throw mapFsError(error, `The folder ${out}`);
  });
}

/**
 * Writes the EQA visit pack: index.html, pack.json, the sampled learners' evidence and records,
 * the IQA's sampling records, the centre certificate, MANIFEST.sha256 and, when the IQA's
 * identity is given, its detached signature; then a .zip of the folder beside it.
 */
export async function writeVisitPack(
  workspace: Workspace,
  request: PackRequest,
): Promise<WrittenPack> {
  const out = path.resolve(request.out);
  const period = request.period ?? null;
  const { plans } = await samplingStore(workspace).listPlans();
  const plan = plans[0] ?? null;
  const library = await loadLibrary(workspace);
  const sources = new Map<string, RecordSource>();
  const load = async (id: string) => {
    const known = sources.get(id);
    if (known) return known;
    const made = await loadRecordSource(workspace, id, library);
    sources.set(id, made);
    return made;
  };
  const wanted: WantedSample[] =
    request.samples && request.samples.length
      ? [...request.samples]
      : plan
        ? planSamples(plan, period).map((s) => ({ learner: s.learnerId, unit: s.unitId }))
        : [];
  if (!wanted.length) {
    throw new UserError(
      'invalid-input',
      plan
        ? 'The sampling plan has no samples in that period. Choose the learners and units for the visit.'
        : 'There is no sampling plan to take the sample from. Choose the learners and units for the visit.',
    );
  }
  const chosen = await chooseSamples(workspace, wanted, load);
  const shared = [];
  for (const { learnerId, unitIds } of chosen) {
    const source = await load(learnerId);
    const units = registeredUnits(source).filter((r) => unitIds.includes(r.unit.id));
    shared.push(...evidenceInShare(source, units));
  }
  const leaveOut = itemsLeftOut(shared, request.thirdParty);
  await emptyFolder(out);

  const packZip = request.zip === false ? null : await PackZip.create(out, `${out}.zip`);
  try {
    const written = await writeContents(workspace, request, {
      out,
      add: packZip ? (relative, bytes) => packZip.add(relative, bytes) : undefined,
      plan,
      period,
      library,
      chosen,
      load,
      leaveOut,
    });
    const zip = packZip ? await packZip.finish(out) : null;
    return { ...written, zip };
  } catch (error) {
    await packZip?.abandon();
    throw error;
  }
}

interface PackPlace {
  out: string;
  add: PackSink | undefined;
  plan: PlanFile | null;
  period: VisitPeriod | null;
  library: CentreLibrary;
  chosen: ChosenLearner[];
  load: (learnerId: string) => Promise<RecordSource>;
  leaveOut: ReadonlySet<string>;
}

/**
 * The sampled learners: their evidence copied (several files, and two learners, at a time, as
 * copying waits on the disk), then each unit's records in turn, as issuing one writes the
 * learner's portfolio.
 */
async function packLearners(
  workspace: Workspace,
  request: PackRequest,
  place: PackPlace,
  hashes: Map<string, string>,
  notes: string[],
): Promise<PackLearner[]> {
  const { out, add, chosen, load, library } = place;
  const folders = new Set<string>();
  const prepared = [];
  for (const { learnerId, unitIds } of chosen) {
    const source = await load(learnerId);
    const units = registeredUnits(source).filter((r) => unitIds.includes(r.unit.id));
    let folder = `learners/${safeName(source.learner.name, 'learner')}`;
    for (let n = 2; folders.has(folder); n += 1)
      folder = `learners/${safeName(source.learner.name, 'learner')}-${n}`;
    folders.add(folder);
    prepared.push({ source, units, folder });
  }
  const collected = await mapLimit(prepared, 2, ({ source, units, folder }) =>
    collectLearner(source, units, out, folder, add, { leaveOut: place.leaveOut }),
  );
  const fonts = await loadRecordFonts();
  const learners: PackLearner[] = [];
  for (const [n, { learner, changed }] of collected.entries()) {
    const { source, units, folder } = prepared[n]!;
    for (const file of changed)
      notes.push(
        `${file} is not the file the portfolio noted when it was added: its SHA-256 differs.`,
      );
    for (const e of learner.evidence)
      if (e.file && !changed.includes(e.file.path)) hashes.set(e.file.path, e.file.sha256);
    for (const [i, registered] of units.entries()) {
      if (request.records === false) continue;
      learner.units[i]!.records = await unitRecords(
        workspace,
        source,
        registered,
        folder,
        { dir: out, hashes, add },
        { actor: request.actor, now: request.now, fonts, library },
      );
    }
    learners.push(learner);
  }
  return learners;
}

/** The standardisation and staff competence sections, with their documents written in. */
async function packSections(
  workspace: Workspace,
  request: PackRequest,
  { out, add, period, chosen }: PackPlace,
  hashes: Map<string, string>,
): Promise<PackSection[]> {
  const sections: PackSection[] = [];
  for (const source of request.sections ?? [staffSectionSource]) {
    for (const { section, documents } of await source(workspace, {
      learnerIds: chosen.map((c) => c.learnerId),
      period,
      today: dayOf(request.now),
    })) {
      const files = [];
      for (const d of documents) {
        const relative = `sections/${safeName(section.id)}/${safeName(path.parse(d.name).name)}${path.extname(d.name).toLowerCase()}`;
        await mkdir(path.dirname(path.join(out, relative)), { recursive: true });
        await Promise.all([writeFile(path.join(out, relative), d.bytes), add?.(relative, d.bytes)]);
        hashes.set(relative, sha256Hex(d.bytes));
        files.push({ path: relative, title: d.title, mediaType: d.mediaType });
      }
      sections.push({ ...section, documents: files });
    }
  }
  return sections;
}

async function writeContents(
  workspace: Workspace,
  request: PackRequest,
  place: PackPlace,
): Promise<Omit<WrittenPack, 'zip'>> {
  const { out, add, period, chosen } = place;
  const hashes = new Map<string, string>();
  const notes: string[] = [];
  const learners = await packLearners(workspace, request, place, hashes, notes);

  const { sampling, summary } = await packPlan(workspace, place, {
    dir: out,
    hashes,
    add,
    now: request.now,
    identity: request.identity ?? null,
    notes,
  });
  const sections = await packSections(workspace, request, place, hashes);

  const pem = await readCentrePem(workspace.dir);
  if (!pem) {
    throw new UserError(
      'not-found',
      'This workspace has no centre certificate, so an EQA could not check the pack. Make one first (workbench centre create).',
    );
  }
  await writeFile(path.join(out, 'centre.pem'), pem);
  const revocations = await readWorkspaceRevocationList(workspace.dir);
  if (revocations) await writeFile(path.join(out, 'centre-revocations.json'), revocations);

  const visitId = `vi-${randomBytes(8).toString('hex')}`;
  const data: PackData = {
    schemaVersion: 1,
    kind: 'eqa-visit-pack',
    visit: { id: visitId, centreId: workspace.centre.centre.id },
    madeAt: request.now.toISOString(),
    madeBy: request.madeBy,
    centre: { name: workspace.centre.centre.name, demo: workspace.centre.centre.demo },
    period,
    learners,
    plan: summary,
    sampling,
    sections,
    centreCertificate: 'centre.pem',
    signedBy: request.identity?.info.commonName ?? null,
  };
  await writeFile(path.join(out, PACK_DATA_FILE), `${JSON.stringify(data, null, 2)}\n`);
  await writeFile(path.join(out, 'index.html'), packHtml(data));
  const manifest = await makeManifest(out, hashes);
  await writeFile(path.join(out, MANIFEST_FILE), manifest);
  if (request.identity)
    await writeFile(path.join(out, SIGNATURE_FILE), signManifest(manifest, request.identity));
  await recordVisit(workspace, visitId, request, out, chosen, learners);
  return {
    folder: out,
    learners: learners.length,
    units: learners.reduce((n, l) => n + l.units.length, 0),
    files: manifest.split('\n').filter(Boolean).length + 1 + (request.identity ? 1 : 0),
    signedBy: data.signedBy,
    visitId,
    notes,
  };
}

/** The centre's own record of the visit: what the pack held, for the EQA's report to join. */
async function recordVisit(
  workspace: Workspace,
  visitId: string,
  request: PackRequest,
  out: string,
  chosen: readonly { learnerId: string; unitIds: readonly string[] }[],
  learners: readonly PackLearner[],
): Promise<void> {
  const inside = path.relative(workspace.dir, out);
  const packFolder =
    inside && !inside.startsWith('..') && !path.isAbsolute(inside)
      ? inside.split(path.sep).join('/')
      : out;
  await createVisit(workspace, {
    schemaVersion: 1,
    kind: 'eqa-visit',
    id: visitId,
    updatedAt: request.now.toISOString(),
    updatedBy: request.actor.id,
    centreId: workspace.centre.centre.id,
    packMadeAt: request.now.toISOString(),
    packMadeBy: request.madeBy,
    packFolder,
    samples: chosen.flatMap(({ learnerId, unitIds }, i) =>
      unitIds.map((unitId) => {
        const unit = learners[i]?.units.find((u) => u.id === unitId);
        return {
          learnerId,
          unitId,
          learner: learners[i]?.name ?? learnerId,
          unit: unit ? `${unit.ref} ${unit.title}`.trim() : unitId,
        };
      }),
    ),
    report: null,
    replacedReports: [],
    actions: [],
    audit: [],
  });
}
