import { z } from 'zod';
import { isoDate } from '../../shared/record';
import { personSchema, recordContextSchema, signatureInputSchema } from './record-inputs';

/**
 * The plain inputs of the IQA's records: the sampling report over a plan, and the sampling record
 * of one sample. Words as DOMAIN.md uses them; the caller maps the workspace's sampling files in.
 */

const text = z.string();

export const actionRowSchema = z.object({
  what: text,
  learner: text,
  unit: text,
  owner: text,
  due: isoDate,
  state: z.enum(['open', 'answered', 'closed']),
  overdue: z.boolean(),
  closedOn: isoDate.optional(),
  /** The latest word on it: the owner's answer, the IQA's note when closing or reopening. */
  latest: text.default(''),
});

export const matrixSchema = z.object({
  title: text.min(1),
  columns: z.array(text),
  rows: z.array(z.object({ assessor: text, cells: z.array(text) })),
});

export const samplingReportInputSchema = recordContextSchema.extend({
  iqa: personSchema,
  period: z.object({ from: isoDate, to: isoDate }),
  seed: text,
  strategy: z.object({
    statusRates: z.array(z.object({ label: text, rate: z.number() })),
    riskRates: z.array(z.object({ label: text, rate: z.number() })),
    interimShare: z.number(),
    newQualification: text,
    assessors: z.array(
      z.object({ name: text, status: text, risk: text, rate: z.number(), basis: text, note: text }),
    ),
  }),
  progress: z.object({
    planned: z.number().int(),
    done: z.number().int(),
    doneLate: z.number().int(),
    overdue: z.number().int(),
    upcoming: z.number().int(),
  }),
  samples: z.array(
    z.object({
      learner: text,
      unit: text,
      assessor: text,
      type: z.enum(['interim', 'summative']),
      planned: isoDate,
      done: isoDate.optional(),
      decision: text,
      reasons: z.array(text),
    }),
  ),
  removed: z.array(z.object({ learner: text, unit: text, reason: text, on: isoDate })),
  /** Learners' units the planner did not sample, and why. */
  leftOut: z
    .array(z.object({ learner: text, unit: text, assessor: text, reason: text }))
    .default([]),
  reviews: z.array(
    z.object({
      learner: text,
      unit: text,
      assessor: text,
      decision: text,
      vacsr: text,
      feedbackQuality: text,
      recordsQuality: text,
      feedbackToAssessor: text,
    }),
  ),
  compliance: z.array(
    z.object({
      assessor: text,
      rate: z.number(),
      assessments: z.number().int(),
      required: z.number().int(),
      done: z.number().int(),
      share: z.number(),
      compliant: z.boolean(),
    }),
  ),
  matrices: z.array(matrixSchema),
  gaps: z.array(text),
  actions: z.array(actionRowSchema),
  trends: z.array(text),
  iqaSignature: signatureInputSchema,
});

export const samplingRecordInputSchema = recordContextSchema.extend({
  iqa: personSchema,
  assessor: personSchema,
  unit: z.object({ title: text.min(1), ref: text }),
  type: z.enum(['interim', 'summative']),
  planned: isoDate,
  reviewedOn: isoDate,
  reasons: z.array(text),
  criteria: z.array(
    z.object({
      ref: text.min(1),
      assessorDecision: text,
      agree: z.boolean().nullable(),
      comment: text,
    }),
  ),
  evidenceSampled: z.array(z.object({ title: text, method: text, date: text })),
  vacsr: z.array(z.object({ check: text, met: z.boolean(), comment: text })),
  feedbackQuality: z.object({ rating: text, comment: text }),
  recordsQuality: z.object({ rating: text, comment: text }),
  decision: text.min(1),
  feedbackToAssessor: z.array(text),
  actions: z.array(actionRowSchema),
  iqaSignature: signatureInputSchema,
  assessorAcknowledgement: signatureInputSchema,
});

export type SamplingReportInput = z.input<typeof samplingReportInputSchema>;
export type SamplingRecordInput = z.input<typeof samplingRecordInputSchema>;
export type ActionRow = z.input<typeof actionRowSchema>;
