import type { AssessmentPlan } from '../portfolio/plan-schema';
import type { Portfolio } from '../portfolio/portfolio-schema';
import { decisionOf, latestDecisions } from './latest-decisions';
import { targetsOf } from './targets';
import type { UnitSpec } from '../unit/unit-schema';
import { criterionKey, unitCriterionKey } from '../kernel/criterion-key';

export interface PlannedTargetStatus {
  unitId: string;
  criterionRef: string;
  partRef: string | null;
  planId: string;
  visitDate: string;
}

/**
 * The criteria (and parts) an agreed plan named for a visit now past that still have no
 * decision: the marking screen shows them as still to do. A criterion named whole stands for
 * each of its parts; the newest visit that named a target is the one given.
 */
export function plannedStillToDo(
  plans: readonly AssessmentPlan[],
  undecided: (t: { unitId: string; criterionRef: string; partRef: string | null }) => boolean,
  targetsOfUnit: (unitId: string) => { criterionRef: string; partRef: string | null }[],
  today: string,
): PlannedTargetStatus[] {
  const found = new Map<string, PlannedTargetStatus>();
  const visited = plans
    .filter((p) => p.status === 'agreed' && !p.supersededBy && p.visitDate && p.visitDate < today)
    .sort((a, b) => (a.visitDate! < b.visitDate! ? -1 : 1));
  for (const plan of visited) {
    for (const c of plan.criteria) {
      const targets = targetsOfUnit(c.unitId).filter(
        (t) => t.criterionRef === c.criterionRef && (c.partRef === null || t.partRef === c.partRef),
      );
      for (const t of targets) {
        const target = { unitId: c.unitId, criterionRef: t.criterionRef, partRef: t.partRef };
        const key = unitCriterionKey(target);
        found.delete(key);
        if (undecided(target)) {
          found.set(key, { ...target, planId: plan.id, visitDate: plan.visitDate! });
        }
      }
    }
  }
  return [...found.values()];
}

/** The plans' still-to-do targets of one unit of a portfolio, by target key ("9.1|a"). */
export function stillToDoOnUnit(
  portfolio: Portfolio,
  unit: UnitSpec & { id: string },
  today: string,
): Map<string, PlannedTargetStatus> {
  const latest = latestDecisions(portfolio, unit.id);
  const open = plannedStillToDo(
    portfolio.assessmentPlans.filter((p) => p.criteria.some((c) => c.unitId === unit.id)),
    (t) =>
      (decisionOf(latest, t.criterionRef, t.partRef)?.outcome ?? 'not-assessed') === 'not-assessed',
    (unitId) => (unitId === unit.id ? targetsOf(unit) : []),
    today,
  );
  return new Map(open.map((t) => [criterionKey(t.criterionRef, t.partRef), t]));
}
