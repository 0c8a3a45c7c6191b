import path from 'node:path';
import type { CentreLibrary, RecordSource } from '../record/from-portfolio/record-source';
import { registeredUnits, type RegisteredUnit } from '../portfolio/registered-units';
import { loadRecordFonts, type RecordFonts } from '../record/pdf/fonts';
import type { PlanFile } from '../sampling/sampling-files';
import { mapLimit } from '../shared/map-limit';
import { dayOf, type Actor } from '../shared/record';
import { safeName } from '../storage/safe-name';
import type { Workspace } from '../workspace/workspace';
import { collectLearner } from './collect-learner';
import type { PackSink } from './pack-copy';
import type { PackFile, PackLearner, PackSection } from './pack-model';
import { put, unitRecords, type PackOut } from './pack-records';
import type { PackSectionSource } from './pack-sections';
import { staffSectionSource } from './pack-staff-sections';
import type { ChosenLearner, VisitPeriod } from './pack-selection';

/** Where a pack is being written, and what goes in it. */
export interface PackPlace {
  out: string;
  zip: PackSink | undefined;
  plan: PlanFile | null;
  period: VisitPeriod | null;
  library: CentreLibrary;
  chosen: ChosenLearner[];
  load: (learnerId: string) => Promise<RecordSource>;
  leaveOut: ReadonlySet<string>;
}

/**
 * Like Promise.all, but fails only once every task has ended, so that none is left writing into
 * a pack that is being given up.
 */
export async function allEnded<T extends readonly unknown[]>(tasks: {
  [K in keyof T]: Promise<T[K]>;
}): Promise<T> {
  const results = await Promise.allSettled(tasks);
  for (const result of results) if (result.status === 'rejected') throw result.reason;
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

interface PreparedLearner {
  source: RecordSource;
  units: RegisteredUnit[];
  /** `learners/<name>`, numbered when two learners share a name. */
  folder: string;
}

async function prepare(place: PackPlace): Promise<PreparedLearner[]> {
  const folders = new Set<string>();
  const prepared = [];
  for (const { learnerId, unitIds } of place.chosen) {
    const source = await place.load(learnerId);
    const units = registeredUnits(source).filter((r) => unitIds.includes(r.unit.id));
    let folder = `learners/${safeName(source.learner.name, 'learner')}`;
    for (let n = 2; folders.has(folder); n += 1)
      folder = `learners/${safeName(source.learner.name, 'learner')}-${n}`;
    folders.add(folder);
    prepared.push({ source, units, folder });
  }
  return prepared;
}

/**
 * Each learner's records for each unit: one learner, and one unit, after another, as issuing
 * a record writes the learner's portfolio. Fonts are loaded only if a record has to be issued.
 */
async function learnersRecords(
  workspace: Workspace,
  prepared: readonly PreparedLearner[],
  out: PackOut,
  context: { actor: Actor; now: Date; library: CentreLibrary },
): Promise<PackFile[][][]> {
  let fonts: Promise<RecordFonts> | undefined;
  const loadFonts = () => (fonts ??= loadRecordFonts());
  const records = [];
  for (const { source, units, folder } of prepared) {
    const perUnit = [];
    for (const registered of units) {
      perUnit.push(
        await unitRecords(workspace, source, registered, folder, out, {
          ...context,
          fonts: loadFonts,
        }),
      );
    }
    records.push(perUnit);
  }
  return records;
}

/**
 * The sampled learners, with their evidence and records written into the pack. The evidence is
 * copied several files, and two learners, at a time, while the records are copied (or issued)
 * beside it: both wait mostly on the disk. Returns the learners and what the IQA should know:
 * evidence files whose SHA-256 is not the one noted when they were added.
 */
export async function packLearners(
  workspace: Workspace,
  request: { actor: Actor; now: Date; records?: boolean },
  place: PackPlace,
  hashes: Map<string, string>,
): Promise<{ learners: PackLearner[]; notes: string[] }> {
  const { out, zip, library } = place;
  const prepared = await prepare(place);
  const [collected, records] = await allEnded([
    mapLimit(prepared, 2, ({ source, units, folder }) =>
      collectLearner(source, units, out, folder, zip, { leaveOut: place.leaveOut }),
    ),
    request.records === false
      ? Promise.resolve(null)
      : learnersRecords(workspace, prepared, { dir: out, hashes, zip }, { ...request, library }),
  ]);
  const notes: string[] = [];
  const learners = collected.map(({ learner, changed }, n) => {
    for (const file of changed)
      notes.push(
        `${file} is not the file the portfolio noted when it was added: its SHA-256 differs.`,
      );
    for (const e of learner.evidence)
      if (e.file && !changed.includes(e.file.path)) hashes.set(e.file.path, e.file.sha256);
    for (const [i, unit] of learner.units.entries()) unit.records = records?.[n]?.[i] ?? [];
    return learner;
  });
  return { learners, notes };
}

/** The standardisation and staff competence sections, with their documents written in. */
export async function packSections(
  workspace: Workspace,
  request: { now: Date; sections?: readonly PackSectionSource[] },
  { out, zip, period, chosen }: PackPlace,
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
        await put({ dir: out, hashes, zip }, relative, d.bytes);
        files.push({ path: relative, title: d.title, mediaType: d.mediaType });
      }
      sections.push({ ...section, documents: files });
    }
  }
  return sections;
}
