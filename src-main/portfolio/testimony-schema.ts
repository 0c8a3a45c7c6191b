import { z } from 'zod';
import { isoDate, isoDateTime, recordFields } from '../shared/record';

/** Which version of which template a form or testimony was made from. */
export const templateRefSchema = z.object({
  id: z.string().min(1),
  version: z.number().int().positive(),
});

/** One criterion (or part) a form asks about, with the field names it was given on the PDF. */
export const formCriterionSchema = z.object({
  criterionRef: z.string().min(1),
  partRef: z.string().min(1).nullable(),
  /** The criterion's words (and the part's) as printed on the form. */
  text: z.string(),
  /** The form's check box for this criterion; its "how" text field is `${field}-how`. */
  field: z.string().min(1),
});

/** A testimony form sent to a witness, kept until it comes back. */
export const witnessFormSchema = z.object({
  ...recordFields,
  unitId: z.string().min(1),
  unitVersion: z.number().int().positive(),
  criteria: z.array(formCriterionSchema),
  witnessId: z.string().nullable(),
  witnessName: z.string().default(''),
  template: templateRefSchema,
  format: z.enum(['pdf', 'docx']),
  sentAt: isoDateTime,
  status: z.enum(['awaiting-return', 'returned', 'withdrawn']),
  /** The evidence item the returned form became. */
  evidenceId: z.string().nullable().default(null),
  returnedAt: isoDateTime.nullable().default(null),
});

export const testimonyWitnessSchema = z.object({
  witnessId: z.string().nullable(),
  name: z.string(),
  jobTitle: z.string().default(''),
  relationship: z.string().default(''),
  contact: z.string().default(''),
  competence: z.string().default(''),
  /** The witness said they are an expert witness, or the registry records them as one. */
  claimsExpert: z.boolean().default(false),
  /** Counted as expert: an expert named in the learner's assessment plan before the activity. */
  countsAsExpert: z.boolean().default(false),
});

/** How the assessor made sure the testimony is genuine ("phoned the witness on …"). */
export const authenticityCheckSchema = z.object({
  checkedBy: z.string().min(1),
  checkedOn: isoDate,
  how: z.string().trim().min(1, 'Say how the testimony was checked.'),
});

/** What a witness testimony says, beside the evidence item that holds it (and its file). */
export const testimonySchema = z.object({
  ...recordFields,
  evidenceId: z.string().min(1),
  formId: z.string().nullable(),
  template: templateRefSchema,
  source: z.enum(['fillable-pdf', 'typed']),
  unitId: z.string().min(1),
  activityDate: z.string().default(''),
  activityTime: z.string().default(''),
  venue: z.string().default(''),
  /** What the witness saw the learner do. */
  description: z.string().default(''),
  criteria: z.array(
    z.object({
      criterionRef: z.string().min(1),
      partRef: z.string().min(1).nullable(),
      how: z.string().default(''),
    }),
  ),
  witness: testimonyWitnessSchema,
  declaredNotRelated: z.boolean().default(false),
  declaredOwnAccount: z.boolean().default(false),
  signedOn: z.string().default(''),
  /** Fields the centre added to its template, by their label. */
  otherFields: z.record(z.string(), z.string()).default({}),
  authenticity: authenticityCheckSchema.nullable().default(null),
});

/**
 * Assessment plans are the planning domain's; portfolio.json's schema gathers them from here,
 * beside the witness records, since the expert-witness rule reads them.
 */
export { assessmentPlanSchema } from './plan-schema';
export type { AssessmentPlan } from './plan-schema';

export type TemplateRef = z.infer<typeof templateRefSchema>;
export type FormCriterion = z.infer<typeof formCriterionSchema>;
export type WitnessForm = z.infer<typeof witnessFormSchema>;
export type Testimony = z.infer<typeof testimonySchema>;
export type TestimonyWitness = z.infer<typeof testimonyWitnessSchema>;
export type AuthenticityCheck = z.infer<typeof authenticityCheckSchema>;
