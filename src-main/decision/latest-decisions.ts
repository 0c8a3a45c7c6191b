import type { CriterionDecision } from '../portfolio/decision-schema';
import type { Portfolio } from '../portfolio/portfolio-schema';
import { criterionKey } from '../kernel/criterion-key';

/** The decision that stands for each target of a unit: the latest one recorded. */
export function latestDecisions(
  portfolio: Portfolio,
  unitId: string,
): Map<string, CriterionDecision> {
  const latest = new Map<string, CriterionDecision>();
  for (const d of portfolio.decisions) {
    if (d.unitId !== unitId) continue;
    const key = criterionKey(d.criterionRef, d.partRef);
    const seen = latest.get(key);
    if (!seen || seen.updatedAt <= d.updatedAt) latest.set(key, d);
  }
  return latest;
}

export function decisionOf(
  latest: Map<string, CriterionDecision>,
  criterionRef: string,
  partRef: string | null,
): CriterionDecision | undefined {
  return latest.get(criterionKey(criterionRef, partRef));
}
