import { createHash } from 'node:crypto';
import { z } from 'zod';
import { recordFields } from '../shared/record';
import { portfolioRecordKinds } from '../kernel/record-kinds';

/**
 * What the portfolio keeps about each record it issues. A DOCX cannot carry a signature the way
 * a PDF does, nor its own hash (writing the hash into the file would change the hash), so the
 * portfolio's `issuedRecords` list is what says whether a DOCX is the record as issued.
 */
export const issuedRecordSchema = z.object({
  recordId: z.string().min(1),
  kind: z.enum(portfolioRecordKinds),
  learnerId: z.string().min(1),
  unitRef: z.string(),
  format: z.enum(['pdf', 'docx']),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  issuedAt: z.iso.datetime({ offset: true }),
  /** The id of the person who issued it. */
  issuedBy: z.string().min(1),
  /** The evidence files the record relies on, as hashed when it was made: a DOCX is checked against these. */
  evidence: z
    .array(z.object({ fileName: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/) }))
    .optional(),
});
export type IssuedRecord = z.infer<typeof issuedRecordSchema>;

/**
 * An issued record as the portfolio keeps it: the entry above, where the file is (always directly
 * inside the portfolio's records/ folder), and who has signed it so far.
 */
export const storedIssuedRecordSchema = issuedRecordSchema.extend({
  ...recordFields,
  file: z
    .string()
    .regex(/^records\/[^/\\]+$/, 'must be a file directly inside the records folder')
    .refine((p) => !p.includes('..'), 'must not leave the records folder'),
  title: z.string().default(''),
  /** What the record says, hashed without its ID and date (`contentHash`): the same means unchanged. */
  content: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  signatures: z
    .array(
      z.object({ name: z.string(), role: z.string(), signedAt: z.iso.datetime({ offset: true }) }),
    )
    .default([]),
});
export type StoredIssuedRecord = z.infer<typeof storedIssuedRecordSchema>;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The entry to add to the portfolio when a record file is handed out. */
export function issuedRecordEntry(
  bytes: Uint8Array,
  details: Omit<IssuedRecord, 'sha256'>,
): IssuedRecord {
  return issuedRecordSchema.parse({ ...details, sha256: sha256Hex(bytes) });
}

export interface IssuedDocxCheck {
  ok: boolean;
  sha256: string;
  /** The issued record these bytes are, when they are one. */
  match: IssuedRecord | null;
  message: string;
}

/**
 * Says whether a DOCX is, byte for byte, a record the portfolio issued. Pass the one entry the
 * file claims to be, or every issued entry for the learner to find which it is.
 */
export function verifyIssuedDocx(
  bytes: Uint8Array,
  issued: IssuedRecord | readonly IssuedRecord[],
): IssuedDocxCheck {
  const sha256 = sha256Hex(bytes);
  const entries = (Array.isArray(issued) ? issued : [issued]) as readonly IssuedRecord[];
  const match = entries.find((e) => e.format === 'docx' && e.sha256 === sha256) ?? null;
  if (match) {
    return {
      ok: true,
      sha256,
      match,
      message: `This is record ${match.recordId} exactly as issued on ${match.issuedAt.slice(0, 10)}.`,
    };
  }
  return {
    ok: false,
    sha256,
    match: null,
    message:
      entries.length === 1
        ? `This file is not record ${entries[0]?.recordId} as issued: it has been changed, or it is a different file.`
        : 'This file does not match any record issued from this portfolio: it has been changed, or was never issued.',
  };
}
