import type { SampleReview } from '../../sampling/review-schema';
import { samplingStore } from '../../sampling/sampling-store';
import { UserError } from '../../api/user-error';
import type { CentreFile, Learner, StaffMember } from '../../centre/centre-schema';
import { activeRegistrations } from '../../portfolio/portfolio';
import type { Portfolio, Registration } from '../../portfolio/portfolio-schema';
import { unitRef } from '../../portfolio/progress';
import {
  listQualifications,
  type StoredQualification,
} from '../../qualification/qualification-store';
import type { StoredUnit } from '../../unit/unit-schema';
import type { Workspace } from '../../workspace/workspace';

/**
 * Everything about one learner a record can draw on, read once from the workspace: the centre,
 * the learner, their portfolio, the unit versions and the qualifications.
 */
export interface RecordSource {
  centre: Readonly<CentreFile>;
  learner: Learner;
  portfolio: Portfolio;
  /** The learner's portfolio folder (absolute). */
  portfolioDir: string;
  units: readonly StoredUnit[];
  qualifications: readonly StoredQualification[];
  /** The IQA's reviews of this learner's work, from every sampling plan. */
  reviews: readonly SampleReview[];
}

export interface CentreLibrary {
  units: readonly StoredUnit[];
  qualifications: readonly StoredQualification[];
}

export async function loadLibrary(workspace: Workspace): Promise<CentreLibrary> {
  const [{ units }, { qualifications }] = await Promise.all([
    workspace.listUnits(),
    listQualifications(workspace.dir),
  ]);
  return { units, qualifications };
}

export async function loadRecordSource(
  workspace: Workspace,
  learnerId: string,
  library?: CentreLibrary,
): Promise<RecordSource> {
  const learner = workspace.learner(learnerId);
  const [doc, portfolioDir, lib, reviews] = await Promise.all([
    workspace.portfolio(learnerId),
    workspace.portfolioFolder(learnerId),
    library ?? loadLibrary(workspace),
    samplingStore(workspace).allReviews(),
  ]);
  return {
    centre: workspace.centre,
    learner,
    portfolio: doc.data,
    portfolioDir,
    units: lib.units,
    qualifications: lib.qualifications,
    reviews: reviews.flatMap((p) => p.reviews).filter((r) => r.learnerId === learnerId),
  };
}

/** A learner named the way people name them: their id, their ULN, or their exact name. */
export function findLearner(centre: Readonly<CentreFile>, wanted: string): Learner {
  const text = wanted.trim();
  const live = centre.learners.filter((l) => !l.archived);
  const found =
    live.find((l) => l.id === text) ??
    live.find((l) => l.uln === text.replace(/\s/g, '')) ??
    live.filter((l) => l.name.normalize('NFC') === text.normalize('NFC'));
  if (Array.isArray(found)) {
    if (found.length === 1 && found[0]) return found[0];
    throw new UserError(
      found.length ? 'conflict' : 'not-found',
      found.length
        ? `More than one learner is called ${text}; give their ULN instead.`
        : `No learner in this centre has the id, ULN or name "${text}".`,
    );
  }
  return found;
}

export interface RegisteredUnit {
  registration: Registration;
  unit: StoredUnit;
}

/** The unit versions the learner is registered on, in registration order. */
export function registeredUnits(
  source: Pick<RecordSource, 'portfolio' | 'units'>,
): RegisteredUnit[] {
  return activeRegistrations(source.portfolio).flatMap((registration) => {
    const unit = source.units.find(
      (u) => u.id === registration.unitId && u.version === registration.unitVersion,
    );
    return unit ? [{ registration, unit }] : [];
  });
}

/** One of the learner's units by its Ofqual code, awarding-body code, id or exact title. */
export function findRegisteredUnit(source: RecordSource, wanted: string): RegisteredUnit {
  const text = wanted.trim().toLowerCase();
  const units = registeredUnits(source);
  const found = units.find(
    ({ unit }) =>
      unit.id.toLowerCase() === text ||
      unitRef(unit).toLowerCase() === text ||
      (unit.codes.awardingBody ?? '').toLowerCase() === text ||
      unit.title.trim().toLowerCase() === text,
  );
  if (!found) {
    throw new UserError(
      'not-found',
      `${source.learner.name} is not registered on a unit "${wanted}". Their units: ${
        units.map(({ unit }) => unitRef(unit)).join(', ') || 'none'
      }.`,
    );
  }
  return found;
}

export function staffMember(source: Pick<RecordSource, 'centre'>, id: string): StaffMember | null {
  return source.centre.staff.find((s) => s.id === id) ?? null;
}

/**
 * The qualification a learner's units count towards: the one a registration names, else the
 * only one of the centre's that includes one of their units.
 */
export function learnersQualification(source: RecordSource): StoredQualification | null {
  const regs = registeredUnits(source);
  const named = regs.map((r) => r.registration.qualification).find((q) => q !== '');
  const byId = named
    ? source.qualifications.find((q) => q.id === named || q.title === named)
    : null;
  if (byId) return byId;
  const ids = new Set(regs.map((r) => r.unit.id));
  const candidates = source.qualifications.filter((q) =>
    [...q.mandatoryUnitIds, ...q.optionalGroups.flatMap((g) => g.unitIds)].some((id) =>
      ids.has(id),
    ),
  );
  return candidates.length === 1 ? (candidates[0] ?? null) : null;
}
