import { UserError } from '../api/user-error';
import type { Learner } from '../centre/centre-schema';
import { activeRegistrations } from '../portfolio/portfolio';
import type { Portfolio } from '../portfolio/portfolio-schema';
import { unitRef } from '../portfolio/progress';
import { listQualifications } from '../qualification/qualification-store';
import type { StoredUnit } from '../unit/unit-schema';
import type { Workspace } from '../workspace/workspace';

/** A learner named the way people name them: id, ULN or exact name. */
export function findLearner(workspace: Workspace, who: string): Learner {
  const key = who.trim();
  const learners = workspace.centre.learners;
  const found =
    learners.find((l) => l.id === key) ??
    learners.find((l) => l.uln === key) ??
    learners.filter((l) => l.name.toLowerCase() === key.toLowerCase());
  if (Array.isArray(found)) {
    if (found.length === 1) return found[0]!;
    throw new UserError(
      'not-found',
      found.length
        ? `${found.length} learners are called "${key}". Give the ULN or learner id instead.`
        : `No learner in this centre has the id, ULN or name "${key}".`,
    );
  }
  return found;
}

/** One of the learner's registered units, by its code or id. */
export function findRegisteredUnit(
  portfolio: Portfolio,
  units: readonly StoredUnit[],
  ref: string,
): StoredUnit {
  const key = ref.trim().toLowerCase();
  for (const r of activeRegistrations(portfolio)) {
    const unit = units.find((u) => u.id === r.unitId && u.version === r.unitVersion);
    if (!unit) continue;
    const names = [unit.id, unitRef(unit), unit.codes.ofqual, unit.codes.awardingBody];
    if (names.some((n) => n?.toLowerCase() === key)) return unit;
  }
  throw new UserError(
    'not-found',
    `The learner is not registered on a unit "${ref}". Give the code (such as J/508/4003) or id of one of their units.`,
  );
}

export async function qualificationsOf(workspace: Workspace, portfolio: Portfolio, unitId: string) {
  const { qualifications } = await listQualifications(workspace.dir);
  const fromRegistration = activeRegistrations(portfolio)
    .filter((r) => r.unitId === unitId && r.qualification)
    .map((r) => r.qualification);
  const containing = qualifications
    .filter(
      (q) =>
        q.mandatoryUnitIds.includes(unitId) ||
        q.optionalGroups.some((g) => g.unitIds.includes(unitId)),
    )
    .map((q) => q.id);
  return [...new Set([...fromRegistration, ...containing])];
}
