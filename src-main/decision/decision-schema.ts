import { z } from 'zod';
import { isoDate, recordFields } from '../shared/record';

/**
 * The smallest decision record progress needs (met / not yet met per criterion or part, and
 * unit sign-off). Assessment decisions proper (feedback, declarations, countersigning) extend
 * these records in a later layout, through a migration.
 */
export const criterionDecisionSchema = z.object({
  ...recordFields,
  unitId: z.string().min(1),
  unitVersion: z.number().int().positive(),
  criterionRef: z.string().min(1),
  partRef: z.string().min(1).nullable(),
  outcome: z.enum(['met', 'not-yet-met']),
  decidedOn: isoDate,
  assessorId: z.string().min(1),
  feedback: z.string().default(''),
});

export const unitSignOffSchema = z.object({
  ...recordFields,
  unitId: z.string().min(1),
  unitVersion: z.number().int().positive(),
  signedOn: isoDate,
  assessorId: z.string().min(1),
  /** Set when a sign-off is withdrawn (unlocking is audited with its reason). */
  withdrawn: z.boolean().default(false),
});

export type CriterionDecision = z.infer<typeof criterionDecisionSchema>;
export type UnitSignOff = z.infer<typeof unitSignOffSchema>;
