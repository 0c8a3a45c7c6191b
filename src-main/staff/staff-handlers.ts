import type { HandlerMap } from '../api/handler';
import type { staffOperations } from './staff-contract';

export const staffHandlers: HandlerMap<keyof typeof staffOperations> = {
  'staff:add': async (input, workbench) => {
    const member = await workbench.workspace.addStaffMember(
      input,
      workbench.actor(),
      workbench.clock(),
    );
    return { id: member.id };
  },
  'staff:update': async ({ personId, countersignerId, ...change }, workbench) => {
    const member = await workbench.workspace.updateStaffMember(
      personId,
      {
        ...change,
        ...(countersignerId !== undefined ? { countersignerId: countersignerId ?? undefined } : {}),
      },
      workbench.actor(),
      workbench.clock(),
    );
    return { id: member.id };
  },
};
