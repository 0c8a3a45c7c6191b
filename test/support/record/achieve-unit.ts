import { newId } from '../../../src-main/shared/ids';
import type { StoredUnit } from '../../../src-main/unit/unit-schema';
import type { Workspace } from '../../../src-main/workspace/workspace';

/**
 * Marks every criterion and part of a learner's unit met and signs the unit off, as the
 * assessor would after marking, so a record has decisions and a unit decision to print.
 */
export async function achieveUnit(
  workspace: Workspace,
  learnerId: string,
  unitTitleWords: string,
  on = '2026-11-20',
): Promise<StoredUnit> {
  const { units } = await workspace.listUnits();
  const unit = units.find((u) => u.title.includes(unitTitleWords));
  if (!unit) throw new Error(`no unit ${unitTitleWords}`);
  const doc = await workspace.portfolio(learnerId);
  const registration = doc.data.registrations.find((r) => r.unitId === unit.id);
  if (!registration) throw new Error('learner not on that unit');
  const at = `${on}T12:00:00.000Z`;
  const base = {
    updatedAt: at,
    updatedBy: registration.assessorId,
    unitId: unit.id,
    unitVersion: unit.version,
  };
  const decisions = unit.outcomes.flatMap((o) =>
    o.criteria.flatMap((c) =>
      (c.parts.length ? c.parts.map((p) => p.ref) : [null]).map((partRef) => ({
        ...base,
        id: newId('dc'),
        criterionRef: c.ref,
        partRef,
        outcome: 'met' as const,
        decidedOn: on,
        assessorId: registration.assessorId,
        feedback:
          c.ref === '7.1' ? 'Clear evidence from the observation and the customer email.' : '',
      })),
    ),
  );
  await doc.update((p) => ({
    ...p,
    decisions: [...p.decisions, ...decisions],
    signOffs: [
      ...p.signOffs,
      {
        ...base,
        id: newId('so'),
        signedOffAt: `${on}T12:00:00.000Z`,
        signedOffBy: registration.assessorId,
        countersignedAt: null,
        countersignedBy: null,
        voidedAt: null,
        voidedBy: null,
        voidReason: null,
      },
    ],
  }));
  return unit;
}
