import { z } from 'zod';
import { isoDate, isoDateTime, recordFields } from '../shared/record';
import { assessmentMethods } from '../unit/unit-schema';

export const EVIDENCE_FOLDER = 'evidence';

/**
 * Where an evidence file sits, relative to the portfolio folder: always directly inside
 * evidence/, so a hand-edited portfolio.json cannot point the workbench at another file.
 */
export const evidencePath = z
  .string()
  .regex(/^evidence\/[^/\\]+$/, 'must be a file directly inside the evidence folder')
  .refine((p) => !p.includes('..') && !p.includes('\0'), 'must not leave the evidence folder');

export const evidenceFileSchema = z.object({
  path: evidencePath,
  /** The name the file had when it was added, for the learner's and assessor's reference. */
  originalName: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash'),
  mediaType: z.string().min(1),
});

export const evidenceMethod = z.enum(assessmentMethods, {
  error: `must be one of: ${assessmentMethods.join(', ')}`,
});

export const evidenceSchema = z.object({
  ...recordFields,
  title: z.string().trim().min(1, 'Give the evidence a title.'),
  producedOn: isoDate,
  method: evidenceMethod,
  location: z.string().default(''),
  /** Who produced it: the learner, a witness, the assessor who observed. */
  producedBy: z.string().default(''),
  notes: z.string().default(''),
  /** Null for evidence written in the workbench: an observation, a discussion, a testimony. */
  file: evidenceFileSchema.nullable(),
  /** The record itself when there is no file (what was observed, discussed or witnessed). */
  record: z.string().default(''),
  witnessId: z.string().optional(),
  addedAt: isoDateTime,
  archived: z.boolean().default(false),
  /**
   * The assessor's mark that the item holds other people's personal data (customers, colleagues,
   * children in a setting): when evidence leaves the workspace, whoever shares it chooses to
   * leave it out or include it. Absent until someone marks it.
   */
  thirdPartyData: z.boolean().optional(),
});

export type EvidenceMethod = z.infer<typeof evidenceMethod>;
export type EvidenceFile = z.infer<typeof evidenceFileSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
