import type { HandlerMap } from '../api/handler';
import { activeMappings } from '../portfolio/mapping-schema';
import { setEvidenceForTarget, setTargetsForEvidence } from './mapping';
import type { mappingOperations } from './mapping-contract';

export const mappingHandlers: HandlerMap<keyof typeof mappingOperations> = {
  'mapping:set-for-evidence': async ({ learnerId, evidenceId, targets }, wb) => {
    const { units } = await wb.workspace.listUnits();
    const doc = await wb.workspace.portfolio(learnerId);
    const saved = await doc.update((p) =>
      setTargetsForEvidence(p, units, evidenceId, targets, wb.actor(), wb.clock()),
    );
    return { mapped: activeMappings(saved).filter((m) => m.evidenceId === evidenceId).length };
  },
  'mapping:set-for-criterion': async ({ learnerId, evidenceIds, ...target }, wb) => {
    const { units } = await wb.workspace.listUnits();
    const doc = await wb.workspace.portfolio(learnerId);
    const saved = await doc.update((p) =>
      setEvidenceForTarget(p, units, target, evidenceIds, wb.actor(), wb.clock()),
    );
    return {
      mapped: activeMappings(saved).filter(
        (m) =>
          m.unitId === target.unitId &&
          m.criterionRef === target.criterionRef &&
          m.partRef === target.partRef,
      ).length,
    };
  },
};
