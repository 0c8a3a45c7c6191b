import { z } from 'zod';
import {
  directClaimsDecisions,
  directClaimsLabels,
  eqaRiskLabels,
  eqaRiskRatings,
} from '../kernel/eqa-words';
import { auditEntrySchema } from '../audit/audit-schema';
import { actionPointSchema } from '../sampling/review-schema';
import { isoDate, isoDateTime, recordFields } from '../shared/record';

/**
 * An EQA visit as the centre keeps it: what the pack held, and, once the EQA's signed report is
 * imported, the report, the file and the EQA's actions (which go round the same close-out loop
 * as the IQA's action points). Kept as a change log in `visits/<visit id>/visit.json`.
 */

export const VISIT_FILE = 'visit.json';
export const EQA_REPORT_PDF = 'eqa-report.pdf';
export const EQA_REPORT_ATTACHMENT = 'eqa-report.json';
export const visitIdPattern = /^vi-[0-9a-f]{8,32}$/;

export { directClaimsDecisions, directClaimsLabels };
export const riskRatings = eqaRiskRatings;
export const riskRatingLabels = eqaRiskLabels;

const words = z.string().trim().max(8000);

/** One learner's unit the EQA sampled; `null` is "not answered": nothing is agreed for them. */
export const eqaSampleJudgementSchema = z.object({
  learnerId: z.string().min(1),
  unitId: z.string().min(1),
  learner: z.string().min(1),
  unit: z.string().min(1),
  agreesWithAssessor: z.boolean().nullable(),
  agreesWithIqa: z.boolean().nullable(),
  comment: words.default(''),
});

export const eqaActionSchema = z.object({
  what: words.min(1, 'Say what the centre needs to do.'),
  /** The person or role at the centre, as the EQA writes it ("Lead IQA", "Margaret Ellis"). */
  owner: z.string().trim().min(1, 'Say who at the centre the action is for.').max(200),
  due: isoDate,
});

/** What the EQA decided, as the signed PDF carries it (attached inside the signed bytes). */
export const eqaReportSchema = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal('eqa-report'),
  visitId: z.string().regex(visitIdPattern, 'must be the visit id from the pack'),
  centreId: z.string().min(1),
  centreName: z.string().min(1),
  eqa: z.object({
    name: z.string().trim().min(1, 'Give the EQA’s name.'),
    awardingBody: z.string().trim().min(1, 'Name the awarding body.'),
  }),
  visitedOn: isoDate,
  samples: z.array(eqaSampleJudgementSchema),
  findings: z.array(words.min(1)),
  actions: z.array(eqaActionSchema),
  riskRating: z.enum(riskRatings).nullable(),
  directClaims: z.enum(directClaimsDecisions).nullable(),
  directClaimsReason: words.default(''),
  signedOn: isoDate,
});

export type EqaReport = z.infer<typeof eqaReportSchema>;
export type EqaSampleJudgement = z.infer<typeof eqaSampleJudgementSchema>;

/** An EQA action in the centre's loop: an action point that says it came from the EQA. */
export const visitActionSchema = actionPointSchema.extend({
  from: z.literal('eqa'),
  /** The owner as the EQA wrote it, kept beside the person it was matched to. */
  ownerAsWritten: z.string(),
});
export type VisitAction = z.infer<typeof visitActionSchema>;

export const importedReportSchema = z.object({
  report: eqaReportSchema,
  file: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  signer: z.object({
    name: z.string(),
    organisation: z.string().nullable(),
    subject: z.string(),
    issuer: z.string(),
    fingerprintSha256: z.string(),
    signedAt: z.string().nullable(),
  }),
  importedAt: isoDateTime,
  importedBy: z.string().min(1),
});
export type ImportedReport = z.infer<typeof importedReportSchema>;

export const visitFileSchema = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal('eqa-visit'),
  ...recordFields,
  centreId: z.string().min(1),
  packMadeAt: isoDateTime,
  packMadeBy: z.string().min(1),
  /** Where the pack was written, relative to the workspace when it is inside it. */
  packFolder: z.string(),
  samples: z.array(
    z.object({
      learnerId: z.string().min(1),
      unitId: z.string().min(1),
      learner: z.string(),
      unit: z.string(),
    }),
  ),
  report: importedReportSchema.nullable(),
  /**
   * Reports this visit's report replaced (an EQA's corrected report), oldest first: each file
   * stays in the visit's folder and each import on the audit trail.
   */
  replacedReports: z.array(importedReportSchema).default([]),
  actions: z.array(visitActionSchema),
  audit: z.array(auditEntrySchema),
});
export type VisitFile = z.infer<typeof visitFileSchema>;
