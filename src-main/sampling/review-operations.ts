import { auditEntry } from '../audit/audit';
import { UserError } from '../kernel/user-error';
import { dayOf, stamp, type Actor } from '../shared/record';
import type { Workspace } from '../workspace/workspace';
import {
  actionStepWords,
  closeAction,
  reopenAction,
  respondToAction,
  updateActionInReview,
} from './action-loop';
import { recordActualDate } from './plan-edit';
import { openPlan } from './plan-operations';
import { assertValidReview, canClaimCertification, type CertificationCheck } from './review';
import { isCompleteReview, type ActionPoint, type SampleReview } from './review-schema';
import type { Prover } from '../shared/proof';
import { composeReview, reviewAudit, type ReviewInput } from './review-compose';
import { sampledWork } from './sample-detail';
import { actionItem, makersOf, namesOf, reviewOf, sampleView } from './sampling-context';
import { latestDecisions } from '../decision/latest-decisions';
import { samplingStore } from './sampling-store';
import type { ActionItemView, SampleDetail } from './sampling-views';
import { criterionLabel } from '../kernel/criterion-key';

const OWN_DECISION = (unitTitle: string) =>
  `You made assessment decisions on unit '${unitTitle}' for this learner, so you cannot quality-assure them. Ask another IQA to review this sample.`;

/** Who may not review: anyone who recorded a decision on the learner's unit, not only the registered assessor. */
function ownDecisionProblem(
  makers: readonly string[],
  userId: string,
  unitTitle: string,
): string | null {
  return makers.includes(userId) ? OWN_DECISION(unitTitle) : null;
}

function findSample(plan: { samples: { id: string }[] }, sampleId: string): void {
  if (!plan.samples.some((s) => s.id === sampleId)) {
    throw new UserError(
      'not-found',
      'That sample is not in the plan any more. Reload the plan and try again.',
    );
  }
}

/** A sampled learner's unit, read-only; refused to an IQA who made any of its decisions. */
export async function openSample(
  workspace: Workspace,
  planId: string,
  sampleId: string,
  actor: Actor,
  today: string,
): Promise<SampleDetail> {
  const { context, file } = await openPlan(workspace, planId, today);
  findSample(file.plan, sampleId);
  const sample = file.plan.samples.find((s) => s.id === sampleId)!;
  const names = namesOf(workspace, context);
  const makers = makersOf(context, sample.learnerId, sample.unitId);
  const own = ownDecisionProblem(makers, actor.id, names.unit(sample.unitId));
  if (own && actor.role === 'iqa') throw new UserError('forbidden', own);
  const learner = workspace.learner(sample.learnerId);
  const portfolio = await workspace.portfolios.summarise(learner, (p) => p);
  const registration = portfolio.registrations.find((r) => r.unitId === sample.unitId);
  const { units } = await workspace.listUnits();
  const unit = units.find((u) => u.id === sample.unitId && u.version === registration?.unitVersion);
  const reviews = await samplingStore(workspace).readReviews(planId);
  const review = reviewOf(reviews, sampleId) ?? null;
  return {
    planId,
    sample: sampleView(sample, reviews, names, today),
    ...sampledWork(learner, portfolio, unit, sample.unitId, names),
    review,
    reviewerName: review ? names.person(review.reviewerId) : null,
    cannotReview:
      actor.role !== 'iqa'
        ? 'Only an internal quality assurer records a sample review. Switch to an IQA to review this sample.'
        : own,
  };
}

export type { ReviewInput };

/** The refs ("7.1", "9.1 a") the assessor has decided on, as the review form names them. */
export async function assessedRefs(
  workspace: Workspace,
  learnerId: string,
  unitId: string,
): Promise<Set<string>> {
  const learner = workspace.learner(learnerId);
  const portfolio = await workspace.portfolios.summarise(learner, (p) => p);
  const refs = new Set<string>();
  for (const d of latestDecisions(portfolio, unitId).values()) {
    if (d.outcome === 'not-assessed') continue;
    refs.add(criterionLabel(d.criterionRef, d.partRef));
  }
  return refs;
}

/** The sample to review, refused unless an IQA who made none of its decisions reviews it. */
async function sampleToReview(
  workspace: Workspace,
  planId: string,
  sampleId: string,
  input: ReviewInput,
  actor: Actor,
  today: string,
) {
  if (actor.role !== 'iqa') {
    throw new UserError(
      'forbidden',
      'Only an internal quality assurer records a sample review. Switch to an IQA and try again.',
    );
  }
  const { context, file } = await openPlan(workspace, planId, today);
  findSample(file.plan, sampleId);
  const sample = file.plan.samples.find((s) => s.id === sampleId)!;
  const assessment = context.population.assessments.find(
    (a) => a.learnerId === sample.learnerId && a.unitId === sample.unitId,
  );
  if (!assessment) {
    throw new UserError(
      'not-found',
      'The learner is no longer registered on this unit, so the sample cannot be reviewed.',
    );
  }
  const own = ownDecisionProblem(
    makersOf(context, sample.learnerId, sample.unitId),
    actor.id,
    assessment.unitTitle,
  );
  if (own) throw new UserError('forbidden', own);
  if (input.reviewedOn > today) {
    throw new UserError(
      'invalid-input',
      "A review cannot be dated on a day still to come. Use today's date or an earlier one.",
    );
  }
  return { context, file, sample, assessment };
}

