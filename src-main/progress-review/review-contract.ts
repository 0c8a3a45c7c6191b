import { z } from 'zod';
import {
  MAX_REVIEW_WEEKS,
  MIN_REVIEW_WEEKS,
  REVIEW_WEEKS_RULE,
  reviewSignerRoles,
  targetOutcomes,
} from '../kernel/progress-review-words';
import { operation } from '../shared/operation';
import { isoDate } from '../shared/record';
import type { ReviewDueRow, ReviewsView } from './review-views';

export type * from './review-views';

const learnerId = z.string().min(1);
const text = z.string().max(20_000).default('');

export const progressReviewOperations = {
  /** A learner's progress reviews, when the next is due, and what a new one starts from. */
  'review:list': operation<ReviewsView>()(z.object({ learnerId })),
  /** Records a new review, or changes one nobody has signed yet. */
  'review:save': operation<{ id: string }>()(
    z.object({
      learnerId,
      reviewId: z.string().min(1).optional(),
      heldOn: isoDate,
      wentWell: text,
      concerns: text,
      learnerView: text,
      employerView: text,
      wellbeing: text,
      employerName: z.string().max(200).default(''),
      answers: z
        .array(
          z.object({
            targetId: z.string().min(1),
            outcome: z.enum(targetOutcomes).nullable(),
            comment: z.string().max(2000).default(''),
          }),
        )
        .max(200)
        .default([]),
      targets: z
        .array(
          z.object({
            id: z.string().min(1).optional(),
            what: z.string().max(2000),
            byWhen: isoDate,
            who: z.string().max(200),
          }),
        )
        .max(50)
        .default([]),
    }),
    { writes: true },
  ),
  /** The learner's, assessor's or employer's signature over the review as it stands. */
  'review:sign': operation<{ signed: boolean }>()(
    z.object({
      learnerId,
      reviewId: z.string().min(1),
      role: z.enum(reviewSignerRoles),
      method: z.enum(['drawn', 'typed']),
      image: z.string().max(2_000_000).optional(),
      typedName: z.string().trim().max(200).optional(),
    }),
    { writes: true },
  ),
  /**
   * Starts the amendment of a signed review: a new version to change and sign again. The signed
   * one is kept as it was, and stands until the learner and the assessor sign the amendment.
   */
  'review:amend': operation<{ id: string }>()(
    z.object({
      learnerId,
      reviewId: z.string().min(1),
      reason: z.string().trim().min(1, 'Say why the signed review is being amended.').max(2000),
    }),
    { writes: true },
  ),
  /** Each current learner's review state, for the caseload views. */
  'review:due': operation<ReviewDueRow[]>()(z.object({})),
  /** The centre's interval between progress reviews, in weeks. */
  'review:set-interval': operation<{ weeks: number }>()(
    z.object({
      weeks: z
        .number({ message: REVIEW_WEEKS_RULE })
        .int(REVIEW_WEEKS_RULE)
        .min(MIN_REVIEW_WEEKS, REVIEW_WEEKS_RULE)
        .max(MAX_REVIEW_WEEKS, REVIEW_WEEKS_RULE),
    }),
    { writes: true },
  ),
};
