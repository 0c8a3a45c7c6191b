import type { Learner } from '../../src-main/centre/centre-schema';
import { recordDecision } from '../../src-main/decision/marking';
import type { Workspace } from '../../src-main/workspace/workspace';

/** A decision the assessor records on a unit of the learner's that is not signed off. */
export async function decideOn(workspace: Workspace, learner: Learner, feedback: string) {
  const doc = await workspace.portfolio(learner.id);
  const { units } = await workspace.listUnits();
  const signed = new Set(doc.data.signOffs.map((s) => s.unitId));
  const reg = doc.data.registrations.find((r) => !r.withdrawn && !signed.has(r.unitId))!;
  const unit = units.find((u) => u.id === reg.unitId && u.version === reg.unitVersion)!;
  const criterion = unit.outcomes[0]!.criteria[0]!;
  const actor = { id: reg.assessorId, role: 'assessor' as const };
  let id = '';
  await doc.update((p) => {
    const made = recordDecision(
      p,
      unit,
      { criterionRef: criterion.ref, partRef: null, outcome: 'not-yet-met', feedback },
      actor,
      new Date(),
    );
    id = made.decision.id;
    return made.portfolio;
  });
  return id;
}
