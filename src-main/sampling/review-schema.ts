import { z } from 'zod';
import { isoDate, recordFields } from '../shared/record';
import { sampleTypes } from './population';

export const vacsrChecks = ['valid', 'authentic', 'current', 'sufficient', 'reliable'] as const;
export type VacsrCheck = (typeof vacsrChecks)[number];

export const vacsrLabels: Record<VacsrCheck, string> = {
  valid: 'Valid (relevant to the criterion)',
  authentic: "Authentic (the learner's own)",
  current: 'Current (recent enough)',
  sufficient: 'Sufficient (covers the criterion fully)',
  reliable: 'Reliable (consistent)',
};

export const reviewDecisions = ['agree', 'assessor-to-action', 'disagree'] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

export const reviewDecisionLabels: Record<ReviewDecision, string> = {
  agree: 'Agree',
  'assessor-to-action': 'Assessor to action',
  disagree: 'Disagree (refer)',
};

export const qualityRatings = ['good', 'adequate', 'needs improvement'] as const;

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
  agree: z.boolean(),
  comment: z.string().default(''),
});

export const vacsrResultSchema = z.object({
  met: z.boolean(),
  comment: z.string().default(''),
});

export const qualitySchema = z.object({
  rating: z.enum(qualityRatings),
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
  decision: z.enum(reviewDecisions),
  feedbackToAssessor: z.string().default(''),
  actionPoints: z.array(actionPointSchema).default([]),
  assessorAcknowledgedOn: isoDate.optional(),
});

export type ActionEntry = z.infer<typeof actionEntrySchema>;
export type ActionPoint = z.infer<typeof actionPointSchema>;
export type CriterionCheck = z.infer<typeof criterionCheckSchema>;
export type SampleReview = z.infer<typeof sampleReviewSchema>;
export type SampleReviewInput = z.input<typeof sampleReviewSchema>;
