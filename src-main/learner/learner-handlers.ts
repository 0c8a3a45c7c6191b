import type { HandlerMap } from '../api/handler';
import type { learnerOperations } from './learner-contract';
import { learnerDetail } from './learner-detail';
import { listLearners } from './learner-list';

export const learnerHandlers: HandlerMap<keyof typeof learnerOperations> = {
  'learner:list': async ({ includeArchived }, workbench) =>
    listLearners(workbench.workspace, includeArchived ?? false),

  'learner:get': async ({ learnerId }, workbench) => {
    const workspace = workbench.workspace;
    const learner = workspace.learner(learnerId);
    const portfolio = await workspace.portfolio(learnerId);
    const { units } = await workspace.listUnits();
    const { staff, witnesses } = workspace.centre;
    const names = {
      staff,
      person: (id: string) => staff.find((s) => s.id === id)?.name ?? 'Unknown assessor',
      witness: (id: string | undefined) =>
        id ? (witnesses.find((w) => w.id === id)?.name ?? 'Unknown witness') : null,
    };
    return learnerDetail(learner, portfolio.data, units, names, portfolio.warnings);
  },

  'learner:add': async (input, workbench) => {
    const learner = await workbench.workspace.addLearner(
      { ...input, dateOfBirth: input.dateOfBirth || undefined },
      workbench.actor(),
      workbench.clock(),
    );
    return { id: learner.id };
  },

  'learner:update': async ({ learnerId, ...change }, workbench) => {
    const learner = await workbench.workspace.updateLearner(
      learnerId,
      change,
      workbench.actor(),
      workbench.clock(),
    );
    return { id: learner.id };
  },

  'learner:restore-portfolio': async ({ learnerId }, workbench) => {
    const workspace = workbench.workspace;
    return workspace.portfolios.restore(workspace.learner(learnerId), workbench.clock());
  },
};
