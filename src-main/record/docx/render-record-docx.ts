import {
  BorderStyle,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  TextRun,
} from 'docx';
import { formatDate } from '../build/record-common';
import type { RecordDocument } from '../model/record-document';
import { recordDocumentSchema } from '../model/record-document';
import { CREATOR } from '../pdf/render-record-pdf';
import { BODY_HASH_PLACEHOLDER, sealBodyHash } from './docx-fingerprint';
import { TEXT_WIDTH_TWIPS, body, heading, sectionBlocks, table } from './docx-blocks';

const ACCENT = '1F4073';
const MUTED = '5C6169';
const DRAFT = 'B3261E';

function header(doc: RecordDocument): Header {
  const qualification = [doc.header.qualificationTitle, doc.header.qualificationNumber]
    .filter((s) => s.trim() !== '')
    .join(' · ');
  return new Header({
    children: [
      ...(doc.draft
        ? [
            new Paragraph({
              children: [
                new TextRun({ text: `DRAFT: ${doc.draft}`, bold: true, color: DRAFT, size: 18 }),
              ],
            }),
          ]
        : []),
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH_TWIPS }],
        children: [
          new TextRun({ text: doc.header.centreName, bold: true, color: ACCENT, size: 21 }),
          ...(doc.header.awardingBody
            ? [
                new TextRun({
                  text: `\tAwarding body: ${doc.header.awardingBody}`,
                  color: MUTED,
                  size: 17,
                }),
              ]
            : []),
        ],
      }),
      new Paragraph({
        border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: ACCENT, space: 4 } },
        children: qualification
          ? [new TextRun({ text: `Qualification: ${qualification}`, color: MUTED, size: 17 })]
          : [],
      }),
    ],
  });
}

/**
 * The footer carries the record id and the SHA-256 of the body rather than of the file: a file
 * cannot contain its own hash. The file's hash is stored in the portfolio when the record is
 * issued (see `issuedRecordSchema`), and the record id leads from the printed page to that entry.
 */
function footer(doc: RecordDocument): Footer {
  return new Footer({
    children: [
      new Paragraph({
        border: { top: { style: BorderStyle.SINGLE, size: 4, color: '8C9199', space: 4 } },
        tabStops: [
          { type: TabStopType.CENTER, position: Math.round(TEXT_WIDTH_TWIPS * 0.62) },
          { type: TabStopType.RIGHT, position: TEXT_WIDTH_TWIPS },
        ],
        children: [
          new TextRun({
            text: `${doc.footer.label ?? 'Learner'}: ${doc.footer.learnerName}`,
            bold: true,
            size: 16,
          }),
          new TextRun({
            text: doc.footer.unitRef ? `\tUnit: ${doc.footer.unitRef}` : '\t',
            bold: true,
            size: 16,
          }),
          new TextRun({
            children: ['\tPage ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
            bold: true,
            size: 16,
          }),
        ],
      }),
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH_TWIPS }],
        children: [
          new TextRun({ text: `Record ID: ${doc.recordId}`, color: MUTED, size: 15 }),
          new TextRun({ text: `\tBody SHA-256: ${BODY_HASH_PLACEHOLDER}`, color: MUTED, size: 12 }),
        ],
      }),
    ],
  });
}

/** The same record as an editable Word document: A4, real tables, the same header and footer. */
export async function renderRecordDocx(record: RecordDocument): Promise<Uint8Array> {
  const doc = recordDocumentSchema.parse(record);
  const manifest =
    doc.evidenceManifest.length === 0
      ? [body('This record relies on no evidence files.', { muted: true })]
      : [
          body('The SHA-256 fingerprint of each evidence file when the record was generated.', {
            muted: true,
            keepNext: true,
          }),
          table(
            [
              { label: 'Evidence file', width: 34 },
              { label: 'SHA-256', width: 66 },
            ],
            doc.evidenceManifest.map((e) => [e.fileName, e.sha256]),
            true,
            [],
            [1],
          ),
        ];
  const document = new Document({
    creator: CREATOR,
    title: `${doc.title}: ${doc.footer.learnerName}${doc.footer.unitRef ? `, ${doc.footer.unitRef}` : ''}`,
    subject: doc.subject,
    description: `Record ID ${doc.recordId}`,
    keywords: `${doc.kind} ${doc.recordId}`,
    styles: {
      // The font the PDFs embed, named rather than embedded: where it is not installed, Word
      // shows a similar one (the README says so).
      default: { document: { run: { font: 'DejaVu Sans', size: 19 } } },
      paragraphStyles: [
        {
          id: 'Heading2',
          name: 'Heading 2',
          basedOn: 'Normal',
          next: 'Normal',
          run: { bold: true, size: 22, color: ACCENT },
        },
        {
          id: 'Title',
          name: 'Title',
          basedOn: 'Normal',
          next: 'Normal',
          run: { bold: true, size: 34 },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1500, bottom: 1300, left: 1134, right: 1134, header: 560, footer: 500 },
          },
        },
        headers: { default: header(doc) },
        footers: { default: footer(doc) },
        children: [
          new Paragraph({ style: 'Title', children: [new TextRun(doc.title)] }),
          new Paragraph({
            spacing: { after: 160 },
            children: [
              new TextRun({
                text: `Record ID ${doc.recordId} · generated ${formatDate(doc.generatedAt)}`,
                color: MUTED,
                size: 16,
              }),
            ],
          }),
          ...doc.sections.flatMap(sectionBlocks),
          heading('Evidence relied on'),
          ...manifest,
        ],
      },
    ],
  });
  return sealBodyHash(new Uint8Array(await Packer.toBuffer(document)));
}
