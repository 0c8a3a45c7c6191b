import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../kernel/user-error';
import {
  loadLibrary,
  loadRecordSource,
  type RecordSource,
} from '../record/from-portfolio/record-source';
import { registeredUnits } from '../portfolio/registered-units';
import { readCentrePem } from '../record/identity-store/centre-authority';
import { readWorkspaceRevocationList } from '../record/identity-store/revocation-list';
import type { SigningIdentity } from '../record/identity/signing-identity';
import { samplingStore } from '../sampling/sampling-store';
import type { Actor } from '../shared/record';
import { mapFsError } from '../storage/map-fs-error';
import type { Workspace } from '../workspace/workspace';
import { evidenceInShare } from './collect-learner';
import { packHtml } from './pack-html';
import { allEnded, packLearners, packSections, type PackPlace } from './pack-learners';
import { makeManifest, MANIFEST_FILE, SIGNATURE_FILE, signManifest } from './pack-manifest';
import type { PackData, PackLearner } from './pack-model';
import { packPlan } from './pack-plan';
import { put } from './pack-records';
import type { PackSectionSource } from './pack-sections';
import { chooseSamples, planSamples, type VisitPeriod, type WantedSample } from './pack-selection';
import { itemsLeftOut, type ThirdPartyChoices } from './third-party';
import type { VisitPackView } from './visit-contract';
import { createVisit } from './visit-store';
import { PackZip } from './zip-pack';
import { unitLabel } from '../kernel/unit-label';

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

/** The pack as written, its folder and zip in full. */
export type WrittenPack = VisitPackView;

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
    const { written, learners } = await writeContents(workspace, request, {
      out,
      zip: packZip ?? undefined,
      plan,
      period,
      library,
      chosen,
      load,
      leaveOut,
    });
    // The zip is finished while the visit is recorded (a write the disk must confirm); a zip is
    // not left beside a pack whose visit could not be recorded.
    const [zip, recorded] = await Promise.allSettled([
      packZip ? packZip.finish(out) : null,
      recordVisit(workspace, written.visitId, request, out, chosen, learners),
    ]);
    if (zip.status === 'rejected') throw zip.reason;
    if (recorded.status === 'rejected') {
      if (zip.value) await rm(zip.value, { force: true });
      throw recorded.reason;
    }
    return { ...written, zip: zip.value };
  } catch (error) {
    await packZip?.abandon();
    throw error;
  }
}

/** The pack's own files at its top: the centre certificate and revocation list, if any. */
async function centreFiles(workspace: Workspace): Promise<[string, Uint8Array][]> {
  const pem = await readCentrePem(workspace.dir);
  if (!pem) {
    throw new UserError(
      'not-found',
      'This workspace has no centre certificate, so an EQA could not check the pack. Make one first (workbench centre create).',
    );
  }
  const files: [string, Uint8Array][] = [['centre.pem', Buffer.from(pem)]];
  const revocations = await readWorkspaceRevocationList(workspace.dir);
  if (revocations) files.push(['centre-revocations.json', Buffer.from(revocations)]);
  return files;
}

async function writeContents(
  workspace: Workspace,
  request: PackRequest,
  place: PackPlace,
): Promise<{ written: Omit<WrittenPack, 'zip'>; learners: PackLearner[] }> {
  const { out, zip, period } = place;
  const hashes = new Map<string, string>();
  const pack = { dir: out, hashes, zip };
  const planNotes: string[] = [];
  const centre = await centreFiles(workspace);
  // The learners' files wait on the disk; the plan's and sections' records are made meanwhile.
  const [{ learners, notes }, { sampling, summary }, sections] = await allEnded([
    packLearners(workspace, request, place, hashes),
    packPlan(workspace, place, {
      ...pack,
      now: request.now,
      identity: request.identity ?? null,
      notes: planNotes,
    }),
    packSections(workspace, request, place, hashes),
  ]);
  for (const [name, bytes] of centre) await put(pack, name, bytes);

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
  await put(pack, PACK_DATA_FILE, Buffer.from(`${JSON.stringify(data, null, 2)}\n`));
  await put(pack, 'index.html', Buffer.from(packHtml(data)));
  const manifest = await makeManifest(out, hashes);
  // The manifest and its signature are not in the manifest: their hashes are noted aside.
  const aside = { ...pack, hashes: new Map<string, string>() };
  await put(aside, MANIFEST_FILE, Buffer.from(manifest));
  if (request.identity) await put(aside, SIGNATURE_FILE, signManifest(manifest, request.identity));
  return {
    written: {
      folder: out,
      learners: learners.length,
      units: learners.reduce((n, l) => n + l.units.length, 0),
      files: manifest.split('\n').filter(Boolean).length + 1 + (request.identity ? 1 : 0),
      signedBy: data.signedBy,
      visitId,
      notes: [...notes, ...planNotes],
    },
    learners,
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
          unit: unit ? unitLabel(unit.ref, unit.title) : unitId,
        };
      }),
    ),
    report: null,
    replacedReports: [],
    actions: [],
    audit: [],
  });
}
