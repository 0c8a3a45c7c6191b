/**
 * How a criterion, or one of its parts, is named: one key for looking it up within a unit (the
 * marking screen selects by it), one across a learner's units, and one label for readers.
 */

/** "7.1", or "9.1|a" for a part: the key of a criterion or part within one unit. */
export function criterionKey(criterionRef: string, partRef: string | null): string {
  return partRef ? `${criterionRef}|${partRef}` : criterionRef;
}

/** The key of a criterion or part among all of a learner's units. */
export function unitCriterionKey(t: {
  unitId: string;
  criterionRef: string;
  partRef: string | null;
}): string {
  return `${t.unitId}\u0000${criterionKey(t.criterionRef, t.partRef)}`;
}

/** "7.1", or "9.1 a" for a part: a criterion or part as a reader sees it. */
export function criterionLabel(criterionRef: string, partRef: string | null): string {
  return partRef ? `${criterionRef} ${partRef}` : criterionRef;
}
