import type { StoredQualification } from '../qualification/qualification-store';
import type { StoredUnit } from '../unit/unit-schema';
import type { Workspace } from '../workspace/workspace';
import { isOverdue } from './action-loop';
import { sampleProgress } from './dashboard';
import type { Sample } from './plan-schema';
import { assessmentKey } from './population';
import { completeReviewOf, type ActionPoint, type SampleReview } from './review-schema';
import type { ActionItemView, QualificationChoice, SampleView } from './sampling-views';
import {
  findQualification,
  loadPopulation,
  type WorkspacePopulation,
} from './workspace-population';

/** What every sampling operation on one qualification needs, read once. */
export interface SamplingContext extends WorkspacePopulation {
  workspace: Workspace;
  qualification: StoredQualification;
  today: string;
}

export async function samplingContext(
  workspace: Workspace,
  qualificationId: string,
  today: string,
): Promise<SamplingContext> {
  const qualification = await findQualification(workspace, qualificationId);
  const loaded = await loadPopulation(workspace, qualification, today);
  return { ...loaded, workspace, qualification, today };
}

export function qualificationChoice(q: StoredQualification): QualificationChoice {
  return { id: q.id, title: q.title, number: q.number };
}

/** The academic year (1 September to 31 August) that `today` falls in: the usual plan period. */
export function academicYear(today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const start = Number(today.slice(5, 7)) >= 9 ? year : year - 1;
  return { from: `${start}-09-01`, to: `${start + 1}-08-31` };
}

export interface Names {
  person: (id: string) => string;
  learner: (id: string) => string;
  unit: (id: string) => string;
}

export function namesOf(
  workspace: Workspace,
  population?: WorkspacePopulation,
  unitList: readonly StoredUnit[] = [],
): Names {
  const staff = new Map(workspace.centre.staff.map((s) => [s.id, s.name]));
  const learners = new Map(workspace.centre.learners.map((l) => [l.id, l.name]));
  const units = new Map<string, string>(unitList.map((u) => [u.id, u.title]));
  for (const a of population?.population.assessments ?? []) units.set(a.unitId, a.unitTitle);
  return {
    person: (id) => staff.get(id) ?? (id === 'centre-admin' ? 'Centre administrator' : id),
    learner: (id) => learners.get(id) ?? 'Unknown learner',
    unit: (id) => units.get(id) ?? id,
  };
}

/** The review of a sample as saved, draft or complete; only a complete one counts. */
export function reviewOf(
  reviews: readonly SampleReview[],
  sampleId: string,
): SampleReview | undefined {
  return reviews.find((r) => r.sampleId === sampleId);
}

export function sampleView(
  sample: Sample,
  reviews: readonly SampleReview[],
  names: Names,
  today: string,
): SampleView {
  const review = completeReviewOf(reviews, sample.id);
  return {
    ...sample,
    learnerName: names.learner(sample.learnerId),
    unitTitle: names.unit(sample.unitId),
    assessorName: names.person(sample.assessorId),
    iqaName: names.person(sample.iqaId),
    progress: sampleProgress(sample, today),
    decision: review?.decision ?? null,
    draft: !review && reviewOf(reviews, sample.id) !== undefined,
    openActions: review?.actionPoints.filter((a) => a.state !== 'closed').length ?? 0,
  };
}

export function actionItem(
  action: ActionPoint,
  review: SampleReview,
  planId: string,
  names: Names,
  today: string,
): ActionItemView {
  return {
    ...action,
    planId,
    learnerId: review.learnerId,
    unitId: review.unitId,
    learnerName: names.learner(review.learnerId),
    unitTitle: names.unit(review.unitId),
    ownerName: names.person(action.owner),
    raisedByName: names.person(action.raisedBy),
    overdue: isOverdue(action, today),
    feedbackToAssessor: review.feedbackToAssessor,
  };
}

export function makersOf(
  context: WorkspacePopulation,
  learnerId: string,
  unitId: string,
): string[] {
  return context.makers.get(assessmentKey({ learnerId, unitId })) ?? [];
}