/** Records (or updates) the IQA's review of a sample, and the day the sample was done. */
export async function saveReview(
  workspace: Workspace,
  planId: string,
  sampleId: string,
  input: ReviewInput,
  actor: Actor,
  now: Date,
  prove?: Prover,
): Promise<SampleReview> {
  const today = dayOf(now);
  const { context, file, sample, assessment } = await sampleToReview(
    workspace,
    planId,
    sampleId,
    input,
    actor,
    today,
  );
  const store = samplingStore(workspace);
  const reviewsDoc = await store.reviews(planId);
  const existing = reviewOf(reviewsDoc.data.reviews, sampleId);
  if (existing?.status === 'complete' && input.status === 'draft') {
    throw new UserError(
      'invalid-input',
      'This review is complete and already counts. Change it and save it complete again.',
    );
  }
  const { review, raised } = composeReview(input, existing, sample, actor, now, prove);
  assertValidReview(
    review,
    assessment,
    await assessedRefs(workspace, sample.learnerId, sample.unitId),
  );
  const complete = review.status === 'complete';

  // Check the plan change before anything is written, so a bad date saves nothing at all. A
  // draft does not make the sample done.
  const withDate = complete
    ? recordActualDate(file.plan, context.population, sampleId, review.reviewedOn, today)
    : file.plan;
  await reviewsDoc.update((doc) => ({
    ...doc,
    reviews: existing
      ? doc.reviews.map((r) => (r.sampleId === sampleId ? review : r))
      : [...doc.reviews, review],
    audit: [...doc.audit, reviewAudit(actor, now, sample, existing, review, raised)],
  }));
  if (!complete) return review;
  const planDoc = await store.plan(planId);
  await planDoc.update((f) => ({
    ...f,
    plan: { ...f.plan, samples: withDate.samples },
    updatedAt: now.toISOString(),
    updatedBy: actor.id,
    audit: [
      ...f.audit,
      auditEntry(actor, now, 'recorded sample done', `sample ${sampleId}`, {
        before: { actualDate: sample.actualDate },
        after: { actualDate: review.reviewedOn },
      }),
    ],
  }));
  return review;
}

export type ActionStep =
  | { kind: 'respond'; text: string }
  | { kind: 'close'; note?: string }
  | { kind: 'reopen'; reason: string; due?: string };

/** One turn of the action loop: the owner answers; the IQA closes or reopens. */
export async function stepAction(
  workspace: Workspace,
  planId: string,
  actionId: string,
  step: ActionStep,
  actor: Actor,
  now: Date,
): Promise<ActionPoint> {
  const on = dayOf(now);
  if (step.kind !== 'respond' && actor.role !== 'iqa') {
    throw new UserError(
      'forbidden',
      'Only an internal quality assurer closes or reopens an action point.',
    );
  }
  const doc = await samplingStore(workspace).reviews(planId);
  const review = doc.data.reviews.find((r) => r.actionPoints.some((a) => a.id === actionId));
  if (!review) {
    throw new UserError(
      'not-found',
      'That action point is not in this plan any more. Reload and try again.',
    );
  }
  const apply = (action: ActionPoint): ActionPoint => {
    if (step.kind === 'respond')
      return respondToAction(action, { by: actor.id, on, text: step.text });
    if (step.kind === 'close') return closeAction(action, { by: actor.id, on, note: step.note });
    return reopenAction(action, { by: actor.id, on, reason: step.reason, due: step.due });
  };
  const updated = updateActionInReview(review, actionId, apply);
  const after = updated.actionPoints.find((a) => a.id === actionId)!;
  await doc.update((file) => ({
    ...file,
    reviews: file.reviews.map((r) =>
      r.id === review.id
        ? {
            ...updated,
            ...stamp(actor, now),
            // The assessor's first answer is their acknowledgement of the IQA's feedback.
            ...(step.kind === 'respond' && !r.assessorAcknowledgedOn
              ? { assessorAcknowledgedOn: on }
              : {}),
          }
        : r,
    ),
    audit: [
      ...file.audit,
      auditEntry(
        actor,
        now,
        actionStepWords(step.kind, 'action point'),
        `action point ${actionId}`,
        {
          after: { state: after.state },
          subject: { learnerId: review.learnerId, unitId: review.unitId },
        },
      ),
    ],
  }));
  return after;
}

/** Everything of the user's not yet closed, across every plan, oldest due first. */
export async function actionsOwnedBy(
  workspace: Workspace,
  ownerId: string,
  today: string,
): Promise<ActionItemView[]> {
  const { units } = await workspace.listUnits();
  const names = namesOf(workspace, undefined, units);
  const all = await samplingStore(workspace).allReviews();
  return all
    .flatMap(({ planId, reviews }) =>
      reviews
        .filter(isCompleteReview)
        .flatMap((r) =>
          r.actionPoints
            .filter((a) => a.owner === ownerId && a.state !== 'closed')
            .map((a) => actionItem(a, r, planId, names, today)),
        ),
    )
    .sort((x, y) => (x.due < y.due ? -1 : x.due > y.due ? 1 : 0));
}

/**
 * Whether a learner's unit may be claimed for certification, as far as IQA sampling goes: every
 * summative sample of it, in every plan, must be agreed. Other screens ask this; the rule is in
 * `canClaimCertification`.
 */
export async function certificationCheck(
  workspace: Workspace,
  learnerId: string,
  unitId: string,
): Promise<CertificationCheck> {
  const store = samplingStore(workspace);
  const { plans } = await store.listPlans();
  const entries = [];
  for (const plan of plans) {
    const samples = plan.plan.samples.filter(
      (s) => s.learnerId === learnerId && s.unitId === unitId,
    );
    if (samples.length === 0) continue;
    const reviews = await store.readReviews(plan.id);
    for (const sample of samples) entries.push({ sample, review: reviewOf(reviews, sample.id) });
  }
  return canClaimCertification(entries);
}
