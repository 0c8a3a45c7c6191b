import type { HandlerMap } from '../api/handler';
import type { LearnerSummary, learnerOperations } from './learner-contract';

export const learnerHandlers: HandlerMap<keyof typeof learnerOperations> = {
  'learner:list': async ({ includeArchived }, workbench): Promise<LearnerSummary[]> => {
    const workspace = workbench.workspace;
    const { staff, learners } = workspace.centre;
    const { units } = await workspace.listUnits();
    const shown = learners.filter((l) => includeArchived || !l.archived);
    return Promise.all(
      shown.map(async (learner) => {
        const portfolio = await workspace.portfolio(learner.id);
        return {
          id: learner.id,
          name: learner.name,
          uln: learner.uln,
          employer: learner.employer,
          workplace: learner.workplace,
          cohort: learner.cohort,
          needs: learner.needs,
          archived: learner.archived,
          units: portfolio.data.registrations.map((r) => ({
            unitId: r.unitId,
            unitVersion: r.unitVersion,
            title:
              units.find((u) => u.id === r.unitId && u.version === r.unitVersion)?.title ??
              'A unit this workspace no longer holds',
            assessorName: staff.find((s) => s.id === r.assessorId)?.name ?? 'Unknown assessor',
          })),
        };
      }),
    );
  },
};
