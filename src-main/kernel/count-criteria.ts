/**
 * The one way the workbench counts progress on a unit: in criteria, as the awarding bodies'
 * paperwork does. A criterion with parts is met (or evidenced) only when every one of its parts
 * is: there is no credit for part of a criterion, as there is none for part of a unit.
 *
 * Imports nothing, so the marking screen counts with it as the learner list and the centre's
 * progress do.
 */

export interface CriterionCounts {
  total: number;
  met: number;
  evidenced: number;
}

/** One thing decided on: a criterion without parts, or one part of a criterion. */
export interface CountedTarget {
  criterionRef: string;
  met: boolean;
  evidenced: boolean;
}

export function countCriteria(targets: readonly CountedTarget[]): CriterionCounts {
  const byCriterion = new Map<string, { met: boolean; evidenced: boolean }>();
  for (const t of targets) {
    const seen = byCriterion.get(t.criterionRef) ?? { met: true, evidenced: true };
    byCriterion.set(t.criterionRef, {
      met: seen.met && t.met,
      evidenced: seen.evidenced && t.evidenced,
    });
  }
  const all = [...byCriterion.values()];
  return {
    total: all.length,
    met: all.filter((c) => c.met).length,
    evidenced: all.filter((c) => c.evidenced).length,
  };
}

/** "12 of 27 criteria met": the label every screen puts beside the count. */
export function criteriaMetLabel(counts: Pick<CriterionCounts, 'met' | 'total'>): string {
  return `${counts.met} of ${counts.total} ${counts.total === 1 ? 'criterion' : 'criteria'} met`;
}
