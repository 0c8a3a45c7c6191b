import { z } from 'zod';
import { isoDate, isoDateTime, recordFields } from '../shared/record';
import { proofSchema } from '../shared/proof';

/**
 * One decision on a criterion (or one part of it). Decisions are appended, never rewritten:
 * the latest for a target is the one that stands, and the earlier ones are its history.
 * "not-assessed" is recorded when a decision is undone back to nothing.
 */
export const criterionDecisionSchema = z.object({
  ...recordFields,
  unitId: z.string().min(1),
  unitVersion: z.number().int().positive(),
  criterionRef: z.string().min(1),
  partRef: z.string().min(1).nullable(),
  outcome: z.enum(['met', 'not-yet-met', 'not-assessed']),
  decidedOn: isoDate,
  assessorId: z.string().min(1),
  feedback: z.string().default(''),
  /** Set on a decision made by Undo or Redo: which of the assessor's own changes it reverses or makes again. */
  revises: z.object({ kind: z.enum(['undo', 'redo']), decisionId: z.string().min(1) }).optional(),
});

/**
 * A unit signed off by its assessor. Unlocking voids it (with who, when and why) rather than
 * deleting it, so the trail of sign-offs stays on file.
 */
export const unitSignOffSchema = z.object({
  ...recordFields,
  unitId: z.string().min(1),
  unitVersion: z.number().int().positive(),
  signedOffAt: isoDateTime,
  signedOffBy: z.string().min(1),
  countersignedAt: isoDateTime.nullable(),
  countersignedBy: z.string().min(1).nullable(),
  voidedAt: isoDateTime.nullable(),
  voidedBy: z.string().min(1).nullable(),
  voidReason: z.string().nullable(),
  /** Each step signed by the key of the person who took it (src-main/decision/sign-off-proofs.ts). */
  signOffProof: proofSchema.optional(),
  countersignProof: proofSchema.optional(),
  voidProof: proofSchema.optional(),
});

export const signaturePurposes = [
  'learner-declaration',
  'assessor-declaration',
  'countersignature',
] as const;
export type SignaturePurpose = (typeof signaturePurposes)[number];

export const pngDataUrl = z
  .string()
  .max(2_000_000, 'The drawn signature is too large to keep.')
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, 'must be a PNG image');

/**
 * A signature given on screen: who, in which role, when, drawn or typed, and the SHA-256 of
 * what they signed (the declaration text and the unit's decisions at that moment).
 */
export const signatureSchema = z.object({
  ...recordFields,
  unitId: z.string().min(1),
  unitVersion: z.number().int().positive(),
  purpose: z.enum(signaturePurposes),
  personId: z.string().min(1),
  role: z.enum(['learner', 'assessor', 'countersigner']),
  signedAt: isoDateTime,
  method: z.enum(['drawn', 'typed']),
  image: pngDataUrl.optional(),
  typedName: z.string().trim().min(1).max(200).optional(),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash'),
  /** Which wording of the declaration was signed (`declaration-text.ts`); older files signed 1. */
  declarationVersion: z.number().int().positive().default(1),
  /** Set when the unit is unlocked: the signature no longer counts and must be given again. */
  voidedAt: isoDateTime.nullable(),
});

/** The assessor's feedback on the unit as a whole and the learner's comments on it. */
export const unitFeedbackSchema = z.object({
  ...recordFields,
  unitId: z.string().min(1),
  feedback: z.string().default(''),
  learnerComments: z.string().default(''),
});

export type CriterionDecision = z.infer<typeof criterionDecisionSchema>;
export type UnitSignOffRecord = z.infer<typeof unitSignOffSchema>;
export type Signature = z.infer<typeof signatureSchema>;
export type UnitFeedback = z.infer<typeof unitFeedbackSchema>;
