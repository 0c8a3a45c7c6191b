import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { auditEntry } from '../audit/audit';
import { learnerAuditTrail } from '../audit/audit-trail';
import { UserError } from '../kernel/user-error';
import { appended } from '../shared/appended-list';
import type { Actor } from '../shared/record';
import { loadLibrary, loadRecordSource } from '../record/from-portfolio/record-source';
import { collectLearner } from '../visit-pack/collect-learner';
import { makeManifest, MANIFEST_FILE } from '../visit-pack/pack-manifest';
import { itemsLeftOut, type ThirdPartyChoices } from '../visit-pack/third-party';
import { emptyFolder } from '../visit-pack/write-pack';
import { zipFolder } from '../visit-pack/zip-pack';
import type { RegisteredUnit } from '../portfolio/registered-units';
import type { Workspace } from '../workspace/workspace';
import { copyHtml } from './copy-html';
import type { LearnerCopyData } from './copy-model';
import {
  issuedRecords,
  portfolioAsShared,
  registrations,
  reviews,
  samplingRecords,
  signOffs,
  testimonies,
} from './copy-parts';

export const COPY_DATA_FILE = 'copy.json';

export interface LearnerCopyRequest {
  learnerId: string;
  /** A new or empty folder; or a file ending .zip, when only the zip is wanted. */
  out: string;
  /** Also a .zip of the folder beside it. */
  zipBeside?: boolean;
  /** Leave out or include each item marked as holding other people's personal data. */
  thirdParty?: ThirdPartyChoices;
  actor: Actor;
  madeBy: string;
  now: Date;
}

export interface WrittenCopy {
  folder: string | null;
  zip: string | null;
  files: number;
  /** Evidence items left out because they hold other people's personal data. */
  leftOut: number;
  notes: string[];
}

const SAMPLING_NOTE =
  "The IQA's sampling plans and whole sampling reports name other learners too, so they are not in this copy; each IQA review of this learner's work is, with its sampling record.";

async function refuseExisting(file: string): Promise<void> {
  if (await stat(file).catch(() => null)) {
    throw new UserError(
      'conflict',
      `${file} already exists. Choose a new file name, so nothing there is written over.`,
    );
  }
}

/**
 * Writes everything the workspace holds about one learner, readable without the workbench:
 * index.html, copy.json, the portfolio as held (data/), every evidence file and issued record,
 * the IQA's sampling records of their work, and MANIFEST.sha256. No other learner is named.
 */
