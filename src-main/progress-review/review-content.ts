import { createHash } from 'node:crypto';
import {
  REVIEW_DECLARATION_VERSION,
  reviewDeclarationWords,
  reviewSignedByBoth,
  type ReviewSignerRole,
} from '../kernel/progress-review-words';
import type { ProgressReview } from '../portfolio/progress-review-schema';

/**
 * The exact text a review signature stands for: the declaration and everything the review
 * records (progress, views, targets and the answers on earlier ones). Any change to the review
 * gives another text, so a signature no longer matches what is on file.
 */
export function reviewSignedText(
  learnerId: string,
  review: ProgressReview,
  role: ReviewSignerRole,
  version: number = REVIEW_DECLARATION_VERSION,
): string {
  return JSON.stringify({
    declaration: reviewDeclarationWords(role, version),
    declarationVersion: version,
    learnerId,
    review: {
      id: review.id,
      heldOn: review.heldOn,
      assessorId: review.assessorId,
      units: review.units,
      wentWell: review.wentWell,
      concerns: review.concerns,
      learnerView: review.learnerView,
      employerView: review.employerView,
      wellbeing: review.wellbeing,
      employerName: review.employerName,
      previousTargets: review.previousTargets,
      targets: review.targets,
      // An amendment's signatures also stand for what it amends and why; a first version's text
      // is as it always was, so signatures given before amendments existed still match.
      ...(review.revises
        ? { version: review.version, revises: review.revises, amendReason: review.amendReason }
        : {}),
    },
  });
}

export function reviewSignedHash(
  learnerId: string,
  review: ProgressReview,
  role: ReviewSignerRole,
  version?: number,
): string {
  return createHash('sha256')
    .update(reviewSignedText(learnerId, review, role, version), 'utf8')
    .digest('hex');
}

/** Whether each signature still matches the review as it stands. */
export function reviewSignaturesHold(learnerId: string, review: ProgressReview): boolean {
  return review.signatures.every(
    (s) => s.hash === reviewSignedHash(learnerId, review, s.role, s.declarationVersion),
  );
}

/** A review counts once the learner and the assessor have both signed it. */
export function isCompleteReview(review: ProgressReview): boolean {
  return reviewSignedByBoth(review);
}
