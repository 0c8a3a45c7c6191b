import { conflictedSignOffs } from '../portfolio/portfolio-conflicts';
import type { Portfolio } from '../portfolio/portfolio-schema';
import type { UnitSignOffRecord } from '../portfolio/decision-schema';
import { assertUnlocked } from './sign-off';

/**
 * The sign-off that stands for a unit: the latest one not voided by an unlock, and not in
 * conflict with a change made on another computer (it counts again once the assessor keeps it).
 */
export function currentSignOff(portfolio: Portfolio, unitId: string): UnitSignOffRecord | null {
  const conflicted = conflictedSignOffs(portfolio);
  return (
    portfolio.signOffs
      .filter((s) => s.unitId === unitId && !s.voidedAt && !conflicted.has(s.id))
      .at(-1) ?? null
  );
}

/**
 * Refuses a change to a unit that is signed off. Every operation that changes a unit's
 * decisions, mappings, feedback or signatures calls this, whatever screen asked.
 */
export function assertUnitUnlocked(portfolio: Portfolio, unitId: string, unitTitle: string): void {
  assertUnlocked(currentSignOff(portfolio, unitId), unitTitle);
}
