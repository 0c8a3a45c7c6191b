import { auditEntry } from '../audit/audit';
import type { StaffMember } from '../centre/centre-schema';
import { unitProgress } from '../decision/progress';
import { assertSignatureGiven, keptMark } from '../decision/signature-rules';
import { formatDate } from '../kernel/dates';
import {
  REVIEW_DECLARATION_VERSION,
  reviewSignerLabels,
  type ReviewSignerRole,
  type TargetOutcome,
} from '../kernel/progress-review-words';
import { unitRef } from '../kernel/unit-label';
import { UserError } from '../kernel/user-error';
import { activeRegistrations } from '../portfolio/portfolio';
import type { Portfolio } from '../portfolio/portfolio-schema';
import {
  progressReviewSchema,
  type CarriedTarget,
  type ProgressReview,
  type ReviewSignature,
  type ReviewUnit,
} from '../portfolio/progress-review-schema';
import { appended } from '../shared/appended-list';
import { newId } from '../shared/ids';
import { dayOf, stamp, type Actor } from '../shared/record';
import { describeIssues } from '../storage/json-document';
import type { StoredUnit } from '../unit/unit-schema';
import { reviewSignedHash } from './review-content';
import { supersedeOnAgreement } from './review-amend';
import { standingReviews } from './review-schedule';

/** Progress on each unit the learner is on, counted as the progress view counts it, today. */
export function unitSnapshot(
  portfolio: Portfolio,
  units: readonly StoredUnit[],
  staff: readonly StaffMember[],
): ReviewUnit[] {
  return activeRegistrations(portfolio).flatMap((r) => {
    const unit = units.find((u) => u.id === r.unitId && u.version === r.unitVersion);
    if (!unit) return [];
    const p = unitProgress(portfolio, unit, staff);
    return [
      {
        unitId: unit.id,
        unitVersion: unit.version,
        unitRef: unitRef(unit),
        title: unit.title,
        met: p.criteria.met,
        total: p.criteria.total,
        status: p.signOff,
      },
    ];
  });
}

/**
 * The review before this one: the latest other standing review held on or before its day (for
 * an amendment, neither itself nor the version it amends).
 */
export function previousReview(
  portfolio: Portfolio,
  heldOn: string,
  except: readonly (string | null)[] = [],
): ProgressReview | null {
  return (
    standingReviews(portfolio).find((r) => !except.includes(r.id) && r.heldOn <= heldOn) ?? null
  );
}

/** The previous review's targets, each still to be answered (met, partly met or not met). */
export function targetsToCarry(previous: ProgressReview | null): CarriedTarget[] {
  return (previous?.targets ?? []).map((t) => ({
    targetId: t.id,
    fromReviewId: previous!.id,
    what: t.what,
    byWhen: t.byWhen,
    who: t.who,
    outcome: null,
    comment: '',
  }));
}

export interface ReviewInput {
  reviewId?: string | undefined;
  heldOn: string;
  wentWell: string;
  concerns: string;
  learnerView: string;
  employerView: string;
  wellbeing: string;
  employerName: string;
  answers: { targetId: string; outcome: TargetOutcome | null; comment: string }[];
  targets: { id?: string | undefined; what: string; byWhen: string; who: string }[];
}

export interface ReviewContext {
  units: readonly StoredUnit[];
  staff: readonly StaffMember[];
  assessorId: string;
}

function assertNotSigned(review: ProgressReview, staffName: (id: string) => string) {
  const first = review.signatures[0];
  if (!first) return;
  throw new UserError(
    'conflict',
    `The review of ${formatDate(review.heldOn)} was signed by ${first.role === 'assessor' ? staffName(first.personId) : first.name} on ${formatDate(first.signedAt)}, so it cannot be changed. Amend it instead: the amendment is signed again, and the signed review is kept as it was.`,
  );
}

