import type { HandlerMap } from '../api/handler';
import type { centreOperations, CentreView } from './centre-contract';

export const centreHandlers: HandlerMap<keyof typeof centreOperations> = {
  'centre:get': async (_input, workbench): Promise<CentreView> => {
    const workspace = workbench.workspace;
    const { centre, awardingBodies, staff, learners } = workspace.centre;
    const { units } = await workspace.listUnits();
    const nameOf = (id: string | undefined) => staff.find((s) => s.id === id)?.name ?? null;
    return {
      workspaceDir: workspace.dir,
      name: centre.name,
      number: centre.number,
      demo: centre.demo,
      allowTypedSignatures: centre.allowTypedSignatures,
      reviewIntervalWeeks: centre.reviewIntervalWeeks,
      awardingBodies: awardingBodies.map((a) => a.name),
      staff: staff.map((s) => ({
        id: s.id,
        name: s.name,
        roles: s.roles,
        assessorStatus: s.assessorStatus ?? null,
        countersignerName: nameOf(s.countersignerId),
        archived: s.archived,
      })),
      learnerCount: learners.filter((l) => !l.archived).length,
      unitCount: units.length,
    };
  },
};
