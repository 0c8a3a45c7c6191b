import type { StaffMember } from '../centre/centre-schema';
import { countCriteria, type CriterionCounts } from '../kernel/count-criteria';
import { latestDecisions } from './latest-decisions';
import { currentSignOff } from './lock';
import { signOffStatus, type SignOffStatus } from './sign-off';
import type { Criterion, StoredUnit } from '../unit/unit-schema';
import type { Portfolio } from '../portfolio/portfolio-schema';
import { criterionKey } from '../kernel/criterion-key';
import { unitCriteria } from '../unit/unit-outline';

export type { CriterionCounts };

export interface UnitProgress {
  unitId: string;
  criteria: CriterionCounts;
  /** True only once the sign-off counts (countersigned, where the assessor needs it). */
  signedOff: boolean;
  signOff: SignOffStatus;
}

/** What is decided on, as the marking rules say: the criterion itself, or each of its parts. */
const decidedOn = (c: Criterion) => (c.parts.length ? c.parts.map((p) => p.ref) : [null]);

export function unitProgress(
  portfolio: Portfolio,
  unit: StoredUnit,
  staff: readonly StaffMember[],
): UnitProgress {
  const criteria = unitCriteria(unit);
  const evidence = new Set(portfolio.evidence.filter((e) => !e.archived).map((e) => e.id));
  const mapped = new Set(
    portfolio.mappings
      .filter((m) => !m.removed && m.unitId === unit.id && evidence.has(m.evidenceId))
      .map((m) => criterionKey(m.criterionRef, m.partRef)),
  );
  const outcomes = latestDecisions(portfolio, unit.id);
  const counts = countCriteria(
    criteria.flatMap((c) =>
      decidedOn(c).map((p) => ({
        criterionRef: c.ref,
        met: outcomes.get(criterionKey(c.ref, p))?.outcome === 'met',
        evidenced: mapped.has(criterionKey(c.ref, p)),
      })),
    ),
  );
  const current = currentSignOff(portfolio, unit.id);
  const signer = staff.find((s) => s.id === current?.signedOffBy) ?? { id: '' };
  const signOff = signOffStatus(current, signer);
  return {
    unitId: unit.id,
    criteria: counts,
    signedOff: signOff === 'signed-off',
    signOff,
  };
}