/** Saves a new review, or changes one nobody has signed yet. */
export function saveReview(
  portfolio: Portfolio,
  input: ReviewInput,
  context: ReviewContext,
  actor: Actor,
  now: Date,
): { portfolio: Portfolio; review: ProgressReview } {
  if (input.heldOn > dayOf(now))
    throw new UserError('invalid-input', 'A review cannot be dated in the future.');
  const existing = input.reviewId
    ? portfolio.progressReviews.find((r) => r.id === input.reviewId)
    : undefined;
  if (input.reviewId && !existing)
    throw new UserError('not-found', 'That review is not in this portfolio.');
  const staffName = (id: string) => context.staff.find((s) => s.id === id)?.name ?? 'the assessor';
  if (existing) assertNotSigned(existing, staffName);
  const id = existing?.id ?? newId('pr');
  const revises = existing?.revises ?? null;
  const carried = targetsToCarry(previousReview(portfolio, input.heldOn, [id, revises])).map(
    (t) => {
      const answer = input.answers.find((a) => a.targetId === t.targetId);
      return answer ? { ...t, outcome: answer.outcome, comment: answer.comment.trim() } : t;
    },
  );
  const parsed = progressReviewSchema.safeParse({
    id,
    ...stamp(actor, now),
    heldOn: input.heldOn,
    assessorId: existing?.assessorId ?? context.assessorId,
    // An amendment corrects what was recorded at the meeting: the progress stays as it was then.
    units:
      revises && existing ? existing.units : unitSnapshot(portfolio, context.units, context.staff),
    wentWell: input.wentWell.trim(),
    concerns: input.concerns.trim(),
    learnerView: input.learnerView.trim(),
    employerView: input.employerView.trim(),
    wellbeing: input.wellbeing.trim(),
    employerName: input.employerName.trim(),
    previousTargets: carried,
    targets: input.targets.map((t) => ({ ...t, id: t.id ?? newId('tg') })),
    signatures: [],
    version: existing?.version ?? 1,
    revises,
    supersededBy: null,
    amendReason: existing?.amendReason ?? '',
  });
  if (!parsed.success)
    throw new UserError(
      'invalid-input',
      `The review was not saved: ${describeIssues(parsed.error)}.`,
    );
  const review = parsed.data;
  const entry = auditEntry(
    actor,
    now,
    existing ? 'changed progress review' : 'recorded progress review',
    `review ${review.id}`,
    {
      after: { heldOn: review.heldOn, targets: review.targets.length },
      subject: { learnerId: portfolio.learnerId },
    },
  );
  const progressReviews = existing
    ? portfolio.progressReviews.map((r) => (r.id === review.id ? review : r))
    : appended(portfolio.progressReviews, review);
  return {
    portfolio: { ...portfolio, progressReviews, audit: appended(portfolio.audit, entry) },
    review,
  };
}

export interface ReviewSignatureInput {
  reviewId: string;
  role: ReviewSignerRole;
  personId: string;
  name: string;
  method: 'drawn' | 'typed';
  image?: string | undefined;
  typedName?: string | undefined;
}

/** What must be settled before anyone signs: targets set, and each earlier one answered. */
export function reviewSignBlockers(review: ProgressReview): string[] {
  const blockers: string[] = [];
  if (review.targets.length === 0) blockers.push('Set at least one target for the next period.');
  const open = review.previousTargets.filter((t) => t.outcome === null).length;
  if (open)
    blockers.push(
      `Say whether ${open === 1 ? 'the earlier target was' : `each of the ${open} earlier targets was`} met, partly met or not met.`,
    );
  return blockers;
}

function checkSigner(review: ProgressReview, input: ReviewSignatureInput, allowTyped: boolean) {
  if (review.supersededBy)
    throw new UserError(
      'conflict',
      'This review has been amended and the amendment signed: sign the amended version instead.',
    );
  const blockers = reviewSignBlockers(review);
  if (blockers.length) throw new UserError('invalid-input', blockers.join(' '));
  if (review.signatures.some((s) => s.role === input.role))
    throw new UserError(
      'conflict',
      `The ${reviewSignerLabels[input.role].toLowerCase()} has already signed this review.`,
    );
  if (input.role === 'assessor' && input.personId !== review.assessorId)
    throw new UserError('forbidden', 'Only the assessor who held the review signs it as assessor.');
  if (input.role === 'employer' && !review.employerName)
    throw new UserError(
      'invalid-input',
      "Name the employer's representative in the review before they sign.",
    );
  assertSignatureGiven(input, allowTyped);
}

/** Adds one person's signature over the review as it stands. */
export function signReview(
  portfolio: Portfolio,
  input: ReviewSignatureInput,
  allowTyped: boolean,
  actor: Actor,
  now: Date,
): Portfolio {
  const review = portfolio.progressReviews.find((r) => r.id === input.reviewId);
  if (!review) throw new UserError('not-found', 'That review is not in this portfolio.');
  checkSigner(review, input, allowTyped);
  const signature: ReviewSignature = {
    role: input.role,
    personId: input.role === 'employer' ? '' : input.personId,
    name: input.role === 'employer' ? review.employerName : input.name,
    signedAt: now.toISOString(),
    method: input.method,
    ...keptMark(input),
    hash: reviewSignedHash(portfolio.learnerId, review, input.role),
    declarationVersion: REVIEW_DECLARATION_VERSION,
  };
  const signed = { ...review, ...stamp(actor, now), signatures: [...review.signatures, signature] };
  const entry = auditEntry(actor, now, 'signed progress review', `review ${review.id}`, {
    after: { role: input.role, method: input.method },
    subject: { learnerId: portfolio.learnerId },
  });
  return supersedeOnAgreement(
    {
      ...portfolio,
      progressReviews: portfolio.progressReviews.map((r) => (r.id === review.id ? signed : r)),
      audit: appended(portfolio.audit, entry),
    },
    signed,
    actor,
    now,
  );
}
