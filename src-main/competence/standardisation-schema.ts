import { z } from 'zod';
import { auditEntrySchema } from '../audit/audit-schema';
import { isoDate, isoDateTime, recordFields } from '../shared/record';

export const STANDARDISATION_FOLDER = 'standardisation';

export const judgementDecisions = ['met', 'not-yet-met'] as const;
export type JudgementDecision = (typeof judgementDecisions)[number];

const text = (max: number) => z.string().trim().max(max);

/** One assessor's own decision on the piece judged, made before the group compared them. */
export const judgementSchema = z.object({
  assessorId: z.string().min(1),
  decision: z.enum(judgementDecisions),
  reasoning: text(10_000).min(1, "Write each assessor's reasoning."),
});

export const meetingActionSchema = z.object({
  ...recordFields,
  what: text(2000).min(1, 'Say what is to be done.'),
  ownerId: z.string().min(1),
  dueOn: isoDate,
  closedOn: isoDate.nullable().default(null),
});

export const strategyDecisionSchema = z.object({
  ...recordFields,
  assessorId: z.string().min(1),
  qualificationId: z.string().min(1),
  decision: z.enum(['raised', 'kept']),
});

export const standardisationFileSchema = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal('standardisation-meeting'),
  ...recordFields,
  createdAt: isoDateTime,
  createdBy: z.string().min(1),
  date: isoDate,
  /** The IQA who led the activity. */
  ledBy: z.string().min(1),
  attendees: z.array(z.string().min(1)).min(1, 'Record who attended.'),
  unitId: z.string().min(1),
  unitTitle: z.string(),
  criteria: z.array(z.string().min(1)).min(1, 'Choose the criteria covered.'),
  /**
   * What every assessor judged, described in words and, when the IQA chose it from a portfolio,
   * referred to: the learner's work on `unitId` (the unit standardised), or one evidence item of
   * theirs with the SHA-256 of its file when it was chosen.
   */
  sample: z.object({
    learnerId: z.string().min(1).nullable().default(null),
    unitId: z.string().min(1).nullable().default(null),
    evidenceId: z.string().min(1).nullable().default(null),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .nullable()
      .default(null),
    description: text(2000).min(1, 'Describe the evidence the assessors judged.'),
  }),
  judgements: z.array(judgementSchema),
  agreed: z.object({
    decision: z.enum(judgementDecisions),
    rationale: text(10_000).min(1, 'Write why the group agreed that outcome.'),
  }),
  actions: z.array(meetingActionSchema).default([]),
  /** The IQA's decision on each proposal to raise an assessor's sampling rate after this meeting. */
  strategyDecisions: z.array(strategyDecisionSchema).default([]),
  audit: z.array(auditEntrySchema).default([]),
});

export type StandardisationFile = z.infer<typeof standardisationFileSchema>;
export type JudgedWork = StandardisationFile['sample'];
export type Judgement = z.infer<typeof judgementSchema>;
export type MeetingAction = z.infer<typeof meetingActionSchema>;
