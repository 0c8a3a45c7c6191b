import {
  DEFAULT_REVIEW_WEEKS,
  reviewSchedule,
  reviewStands,
  type ReviewSchedule,
} from '../kernel/progress-review-words';
import { activeRegistrations } from '../portfolio/portfolio';
import type { Portfolio } from '../portfolio/portfolio-schema';
import type { ProgressReview } from '../portfolio/progress-review-schema';
import { isCompleteReview } from './review-content';

/** Reviews newest first (by the day held, a later version of one review before the earlier). */
export function reviewsNewestFirst(portfolio: Portfolio): ProgressReview[] {
  return [...portfolio.progressReviews].sort(
    (a, b) => b.heldOn.localeCompare(a.heldOn) || b.version - a.version || b.id.localeCompare(a.id),
  );
}

/** Whether a review is the one that stands for its meeting (kernel/progress-review-words.ts). */
export const isStanding = (review: ProgressReview): boolean => reviewStands(review);

/** The reviews that stand, newest first. */
export function standingReviews(portfolio: Portfolio): ProgressReview[] {
  return reviewsNewestFirst(portfolio).filter(isStanding);
}

/** The last standing review the learner and assessor both signed, or null. */
export function lastCompleteReview(portfolio: Portfolio): ProgressReview | null {
  return standingReviews(portfolio).find(isCompleteReview) ?? null;
}

/** When the learner's next review falls due; null when they are on no unit. */
export function learnerReviewSchedule(
  portfolio: Portfolio,
  weeks: number | undefined,
  today: string,
): ReviewSchedule | null {
  const regs = activeRegistrations(portfolio);
  if (regs.length === 0) return null;
  const first = regs.map((r) => r.registeredAt.slice(0, 10)).sort()[0] ?? null;
  const last = lastCompleteReview(portfolio);
  return reviewSchedule(last?.heldOn ?? null, first, weeks ?? DEFAULT_REVIEW_WEEKS, today);
}
