import type { SampleReview } from './review-schema';

/**
 * What an IQA's signature on a review covers: everything they decided (each criterion, the VACSR
 * checks, the quality ratings, the decision, the feedback, the evidence they sampled and the
 * action points they raised), not what others add later (the assessor's acknowledgement, the
 * conversation on an action point, its state and due date as it is reopened).
 */
export function reviewPayload(review: SampleReview) {
  return {
    kind: 'review',
    reviewId: review.id,
    sampleId: review.sampleId,
    learnerId: review.learnerId,
    unitId: review.unitId,
    assessorId: review.assessorId,
    reviewerId: review.reviewerId,
    type: review.type,
    reviewedOn: review.reviewedOn,
    status: review.status,
    criteria: review.criteria,
    evidenceSampled: review.evidenceSampled,
    vacsr: review.vacsr,
    feedbackQuality: review.feedbackQuality,
    recordsQuality: review.recordsQuality,
    decision: review.decision,
    feedbackToAssessor: review.feedbackToAssessor,
    actionPoints: review.actionPoints.map((a) => ({
      id: a.id,
      what: a.what,
      raisedOn: a.raisedOn,
    })),
  };
}
