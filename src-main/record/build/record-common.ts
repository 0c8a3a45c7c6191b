import type { z } from 'zod';
import type {
  DeclarationsSection,
  ParagraphsSection,
  RecordDocument,
  RecordKind,
  SignatureBlock,
  TableSection,
} from '../model/record-document';
import { recordDocumentSchema } from '../model/record-document';
import type { PersonInput, SignatureInput, recordContextSchema } from './record-inputs';

type RecordContext = z.infer<typeof recordContextSchema>;

/** Records write dates as every screen does: "7 Mar 2025". */
export { formatDate } from '../../kernel/dates';

export function joinList(items: readonly string[]): string {
  return items.filter((item) => item.trim() !== '').join(', ');
}

export function signatureBlock(
  person: PersonInput,
  defaultRole: string,
  signature: SignatureInput | undefined,
): SignatureBlock {
  return {
    name: person.name,
    role: person.role ?? defaultRole,
    date: signature?.date ?? null,
    ...(signature?.drawnPng ? { drawnPng: signature.drawnPng } : {}),
    ...(signature?.typedName ? { typedName: signature.typedName } : {}),
  };
}

/**
 * The parts every record shares, checked against the schema so a builder can never hand a
 * renderer something it was not written for.
 */
export function assembleRecord(
  context: RecordContext,
  parts: {
    kind: RecordKind;
    title: string;
    unitRef: string;
    author: string;
    subject: string;
    sections: RecordDocument['sections'];
    footerLabel?: string;
    draft?: string;
  },
): RecordDocument {
  return recordDocumentSchema.parse({
    schemaVersion: 1,
    kind: parts.kind,
    recordId: context.recordId,
    title: parts.title,
    header: {
      centreName: context.centreName,
      awardingBody: context.awardingBody,
      qualificationTitle: context.qualification.title,
      qualificationNumber: context.qualification.number,
    },
    footer: {
      learnerName: context.learner.name,
      unitRef: parts.unitRef,
      ...(parts.footerLabel ? { label: parts.footerLabel } : {}),
    },
    author: parts.author,
    subject: parts.subject,
    ...(parts.draft ? { draft: parts.draft } : {}),
    generatedAt: context.generatedAt,
    sections: parts.sections,
    evidenceManifest: [...context.evidence].sort((a, b) => a.fileName.localeCompare(b.fileName)),
  });
}

export function learnerFields(context: RecordContext): { label: string; value: string }[] {
  return [
    { label: 'Learner', value: context.learner.name },
    ...(context.learner.uln ? [{ label: 'ULN', value: context.learner.uln }] : []),
  ];
}

/** Sentence-case a decision for print: "not yet met" → "Not yet met". */
export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A table's columns as [label, share of the width] pairs, in print order. */
export type ColumnSpec = readonly [label: string, width: number];

/** A table section; `emptyText` is printed in place of the rows when there are none. */
export function tableSection(
  heading: string,
  columns: readonly ColumnSpec[],
  rows: string[][],
  emptyText?: string,
): TableSection {
  return {
    type: 'table',
    heading,
    columns: columns.map(([label, width]) => ({ label, width })),
    rows,
    ...(emptyText === undefined ? {} : { emptyText }),
  };
}

/** A paragraphs section; `emptyText` is printed when there are none. */
export function paragraphsSection(
  heading: string,
  paragraphs: string[],
  emptyText?: string,
): ParagraphsSection {
  return {
    type: 'paragraphs',
    heading,
    paragraphs,
    ...(emptyText === undefined ? {} : { emptyText }),
  };
}

/** A declarations section: each statement with the signature given over it. */
export function declarationsSection(
  heading: string,
  declarations: { statement: string; signature: SignatureBlock }[],
): DeclarationsSection {
  return { type: 'declarations', heading, declarations };
}

/** A text written over several lines, as the paragraphs a record prints. */
export function textLines(text: string): string[] {
  return text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);
}
