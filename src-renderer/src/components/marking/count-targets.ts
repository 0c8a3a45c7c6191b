import { countCriteria, type CriterionCounts } from '../../../../src-main/kernel/count-criteria';
import type { TargetView } from '../../../../src-main/decision/decision-views';

/** The marking screen's targets counted as the learner list and the centre's progress count them. */
export function countTargets(targets: readonly TargetView[]): CriterionCounts {
  return countCriteria(
    targets.map((t) => ({
      criterionRef: t.criterionRef,
      met: t.status === 'met',
      evidenced: t.evidenceIds.length > 0,
    })),
  );
}
