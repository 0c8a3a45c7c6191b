import { auditEntry } from '../audit/audit';
import { formatDate } from '../kernel/dates';
import { UserError } from '../kernel/user-error';
import type { Portfolio } from '../portfolio/portfolio-schema';
import type { ProgressReview } from '../portfolio/progress-review-schema';
import { appended } from '../shared/appended-list';
import { newId } from '../shared/ids';
import { stamp, type Actor } from '../shared/record';
import { isCompleteReview } from './review-content';

/**
 * A signed review is never changed. To correct it, the assessor amends it: a new version with
 * the same content, unsigned, that they change and everyone signs again. The signed one stays on
 * file as it was signed, and stands until the learner and the assessor have signed the amendment;
 * then it is marked superseded by it (said on the audit trail).
 */

const subject = (portfolio: Portfolio) => ({ learnerId: portfolio.learnerId });

/** What stops a review being amended, in words; null when it may be. */
export function amendBlocker(portfolio: Portfolio, review: ProgressReview): string | null {
  if (review.signatures.length === 0)
    return 'Nobody has signed this review yet: change it directly.';
  if (review.supersededBy)
    return 'This review has already been amended and the amendment signed. Amend the newer version.';
  const answeredBy = portfolio.progressReviews.find(
    (r) => r.id !== review.id && r.previousTargets.some((t) => t.fromReviewId === review.id),
  );
  if (answeredBy)
    return `The review of ${formatDate(answeredBy.heldOn)} has answered this review’s targets, so it can no longer be amended. Record the correction in the latest review.`;
  return null;
}

/** The amendment of a review still waiting for its signatures, if there is one. */
export function pendingAmendment(portfolio: Portfolio, reviewId: string): ProgressReview | null {
  return (
    portfolio.progressReviews.find((r) => r.revises === reviewId && !isCompleteReview(r)) ?? null
  );
}

/**
 * Starts an amendment of a signed review: a copy of it to change, with no signatures. Asking
 * again while one is waiting gives that one back rather than a second.
 */
export function amendReview(
  portfolio: Portfolio,
  reviewId: string,
  reason: string,
  actor: Actor,
  now: Date,
): { portfolio: Portfolio; review: ProgressReview } {
  const old = portfolio.progressReviews.find((r) => r.id === reviewId);
  if (!old) throw new UserError('not-found', 'That review is not in this portfolio.');
  const blocker = amendBlocker(portfolio, old);
  if (blocker) throw new UserError('conflict', blocker);
  // The amendment is signed again by the assessor who held the review, so only they start one.
  if (actor.id !== old.assessorId)
    throw new UserError(
      'forbidden',
      'Only the assessor who held the review amends it. Anything else goes in the next review.',
    );
  const pending = pendingAmendment(portfolio, old.id);
  if (pending) return { portfolio, review: pending };
  const why = reason.trim();
  if (!why) throw new UserError('invalid-input', 'Say why the signed review is being amended.');
  const review: ProgressReview = {
    ...old,
    id: newId('pr'),
    ...stamp(actor, now),
    version: old.version + 1,
    revises: old.id,
    supersededBy: null,
    amendReason: why,
    signatures: [],
  };
  const entry = auditEntry(actor, now, 'amended progress review', `review ${review.id}`, {
    before: { review: old.id, version: old.version },
    after: { version: review.version, reason: why },
    subject: subject(portfolio),
  });
  return {
    portfolio: {
      ...portfolio,
      progressReviews: appended(portfolio.progressReviews, review),
      audit: appended(portfolio.audit, entry),
    },
    review,
  };
}

/**
 * Once the learner and the assessor have both signed an amendment, the version it amends is
 * marked superseded by it: kept, signatures and all, and no longer the one that stands.
 */
export function supersedeOnAgreement(
  portfolio: Portfolio,
  signed: ProgressReview,
  actor: Actor,
  now: Date,
): Portfolio {
  if (!signed.revises || !isCompleteReview(signed)) return portfolio;
  const old = portfolio.progressReviews.find((r) => r.id === signed.revises);
  if (!old || old.supersededBy) return portfolio;
  const entry = auditEntry(actor, now, 'superseded progress review', `review ${old.id}`, {
    after: { supersededBy: signed.id, version: signed.version },
    subject: subject(portfolio),
  });
  // Marking the old version touches no field its signatures stand for (review-content.ts).
  const superseded: ProgressReview = { ...old, ...stamp(actor, now), supersededBy: signed.id };
  return {
    ...portfolio,
    progressReviews: portfolio.progressReviews.map((r) => (r.id === old.id ? superseded : r)),
    audit: appended(portfolio.audit, entry),
  };
}
