import { z } from 'zod';
import { isoDateTime, recordFields } from '../shared/record';

/** Whether an erasure took the evidence only, or every personal detail of the learner too. */
export const erasureScopes = ['evidence', 'learner'] as const;
export type ErasureScope = (typeof erasureScopes)[number];

/** Why it was erased: its retention period ended, or the learner asked (where the law allows). */
export const erasureBases = ['retention', 'request'] as const;
export type ErasureBasis = (typeof erasureBases)[number];

export const erasedEvidenceSchema = z.object({
  id: z.string().min(1),
  /** The file's SHA-256, kept so records that relied on it still say what they saw. */
  sha256: z.string().nullable(),
  size: z.number().int().nonnegative().nullable(),
});

/**
 * An erasure, kept in the portfolio as a record of its own: a tombstone that wins over every
 * change of what it names, older or newer, from any computer. It holds no erased value: each
 * is known only by a salted SHA-256 (`valueHashes`), so a change line synced back from another
 * computer that still holds one is recognised and scrubbed when it is folded.
 */
export const erasureSchema = z.object({
  ...recordFields,
  erasedAt: isoDateTime,
  /** The person who erased, and in what role. */
  by: z.string().min(1),
  byName: z.string().min(1),
  role: z.string().min(1),
  reason: z.string().trim().min(1),
  basis: z.enum(erasureBases),
  scope: z.enum(erasureScopes),
  /** What stands in for the learner's name from now on, e.g. "Learner 7F3A". */
  pseudonym: z.string().min(1),
  evidence: z.array(erasedEvidenceSchema),
  /** What was erased, in words ("evidence files", "witness contact details", …). */
  fields: z.array(z.string()),
  salt: z.string().min(1),
  valueHashes: z.array(z.string()),
  /**
   * What identifies a person (the learner's name, ULN, date of birth, employer, workplace; her
   * witnesses' names and contact details), hashed with the centre's one salt
   * (`identitySalt`), and how many words each has: looked for in every QA text.
   */
  identityHashes: z.array(z.string()).default([]),
  identityWordCounts: z.array(z.number().int().positive()).default([]),
  /** The signed erasure record, and its SHA-256. */
  recordId: z.string().min(1),
  recordSha256: z.string().default(''),
});

export type Erasure = z.infer<typeof erasureSchema>;
export type ErasedEvidence = z.infer<typeof erasedEvidenceSchema>;
