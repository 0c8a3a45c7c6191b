import { activeRegistrations } from '../portfolio/portfolio';
import type { Portfolio } from '../portfolio/portfolio-schema';
import { listQualifications } from '../qualification/qualification-store';
import type { Workspace } from '../workspace/workspace';

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
