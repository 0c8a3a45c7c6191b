import { assessQualification, type UnitCredit } from './assess-qualification';
import type { Qualification } from './qualification-schema';

/** Where a learner stands against their qualification's rules of combination, at a glance. */
export interface QualificationPosition {
  qualificationId: string;
  title: string;
  achieved: boolean;
  creditsAchieved: number;
  creditsRequired: number;
  mandatoryAchieved: number;
  mandatoryTotal: number;
  /** What is still needed, one plain-words line each, as the progress summary words it. */
  missing: string[];
}

/**
 * The qualification a learner is on: the one their registrations name, else the only one that
 * lists any of their units. Null when none (or more than one could be meant).
 */
export function learnerQualification<Q extends Qualification>(
  qualifications: readonly Q[],
  registrations: readonly { unitId: string; qualification: string }[],
): Q | null {
  const named = registrations.map((r) => r.qualification).find((q) => q !== '');
  const byName = named ? qualifications.find((q) => q.id === named || q.title === named) : null;
  if (byName) return byName;
  const ids = new Set(registrations.map((r) => r.unitId));
  const candidates = qualifications.filter((q) =>
    [...q.mandatoryUnitIds, ...q.optionalGroups.flatMap((g) => g.unitIds)].some((id) =>
      ids.has(id),
    ),
  );
  return candidates.length === 1 ? (candidates[0] ?? null) : null;
}

/** The rules of combination applied to the units a learner has achieved (signed off). */
export function qualificationPosition(
  qualification: Qualification,
  library: readonly UnitCredit[],
  achievedUnitIds: readonly string[],
): QualificationPosition {
  const assessment = assessQualification(qualification, [...library], [...achievedUnitIds]);
  const achieved = new Set(achievedUnitIds);
  return {
    qualificationId: qualification.id,
    title: qualification.title,
    achieved: assessment.achieved,
    creditsAchieved: assessment.creditsAchieved,
    creditsRequired: qualification.minTotalCredits,
    mandatoryAchieved: qualification.mandatoryUnitIds.filter((id) => achieved.has(id)).length,
    mandatoryTotal: qualification.mandatoryUnitIds.length,
    missing: assessment.missing,
  };
}
