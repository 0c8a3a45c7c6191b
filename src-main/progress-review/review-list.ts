import type { CentreFile, Learner } from '../centre/centre-schema';
import { reviewDeclarationWords } from '../kernel/progress-review-words';
import type { Portfolio } from '../portfolio/portfolio-schema';
import type { StoredUnit } from '../unit/unit-schema';
import { previousReview, reviewSignBlockers, targetsToCarry, unitSnapshot } from './review-actions';
import { isCompleteReview, reviewSignaturesHold } from './review-content';
import { amendBlocker, pendingAmendment } from './review-amend';
import { isStanding, learnerReviewSchedule, reviewsNewestFirst } from './review-schedule';
import type { ReviewsView } from './review-views';

export interface ReviewsViewInput {
  learner: Learner;
  portfolio: Portfolio;
  units: readonly StoredUnit[];
  centre: Readonly<CentreFile>;
  canRecord: boolean;
  today: string;
}

/** What the learner's Reviews tab shows. */
export function reviewsView(input: ReviewsViewInput): ReviewsView {
  const { learner, portfolio, centre, today } = input;
  const staffName = (id: string) => centre.staff.find((s) => s.id === id)?.name ?? 'Unknown';
  const weeks = centre.centre.reviewIntervalWeeks;
  const previous = previousReview(portfolio, today);
  return {
    learnerName: learner.name,
    intervalWeeks: weeks,
    schedule: learnerReviewSchedule(portfolio, weeks, today),
    reviews: reviewsNewestFirst(portfolio).map((r) => ({
      ...r,
      assessorName: staffName(r.assessorId),
      signatures: r.signatures.map((s) => ({
        role: s.role,
        name: s.name,
        signedAt: s.signedAt,
        method: s.method,
        declarationVersion: s.declarationVersion,
        words: reviewDeclarationWords(s.role, s.declarationVersion),
      })),
      blockers: reviewSignBlockers(r),
      complete: isCompleteReview(r),
      signaturesHold: reviewSignaturesHold(portfolio.learnerId, r),
      standing: isStanding(r),
      amendBlocker: amendBlocker(portfolio, r),
      pendingAmendmentId: pendingAmendment(portfolio, r.id)?.id ?? null,
    })),
    fresh: {
      units: unitSnapshot(portfolio, input.units, centre.staff),
      previousTargets: targetsToCarry(previous),
      previousHeldOn: previous?.heldOn ?? null,
    },
    allowTypedSignatures: centre.centre.allowTypedSignatures,
    canRecord: input.canRecord,
    today,
  };
}
