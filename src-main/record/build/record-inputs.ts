import { z } from 'zod';
import { isoDate } from '../../shared/record';
import { manifestEntrySchema, pngBytes } from '../model/record-document';

/**
 * The plain inputs the record builders take. They name things as DOMAIN.md does and carry no
 * storage ids, so whoever maps a portfolio into them needs nothing from the record engine.
 */

export const recordContextSchema = z.object({
  recordId: z.string().min(1),
  /** When the record is generated (ISO date-time); the same input and time give the same file. */
  generatedAt: z.iso.datetime({ offset: true }),
  centreName: z.string().min(1),
  awardingBody: z.string(),
  qualification: z.object({ title: z.string(), number: z.string() }),
  learner: z.object({ name: z.string().min(1), uln: z.string().optional() }),
  /** The evidence files the record relies on, hashed by the caller when it was generated. */
  evidence: z.array(manifestEntrySchema).default([]),
});

export const personSchema = z.object({ name: z.string().min(1), role: z.string().optional() });

/** A signature as captured: a date once signed, and optionally the drawn strokes or typed name. */
export const signatureInputSchema = z.object({
  date: isoDate.nullable(),
  drawnPng: pngBytes.optional(),
  typedName: z.string().optional(),
  /** The declaration wording signed (`decision/declaration-text.ts`); the current one if unset. */
  declarationVersion: z.number().int().positive().optional(),
});

export const unitSummarySchema = z.object({
  title: z.string().min(1),
  ref: z.string().min(1),
  level: z.string().optional(),
  credits: z.number().optional(),
});

export const criterionDecisions = ['not yet assessed', 'met', 'not yet met'] as const;
export type CriterionDecision = (typeof criterionDecisions)[number];

const assessedItem = {
  text: z.string(),
  evidenceRefs: z.array(z.string()),
  methods: z.array(z.string()),
  date: isoDate.nullable(),
  decision: z.enum(criterionDecisions),
};

export const partRowSchema = z.object({ ref: z.string().min(1), ...assessedItem });

export const criterionRowSchema = z.object({
  ref: z.string().min(1),
  ...assessedItem,
  /** A criterion with parts (9.1 a/b/c) is met only when every part is. */
  parts: z.array(partRowSchema).default([]),
});

export const unitRecordInputSchema = recordContextSchema.extend({
  unit: unitSummarySchema,
  assessor: personSchema,
  criteria: z.array(criterionRowSchema).min(1),
  /** What each evidence reference in the rows (E1, E2…) is: the key printed under the table. */
  evidenceKey: z
    .array(z.object({ ref: z.string(), title: z.string(), method: z.string(), date: isoDate }))
    .default([]),
  feedback: z.array(z.string()),
  learnerComments: z.array(z.string()),
  unitDecision: z.enum(['achieved', 'not yet achieved']),
  /** Whether the assessor has signed the unit off; a record of a unit that is not is a draft. */
  signedOff: z.boolean(),
  learnerSignature: signatureInputSchema,
  assessorSignature: signatureInputSchema,
  /** Present when the assessor is working towards the qualification and a qualified one countersigns. */
  countersignature: z.object({ person: personSchema, signature: signatureInputSchema }).optional(),
  iqa: z.object({
    sampled: z.boolean(),
    person: personSchema.optional(),
    decision: z.string().optional(),
    sampleType: z.enum(['interim', 'summative']).optional(),
    comments: z.string().optional(),
    signature: signatureInputSchema.optional(),
  }),
});

export const targetedCriteriaSchema = z.object({
  unitRef: z.string().min(1),
  criteriaRefs: z.array(z.string().min(1)),
});

export const observationInputSchema = recordContextSchema.extend({
  unitRef: z.string(),
  assessor: personSchema,
  date: isoDate,
  startTime: z.string(),
  endTime: z.string().optional(),
  location: z.string(),
  targeted: z.array(targetedCriteriaSchema),
  narrative: z.array(z.string()).min(1),
  questions: z.array(
    z.object({ question: z.string(), answer: z.string(), criteriaRefs: z.array(z.string()) }),
  ),
  /** Printed in place of the questions when none are listed one by one (say where they are). */
  questionsNote: z.string().optional(),
  feedback: z.array(z.string()),
  /** The assessor's notes on the evidence item, printed as notes (not as feedback) when given. */
  notes: z.array(z.string()).default([]),
  learnerComments: z.array(z.string()),
  decision: z.string().min(1),
  productRefs: z.array(z.object({ ref: z.string(), description: z.string() })),
  learnerSignature: signatureInputSchema,
  assessorSignature: signatureInputSchema,
});

export const discussionInputSchema = recordContextSchema.extend({
  unitRef: z.string(),
  assessor: personSchema,
  date: isoDate,
  /** Absent when nobody noted how long the discussion took. */
  durationMinutes: z.number().int().positive().optional(),
  location: z.string().optional(),
  criteriaAgreed: z.array(targetedCriteriaSchema),
  account: z
    .array(
      z.object({
        timeStamp: z.string().optional(),
        criteriaRefs: z.array(z.string()),
        text: z.string(),
      }),
    )
    .min(1),
  consentToRecording: z.boolean(),
  recordingFile: z.string().optional(),
  /** What was recorded, in words, when the caller knows better than consent and a file name. */
  recording: z.string().optional(),
  feedback: z.array(z.string()),
  notes: z.array(z.string()).default([]),
  nextSteps: z.array(z.string()),
  learnerSignature: signatureInputSchema,
  assessorSignature: signatureInputSchema,
});

export const progressInputSchema = recordContextSchema.extend({
  asAt: isoDate,
  assessor: personSchema,
  units: z.array(
    unitSummarySchema.extend({
      group: z.string(),
      criteriaMet: z.number().int().nonnegative(),
      criteriaTotal: z.number().int().nonnegative(),
      status: z.enum(['achieved', 'in progress', 'not started']),
      achievedDate: isoDate.optional(),
    }),
  ),
  /** The rules-of-combination position, worded by the qualification's own rules. */
  rulesOfCombination: z.object({
    position: z.array(z.string()).min(1),
    creditsAchieved: z.number().optional(),
    creditsRequired: z.number().optional(),
  }),
  assessorSignature: signatureInputSchema.optional(),
  /** The targets set at the learner's last signed progress review. */
  lastReview: z
    .object({
      heldOn: isoDate,
      targets: z.array(z.object({ what: z.string(), byWhen: isoDate, who: z.string() })),
    })
    .optional(),
});

export const evidenceIndexInputSchema = recordContextSchema.extend({
  assessor: personSchema,
  items: z.array(
    z.object({
      ref: z.string().min(1),
      title: z.string(),
      methods: z.array(z.string()),
      date: isoDate.nullable(),
      fileName: z.string(),
      criteriaRefs: z.array(z.string()),
    }),
  ),
});

export type RecordContextInput = z.input<typeof recordContextSchema>;
export type PersonInput = z.infer<typeof personSchema>;
export type SignatureInput = z.infer<typeof signatureInputSchema>;
export type CriterionRowInput = z.input<typeof criterionRowSchema>;
export type UnitRecordInput = z.input<typeof unitRecordInputSchema>;
export type ObservationInput = z.input<typeof observationInputSchema>;
export type DiscussionInput = z.input<typeof discussionInputSchema>;
export type ProgressInput = z.input<typeof progressInputSchema>;
export type EvidenceIndexInput = z.input<typeof evidenceIndexInputSchema>;
