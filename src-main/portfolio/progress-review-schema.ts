import { z } from 'zod';
import { reviewSignerRoles, targetOutcomes } from '../kernel/progress-review-words';
import { isoDate, isoDateTime, recordFields } from '../shared/record';

/**
 * A progress review held with a learner, kept in their portfolio (`progressReviews`). The
 * progress per unit is a snapshot taken from the portfolio when the review was saved, so the
 * record shows what was true then; the rules live in src-main/progress-review/.
 */

export const reviewUnitSchema = z.object({
  unitId: z.string().min(1),
  unitVersion: z.number().int().positive(),
  unitRef: z.string(),
  title: z.string(),
  met: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** The unit's sign-off state then: open, signed off, awaiting countersignature… */
  status: z.string(),
});

/** A SMART target: what, by when and who does it. */
export const reviewTargetSchema = z.object({
  id: z.string().min(1),
  what: z.string().trim().min(1, 'Say what the target is.').max(2000),
  byWhen: isoDate,
  who: z.string().trim().min(1, 'Say who will do it.').max(200),
});

/** A target set at an earlier review, carried in with the assessor's answer on it. */
export const carriedTargetSchema = z.object({
  targetId: z.string().min(1),
  fromReviewId: z.string().min(1),
  what: z.string(),
  byWhen: isoDate,
  who: z.string(),
  /** Null until the assessor chooses: nothing is pre-chosen. */
  outcome: z.enum(targetOutcomes).nullable(),
  comment: z.string().max(2000).default(''),
});

const pngDataUrl = z
  .string()
  .max(2_000_000, 'The drawn signature is too large to keep.')
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, 'must be a PNG image');

/** A signature given on screen over the review's words and content (`hash`). */
export const reviewSignatureSchema = z.object({
  role: z.enum(reviewSignerRoles),
  /** The learner's or assessor's id; empty for an employer, who is named. */
  personId: z.string(),
  name: z.string().trim().min(1),
  signedAt: isoDateTime,
  method: z.enum(['drawn', 'typed']),
  image: pngDataUrl.optional(),
  typedName: z.string().trim().min(1).max(200).optional(),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash'),
  declarationVersion: z.number().int().positive(),
});

export const progressReviewSchema = z.object({
  ...recordFields,
  heldOn: isoDate,
  assessorId: z.string().min(1),
  units: z.array(reviewUnitSchema),
  wentWell: z.string().max(20_000).default(''),
  concerns: z.string().max(20_000).default(''),
  learnerView: z.string().max(20_000).default(''),
  employerView: z.string().max(20_000).default(''),
  wellbeing: z.string().max(20_000).default(''),
  /** The employer's representative, when the employer takes part. */
  employerName: z.string().max(200).default(''),
  previousTargets: z.array(carriedTargetSchema).default([]),
  targets: z.array(reviewTargetSchema).default([]),
  signatures: z.array(reviewSignatureSchema).default([]),
  /**
   * 1 for a review as first held. A signed review is never changed: it is amended by a new
   * version that `revises` it, signed again; once the learner and assessor have signed that,
   * the earlier one is kept as it was signed, with `supersededBy` naming the amendment.
   */
  version: z.number().int().positive().default(1),
  revises: z.string().min(1).nullable().default(null),
  supersededBy: z.string().min(1).nullable().default(null),
  /** Why the signed review was amended, in the assessor's words (an amendment only). */
  amendReason: z.string().max(2000).default(''),
});

export type ReviewUnit = z.infer<typeof reviewUnitSchema>;
export type ReviewTarget = z.infer<typeof reviewTargetSchema>;
export type CarriedTarget = z.infer<typeof carriedTargetSchema>;
export type ReviewSignature = z.infer<typeof reviewSignatureSchema>;
export type ProgressReview = z.infer<typeof progressReviewSchema>;
