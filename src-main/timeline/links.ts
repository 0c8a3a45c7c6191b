import type { TimelineLink } from './timeline-entry';

/** The learner's page, on one of its tabs (`evidence` is the tab shown when none is named). */
export function learnerTab(
  learnerId: string,
  tab: 'evidence' | 'units' | 'witness' | 'plans' | 'reviews',
  extra: Record<string, string> = {},
): TimelineLink {
  const words = {
    evidence: 'the evidence item',
    units: 'the learner’s units',
    witness: 'the witness testimony',
    plans: 'the assessment plan',
    reviews: 'the progress review',
  };
  return {
    query: { page: 'learners', learner: learnerId, tab, ...extra },
    label: words[tab],
  };
}

/** A unit, or one criterion (or part) of it, on the marking screen. */
export function markingLink(
  learnerId: string,
  unitId: string,
  criterion?: { criterionRef: string; partRef: string | null },
): TimelineLink {
  const query: Record<string, string> = { page: 'marking', learner: learnerId, unit: unitId };
  if (!criterion) return { query, label: 'the unit on the marking screen' };
  // The marking screen's key of a criterion or part (`9.1|b`), as `marking-view.ts` writes it.
  query.criterion = criterion.partRef
    ? `${criterion.criterionRef}|${criterion.partRef}`
    : criterion.criterionRef;
  return { query, label: 'the criterion on the marking screen' };
}

/** An issued record, shown in the Records page's preview. */
export function recordLink(learnerId: string, recordId: string): TimelineLink {
  return {
    query: { page: 'records', learner: learnerId, record: recordId },
    label: 'the record',
  };
}

/**
 * A sample of an IQA sampling plan, opened with its review and action points (on the plan's
 * tab: an assessor with action points would otherwise land on their list).
 */
export function sampleLink(
  qualificationId: string,
  planId: string,
  sampleId: string,
): TimelineLink {
  return {
    query: {
      page: 'sampling',
      qualification: qualificationId,
      plan: planId,
      view: 'plan',
      sample: sampleId,
    },
    label: 'the sample and its review',
  };
}

/** The sampling plan, for a sample no longer in it. */
export function planLink(qualificationId: string, planId: string): TimelineLink {
  return {
    query: { page: 'sampling', qualification: qualificationId, plan: planId, view: 'plan' },
    label: 'the sampling plan',
  };
}

/** An EQA visit on the Sampling page, with the EQA's report and actions once imported. */
export function visitLink(visitId: string): TimelineLink {
  return {
    query: { page: 'sampling', view: 'visits', visit: visitId },
    label: 'the EQA visit and its report',
  };
}
