import { UserError } from '../kernel/user-error';
import { activeRegistrations } from '../portfolio/portfolio';
import type { Portfolio } from '../portfolio/portfolio-schema';
import { unitAnswersTo } from '../decision/progress';
import { listQualifications } from '../qualification/qualification-store';
import type { StoredUnit } from '../unit/unit-schema';
import type { Workspace } from '../workspace/workspace';

/** One of the learner's registered units, by its code or id. */
export function findRegisteredUnit(
  portfolio: Portfolio,
  units: readonly StoredUnit[],
  ref: string,
): StoredUnit {
  for (const r of activeRegistrations(portfolio)) {
    const unit = units.find((u) => u.id === r.unitId && u.version === r.unitVersion);
    if (unit && unitAnswersTo(unit, ref)) return unit;
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
