import { z } from 'zod';
import { isoDate } from '../../shared/record';
import { portfolioRecordKinds, type PortfolioRecordKind } from '../../kernel/record-kinds';

/**
 * The printable content of one record, independent of PDF or DOCX. Builders turn plain inputs
 * into this; renderers only lay it out, so both formats always carry the same words.
 */

/** The records made from one learner's portfolio (named in the kernel, for the portfolio's schema). */
export { portfolioRecordKinds, type PortfolioRecordKind };

export const recordKinds = [
  ...portfolioRecordKinds,
  'sampling-report',
  'sampling-record',
  'eqa-report',
  'erasure-record',
] as const;
export type RecordKind = (typeof recordKinds)[number];

const text = z.string();
/** PNG bytes; typed as any Uint8Array, since Buffers from Node's fs are Uint8Arrays too. */
export const pngBytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'must be PNG bytes');

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 written as 64 hex digits');

export const signatureBlockSchema = z.object({
  name: z.string().min(1),
  role: z.string().min(1),
  /** Empty until the person signs; the printed block then shows a blank line to sign on. */
  date: isoDate.nullable(),
  /** A signature drawn on screen, as PNG bytes. */
  drawnPng: pngBytes.optional(),
  /** Shown where a centre accepts typed signatures, or beside a drawn one. */
  typedName: z.string().optional(),
});

export const fieldSchema = z.object({ label: text.min(1), value: text });

export const fieldsSectionSchema = z.object({
  type: z.literal('fields'),
  heading: text.optional(),
  fields: z.array(fieldSchema),
});

export const tableColumnSchema = z.object({
  label: text.min(1),
  /** Share of the table's width; the shares of a table's columns are scaled to fill it. */
  width: z.number().positive(),
});

export const tableSectionSchema = z.object({
  type: z.literal('table'),
  heading: text.optional(),
  columns: z.array(tableColumnSchema).min(1),
  rows: z.array(z.array(text)),
  /** Printed in place of the rows when there are none, so an empty table is never ambiguous. */
  emptyText: text.optional(),
});

export const paragraphsSectionSchema = z.object({
  type: z.literal('paragraphs'),
  heading: text.min(1),
  paragraphs: z.array(text),
  emptyText: text.optional(),
});

export const declarationSchema = z.object({
  statement: text.min(1),
  signature: signatureBlockSchema,
});

export const declarationsSectionSchema = z.object({
  type: z.literal('declarations'),
  heading: text.min(1),
  declarations: z.array(declarationSchema).min(1),
});

export const iqaSectionSchema = z.object({
  type: z.literal('iqa'),
  heading: text.min(1),
  sampled: z.boolean(),
  fields: z.array(fieldSchema),
  comments: text.optional(),
  signature: signatureBlockSchema.optional(),
});

export const recordSectionSchema = z.discriminatedUnion('type', [
  fieldsSectionSchema,
  tableSectionSchema,
  paragraphsSectionSchema,
  declarationsSectionSchema,
  iqaSectionSchema,
]);

export const manifestEntrySchema = z.object({
  /** The evidence file's path relative to the learner's evidence folder, with forward slashes. */
  fileName: z.string().min(1),
  sha256: sha256Hex,
});

export const recordDocumentSchema = z.object({
  schemaVersion: z.literal(1),
  kind: z.enum(recordKinds),
  recordId: z.string().min(1),
  title: text.min(1),
  header: z.object({
    centreName: text.min(1),
    awardingBody: text,
    qualificationTitle: text,
    qualificationNumber: text,
  }),
  footer: z.object({
    learnerName: text.min(1),
    unitRef: text,
    /** What the footer's first item names; a report across learners names its IQA instead. */
    label: text.min(1).optional(),
  }),
  /** Who the record is by, for the file's metadata (usually the assessor). */
  author: text.min(1),
  subject: text,
  /** When the record was generated; fixed by the caller so the same input gives the same bytes. */
  generatedAt: z.iso.datetime({ offset: true }),
  sections: z.array(recordSectionSchema),
  evidenceManifest: z.array(manifestEntrySchema),
  /**
   * Set on a record of work not yet signed off: why it is a draft. Every page says DRAFT and the
   * record is never sealed with a declaration.
   */
  draft: text.min(1).optional(),
});

export type SignatureBlock = z.infer<typeof signatureBlockSchema>;
export type Field = z.infer<typeof fieldSchema>;
export type TableColumn = z.infer<typeof tableColumnSchema>;
export type FieldsSection = z.infer<typeof fieldsSectionSchema>;
export type TableSection = z.infer<typeof tableSectionSchema>;
export type ParagraphsSection = z.infer<typeof paragraphsSectionSchema>;
export type DeclarationsSection = z.infer<typeof declarationsSectionSchema>;
export type IqaSection = z.infer<typeof iqaSectionSchema>;
export type RecordSection = z.infer<typeof recordSectionSchema>;
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;
export type RecordDocument = z.infer<typeof recordDocumentSchema>;

/** The evidence manifest as embedded in a PDF: what `verifyRecordPdf` reads back. */
export const embeddedManifestSchema = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal('evidence-manifest'),
  recordId: z.string().min(1),
  generatedAt: z.iso.datetime({ offset: true }),
  files: z.array(manifestEntrySchema),
});
export type EmbeddedManifest = z.infer<typeof embeddedManifestSchema>;

export const MANIFEST_ATTACHMENT_NAME = 'evidence-manifest.json';