export async function writeLearnerCopy(
  workspace: Workspace,
  request: LearnerCopyRequest,
): Promise<WrittenCopy> {
  const library = await loadLibrary(workspace);
  const source = await loadRecordSource(workspace, request.learnerId, library);
  const leaveOut = itemsLeftOut(source.portfolio.evidence, request.thirdParty);
  const target = path.resolve(request.out);
  const zipOnly = /\.zip$/i.test(target);
  let temp: string | null = null;
  let dir = target;
  if (zipOnly) {
    await refuseExisting(target);
    temp = await mkdtemp(path.join(os.tmpdir(), 'learner-copy-'));
    dir = path.join(temp, path.basename(target).replace(/\.zip$/i, ''));
  } else if (request.zipBeside) {
    await refuseExisting(`${target}.zip`);
  }
  try {
    await emptyFolder(dir, 'the copy');
    const written = await writeInto(workspace, source, dir, leaveOut, request);
    const zip = zipOnly
      ? await zipFolder(dir, target)
      : request.zipBeside
        ? await zipFolder(dir, `${dir}.zip`)
        : null;
    await noteOnTrail(workspace, request, leaveOut.size);
    return { ...written, folder: zipOnly ? null : dir, zip, leftOut: leaveOut.size };
  } finally {
    if (temp) await rm(temp, { recursive: true, force: true });
  }
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The copy's data, the learner's own records as kept, the page to open, and the manifest. */
async function writeCopyFiles(
  dir: string,
  data: LearnerCopyData,
  learner: Awaited<ReturnType<typeof loadRecordSource>>['learner'],
  shared: ReturnType<typeof portfolioAsShared>,
  hashes: Map<string, string>,
): Promise<string> {
  await writeFile(path.join(dir, COPY_DATA_FILE), json(data));
  await mkdir(path.join(dir, 'data'), { recursive: true });
  const { portfolio: _folder, ...learnerRecord } = learner;
  await writeFile(path.join(dir, 'data', 'learner.json'), json(learnerRecord));
  await writeFile(path.join(dir, 'data', 'portfolio.json'), json(shared));
  await writeFile(path.join(dir, 'index.html'), copyHtml(data));
  const manifest = await makeManifest(dir, hashes);
  await writeFile(path.join(dir, MANIFEST_FILE), manifest);
  return manifest;
}

async function writeInto(
  workspace: Workspace,
  source: Awaited<ReturnType<typeof loadRecordSource>>,
  dir: string,
  leaveOut: ReadonlySet<string>,
  request: LearnerCopyRequest,
): Promise<{ files: number; notes: string[] }> {
  const units: RegisteredUnit[] = source.portfolio.registrations.flatMap((registration) => {
    const unit = source.units.find(
      (u) => u.id === registration.unitId && u.version === registration.unitVersion,
    );
    return unit ? [{ registration, unit }] : [];
  });
  const { learner: collected, changed } = await collectLearner(
    source,
    units,
    dir,
    'portfolio',
    undefined,
    {
      allEvidence: true,
      leaveOut,
    },
  );
  const notes = changed.map(
    (file) => `${file} is not the file the portfolio noted when it was added: its SHA-256 differs.`,
  );
  const hashes = new Map<string, string>();
  for (const e of collected.evidence)
    if (e.file && !changed.includes(e.file.path)) hashes.set(e.file.path, e.file.sha256);
  const held = new Map(source.portfolio.evidence.map((e) => [e.id, e]));
  const records = [
    ...(await issuedRecords(source, dir, hashes, notes)),
    ...(await samplingRecords(workspace, source, dir, hashes, request.now)),
  ];
  const shared = portfolioAsShared(source.portfolio, leaveOut);
  const { learner } = source;
  const centre = { ...source.centre, learners: [learner] };
  const data: LearnerCopyData = {
    schemaVersion: 1,
    kind: 'learner-copy',
    madeAt: request.now.toISOString(),
    madeBy: request.madeBy,
    centre: { name: source.centre.centre.name, demo: source.centre.centre.demo },
    learner: {
      name: learner.name,
      uln: learner.uln ?? '',
      dateOfBirth: learner.dateOfBirth ?? '',
      employer: learner.employer,
      workplace: learner.workplace,
      cohort: learner.cohort,
      needs: learner.needs,
      archived: learner.archived,
    },
    registrations: registrations(source),
    units: collected.units,
    evidence: collected.evidence.map((e) => ({
      ...e,
      archived: held.get(e.id)?.archived ?? false,
      addedAt: held.get(e.id)?.addedAt ?? '',
    })),
    testimonies: testimonies(
      source,
      new Map(collected.evidence.map((e) => [e.id, e.ref])),
      leaveOut,
    ),
    records,
    signOffs: signOffs(source),
    reviews: reviews(source),
    audit: learnerAuditTrail(centre, source.units, shared),
    notes: [...notes, SAMPLING_NOTE],
  };
  const manifest = await writeCopyFiles(dir, data, source.learner, shared, hashes);
  return { files: manifest.split('\n').filter(Boolean).length + 1, notes: data.notes };
}

/** The copy goes on the learner's audit trail: who made it, when, and how much was left out. */
async function noteOnTrail(workspace: Workspace, request: LearnerCopyRequest, leftOut: number) {
  const doc = await workspace.portfolio(request.learnerId);
  await doc.update((p) => ({
    ...p,
    audit: appended(
      p.audit,
      auditEntry(request.actor, request.now, "made the learner's copy of their data", 'portfolio', {
        after: { evidenceLeftOut: leftOut },
        subject: { learnerId: request.learnerId },
      }),
    ),
  }));
}
