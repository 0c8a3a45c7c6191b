import { UserError } from '../kernel/user-error';
import { activeRegistrations } from '../portfolio/portfolio';
import type { Portfolio } from '../portfolio/portfolio-schema';
import { unitProgress } from '../decision/progress';
import { unitRef } from '../kernel/unit-label';
import { learnerQualification, qualificationPosition } from '../qualification/learner-position';
import { listQualifications } from '../qualification/qualification-store';
import { mapLimit } from '../shared/map-limit';
import type { Workspace } from '../workspace/workspace';
import type { LearnerSummary } from './learner-contract';

/**
 * Every learner with their progress per unit. A portfolio that cannot be read is listed with
 * the reason instead of stopping the whole list.
 */
export async function listLearners(
  workspace: Workspace,
  includeArchived: boolean,
): Promise<LearnerSummary[]> {
  const { staff, learners } = workspace.centre;
  const [{ units }, { qualifications }] = await Promise.all([
    workspace.listUnits(),
    listQualifications(workspace.dir),
  ]);
  // Rules of combination count credits per unit, whichever version the learner is on.
  const library = [...new Map(units.map((u) => [u.id, u])).values()].map((u) => ({
    id: u.id,
    credits: u.credits,
    level: u.level,
    title: u.title,
  }));
  const staffNames = new Map(staff.map((s) => [s.id, s.name]));
  const unitsByKey = new Map(units.map((u) => [`${u.id}@${u.version}`, u]));
  const shown = learners.filter((l) => includeArchived || !l.archived);
  return mapLimit(shown, 16, async (learner): Promise<LearnerSummary> => {
    const base = {
      id: learner.id,
      name: learner.name,
      uln: learner.uln,
      employer: learner.employer,
      workplace: learner.workplace,
      cohort: learner.cohort,
      needs: learner.needs,
      archived: learner.archived,
    };
    try {
      return await workspace.portfolios.summarise(learner, (portfolio) => summary(portfolio));
    } catch (error) {
      const problem =
        error instanceof UserError ? error.message : 'The portfolio could not be read.';
      return { ...base, units: [], evidenceCount: 0, qualification: null, problem };
    }
    function summary(portfolio: Portfolio): LearnerSummary {
      const registrations = activeRegistrations(portfolio);
      const unitViews = registrations.map((r) => {
        const unit = unitsByKey.get(`${r.unitId}@${r.unitVersion}`);
        const progress = unit
          ? unitProgress(portfolio, unit, staff)
          : { criteria: { total: 0, met: 0, evidenced: 0 }, signedOff: false };
        return {
          unitId: r.unitId,
          unitVersion: r.unitVersion,
          title: unit?.title ?? 'A unit this workspace no longer holds',
          ref: unit ? unitRef(unit) : 'Unknown unit',
          assessorName: staffNames.get(r.assessorId) ?? 'Unknown assessor',
          ...progress.criteria,
          signedOff: progress.signedOff,
        };
      });
      const qualification = learnerQualification(qualifications, registrations);
      return {
        ...base,
        evidenceCount: portfolio.evidence.filter((e) => !e.archived).length,
        problem: null,
        units: unitViews,
        qualification: qualification
          ? qualificationPosition(
              qualification,
              library,
              unitViews.filter((u) => u.signedOff).map((u) => u.unitId),
            )
          : null,
      };
    }
  });
}
