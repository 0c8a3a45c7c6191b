import { isCompleteReview, type CompleteReview } from '../../sampling/review-schema';
import { samplingStore } from '../../sampling/sampling-store';
import type { CentreFile, Learner, StaffMember } from '../../centre/centre-schema';
import { registeredUnits } from '../../portfolio/registered-units';
import type { Portfolio } from '../../portfolio/portfolio-schema';
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
  /** The IQA's complete reviews of this learner's work, from every sampling plan. */
  reviews: readonly CompleteReview[];
}

/** What every learner's records draw on; a batch loads it once, not once a record. */
export interface CentreLibrary {
  units: readonly StoredUnit[];
  qualifications: readonly StoredQualification[];
  /** Every complete IQA review, from every sampling plan: a draft is not a finding. */
  reviews: readonly CompleteReview[];
}

export async function loadLibrary(workspace: Workspace): Promise<CentreLibrary> {
  const [{ units }, { qualifications }, plans] = await Promise.all([
    workspace.listUnits(),
    listQualifications(workspace.dir),
    samplingStore(workspace).allReviews(),
  ]);
  return {
    units,
    qualifications,
    reviews: plans.flatMap((p) => p.reviews).filter(isCompleteReview),
  };
}

export async function loadRecordSource(
  workspace: Workspace,
  learnerId: string,
  library?: CentreLibrary,
): Promise<RecordSource> {
  const learner = workspace.learner(learnerId);
  const [doc, portfolioDir, lib] = await Promise.all([
    workspace.portfolio(learnerId),
    workspace.portfolioFolder(learnerId),
    library ?? loadLibrary(workspace),
  ]);
  return {
    centre: workspace.centre,
    learner,
    portfolio: doc.data,
    portfolioDir,
    units: lib.units,
    qualifications: lib.qualifications,
    reviews: lib.reviews.filter((r) => r.learnerId === learnerId),
  };
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
