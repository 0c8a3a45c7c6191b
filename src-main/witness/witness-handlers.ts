import type { HandlerMap } from '../api/handler';
import type { witnessOperations } from './witness-contract';

export const witnessHandlers: HandlerMap<keyof typeof witnessOperations> = {
  'witness:list': async ({ includeArchived }, workbench) =>
    workbench.workspace.centre.witnesses
      .filter((w) => includeArchived || !w.archived)
      .map(({ updatedAt: _a, updatedBy: _b, ...w }) => w),
  'witness:add': async (input, workbench) => {
    const witness = await workbench.workspace.addWitness(
      input,
      workbench.actor(),
      workbench.clock(),
    );
    return { id: witness.id };
  },
  'witness:update': async ({ witnessId, ...change }, workbench) => {
    const witness = await workbench.workspace.updateWitness(
      witnessId,
      change,
      workbench.actor(),
      workbench.clock(),
    );
    return { id: witness.id };
  },
};
