import { z } from 'zod';
import { proofSchema } from '../shared/proof';
import { isoDate, recordFields } from '../shared/record';
import { sampleTypes } from './population';

import {
  qualityRatings,
  reviewDecisionLabels,
  reviewDecisions,
  vacsrChecks,
  vacsrLabels,
  type QualityRating,
  type ReviewDecision,
  type VacsrCheck,
} from '../kernel/review-words';

export { qualityRatings, reviewDecisionLabels, reviewDecisions, vacsrChecks, vacsrLabels };
export type { QualityRating, ReviewDecision, VacsrCheck };

/**
 * A draft is what the IQA has answered so far; it counts nowhere (dashboard, certification,
 * reports, records). A review is complete only once every answer it needs has been given.
 */
export const reviewStatuses = ['draft', 'complete'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

export const actionStates = ['open', 'answered', 'closed'] as const;
export type ActionState = (typeof actionStates)[number];

export const actionEntrySchema = z.object({
  kind: z.enum(['response', 'closed', 'reopened']),
  by: z.string().min(1),
  on: isoDate,
  text: z.string(),
});

export const actionPointSchema = z.object({
  id: z.string().min(1),
  sampleId: z.string().min(1),
  what: z.string().trim().min(1, 'Say what needs to be done.'),
  /** Usually the assessor; sometimes the IQA or a centre manager. */
  owner: z.string().min(1, 'Say who the action point is for.'),
  raisedBy: z.string().min(1),
  raisedOn: isoDate,
  due: isoDate,
  state: z.enum(actionStates),
  /** The conversation about the action, oldest first; appended to, never rewritten. */
  history: z.array(actionEntrySchema),
  closedOn: isoDate.optional(),
});

export const criterionCheckSchema = z.object({
  ref: z.string().min(1),
  /** `null` until the IQA answers: nothing is agreed on the IQA's behalf. */
  agree: z.boolean().nullable(),
  comment: z.string().default(''),
});

export const vacsrResultSchema = z.object({
  met: z.boolean().nullable(),
  comment: z.string().default(''),
});

export const qualitySchema = z.object({
  rating: z.enum(qualityRatings).nullable(),
  comment: z.string().default(''),
});

/** The IQA sampling record for one sample, as DOMAIN.md lists its fields. */
export const sampleReviewSchema = z.object({
  ...recordFields,
  sampleId: z.string().min(1),
  learnerId: z.string().min(1),
  unitId: z.string().min(1),
  assessorId: z.string().min(1),
  reviewerId: z.string().min(1),
  type: z.enum(sampleTypes),
  reviewedOn: isoDate,
  criteria: z.array(criterionCheckSchema),
  evidenceSampled: z.array(z.string()).default([]),
  vacsr: z.object({
    valid: vacsrResultSchema,
    authentic: vacsrResultSchema,
    current: vacsrResultSchema,
    sufficient: vacsrResultSchema,
    reliable: vacsrResultSchema,
  }),
  feedbackQuality: qualitySchema,
  recordsQuality: qualitySchema,
  decision: z.enum(reviewDecisions).nullable(),
  /** Files written before drafts existed were only ever saved complete. */
  status: z.enum(reviewStatuses).default('complete'),
  feedbackToAssessor: z.string().default(''),
  actionPoints: z.array(actionPointSchema).default([]),
  assessorAcknowledgedOn: isoDate.optional(),
  /** The IQA's signature, by their own key, over what they decided (review-proof.ts). */
  proof: proofSchema.optional(),
});

export type ActionEntry = z.infer<typeof actionEntrySchema>;
export type ActionPoint = z.infer<typeof actionPointSchema>;
export type CriterionCheck = z.infer<typeof criterionCheckSchema>;
export type SampleReview = z.infer<typeof sampleReviewSchema>;
export type SampleReviewInput = z.input<typeof sampleReviewSchema>;

type Answered<T> = { [K in keyof T]: NonNullable<T[K]> };
type VacsrResult = z.infer<typeof vacsrResultSchema>;
type Quality = z.infer<typeof qualitySchema>;

/** A review with every answer given: the only kind that counts. */
export type CompleteReview = Omit<
  SampleReview,
  'status' | 'decision' | 'vacsr' | 'feedbackQuality' | 'recordsQuality'
> & {
  status: 'complete';
  decision: ReviewDecision;
  vacsr: Record<VacsrCheck, Answered<VacsrResult>>;
  feedbackQuality: Answered<Quality>;
  recordsQuality: Answered<Quality>;
};

export function isCompleteReview(review: SampleReview): review is CompleteReview {
  return (
    review.status === 'complete' &&
    review.decision !== null &&
    review.feedbackQuality.rating !== null &&
    review.recordsQuality.rating !== null &&
    vacsrChecks.every((check) => review.vacsr[check].met !== null)
  );
}

/** The complete review of a sample, if there is one; a draft is not a review yet. */
export function completeReviewOf(
  reviews: readonly SampleReview[],
  sampleId: string,
): CompleteReview | undefined {
  const review = reviews.find((r) => r.sampleId === sampleId);
  return review && isCompleteReview(review) ? review : undefined;
}
