import { z } from 'zod';
import { auditEntrySchema } from '../audit/audit-schema';
import {
  criterionDecisionSchema,
  signatureSchema,
  unitFeedbackSchema,
  unitSignOffSchema,
} from './decision-schema';
import { evidenceSchema } from './evidence-schema';
import { mappingSchema } from './mapping-schema';
import { storedIssuedRecordSchema } from './issued-record';
import { isoDateTime, recordFields } from '../shared/record';
import { progressReviewSchema } from './progress-review-schema';
import { erasureSchema } from './erasure-schema';
import { assessmentPlanSchema, testimonySchema, witnessFormSchema } from './testimony-schema';

export const PORTFOLIO_VERSION = 3;

export const registrationSchema = z.object({
  ...recordFields,
  unitId: z.string().min(1),
  /** Learners stay on the unit version they were registered on until moved. */
  unitVersion: z.number().int().positive(),
  assessorId: z.string().min(1),
  registeredAt: isoDateTime,
  /** The qualification the unit counts towards, when the centre records one. */
  qualification: z.string().default(''),
  /** Withdrawn registrations stay on file: decisions made under them must be kept. */
  withdrawn: z.boolean().default(false),
});

/** One side of a conflict: a version of the criterion, feedback or unit, with who and when. */
export const conflictVersionSchema = z.object({
  version: z.string(),
  kind: z.string(),
  recordId: z.string(),
  by: z.string(),
  at: z.string(),
  summary: z.string(),
  /** The record as this side left it: an edited feedback record keeps only one side otherwise. */
  record: z.record(z.string(), z.unknown()),
});

/**
 * A true conflict found when changes made apart were merged: a criterion or part decided
 * differently, unit feedback edited on two computers, or a sign-off (or countersignature) made
 * while a decision changed or the unit was unlocked elsewhere. Derived from the changes, never
 * stored as a record; it stands until the assessor chooses.
 */
export const portfolioConflictSchema = z.object({
  id: z.string(),
  kind: z.enum(['decision', 'feedback', 'sign-off']),
  slot: z.string(),
  unitId: z.string(),
  criterionRef: z.string().nullable(),
  partRef: z.string().nullable(),
  signOffId: z.string().nullable(),
  versions: z.array(conflictVersionSchema),
});

/**
 * The assessor's choice on a conflict: keep the sign-off, or reopen the unit; or, for unit
 * feedback, which side was kept (the record itself then says what stands).
 */
export const resolutionSchema = z.object({
  ...recordFields,
  conflictId: z.string().min(1),
  slot: z.string().min(1),
  unitId: z.string().min(1),
  choice: z.enum(['keep-sign-off', 'reopen', 'keep-side']),
});

export const portfolioSchema = z.object({
  schemaVersion: z.literal(PORTFOLIO_VERSION),
  kind: z.literal('learner-portfolio'),
  learnerId: z.string().min(1),
  registrations: z.array(registrationSchema),
  evidence: z.array(evidenceSchema),
  mappings: z.array(mappingSchema),
  decisions: z.array(criterionDecisionSchema),
  signOffs: z.array(unitSignOffSchema),
  signatures: z.array(signatureSchema),
  unitFeedback: z.array(unitFeedbackSchema),
  /** Record files issued from the portfolio (records/), with their SHA-256; added without a layout change. */
  issuedRecords: z.array(storedIssuedRecordSchema).default([]),
  /** Appended to, never rewritten. */
  audit: z.array(auditEntrySchema),
  /** Witness testimony forms sent out, and what each returned one said. */
  witnessForms: z.array(witnessFormSchema).default([]),
  testimonies: z.array(testimonySchema).default([]),
  /** Only what the witness rules need so far: expert witnesses named in advance. */
  assessmentPlans: z.array(assessmentPlanSchema).default([]),
  /** Progress reviews held with the learner (progress-review-schema.ts); added without a layout change. */
  progressReviews: z.array(progressReviewSchema).default([]),
  /** Choices made on conflicts between copies; added without a layout change. */
  resolutions: z.array(resolutionSchema).default([]),
  /** Erasures under the retention policy: tombstones that win over every change of what they name. */
  erasures: z.array(erasureSchema).default([]),
  /** Derived when the changes are folded (see portfolio-conflicts.ts); ignored when read back. */
  conflicts: z.array(portfolioConflictSchema).optional(),
});

export type { AuditEntry } from '../audit/audit-schema';
export type Registration = z.infer<typeof registrationSchema>;
export type Portfolio = z.infer<typeof portfolioSchema>;
export type PortfolioConflict = z.infer<typeof portfolioConflictSchema>;
export type ConflictResolution = z.infer<typeof resolutionSchema>;
