import type { PDFImage } from 'pdf-lib';
import { AFRelationship, PDFDocument } from 'pdf-lib';
import { formatDate } from '../build/record-common';
import type { EmbeddedManifest, RecordDocument } from '../model/record-document';
import { MANIFEST_ATTACHMENT_NAME, recordDocumentSchema } from '../model/record-document';
import { drawSection } from './draw-sections';
import { drawTable, tableLeadHeight } from './draw-table';
import { cachingFontkit, NO_POSITIONING, widthsOf } from './font-cache';
import type { RecordFonts } from './fonts';
import { useNativeFlate } from './native-flate';
import { drawFooter, drawHeader } from './page-furniture';
import { INK, MUTED, PageFlow } from './page-flow';

export const CREATOR = 'Assessor & Verifier Workbench';

/**
 * Lays a record out as an A4 PDF. The same record and fonts always give the same bytes: dates
 * come from the record, and the font subsets get fixed names instead of pdf-lib's random ones.
 * Saved without object streams, so the file has a classic cross-reference table that a later
 * countersignature can extend with an incremental update.
 */
export async function renderRecordPdf(
  record: RecordDocument,
  fonts: RecordFonts,
): Promise<Uint8Array> {
  return saveRecordPdf(await layOutRecordPdf(record, fonts));
}

/** Saves a laid-out record as `renderRecordPdf` does. */
export function saveRecordPdf(pdf: PDFDocument): Promise<Uint8Array> {
  return pdf.save({ useObjectStreams: false });
}

/**
 * Lays a record out, short of saving it, so a record about to be signed gets its signature field
 * before it is first saved instead of being saved, read back and saved again.
 */
export async function layOutRecordPdf(
  record: RecordDocument,
  fonts: RecordFonts,
): Promise<PDFDocument> {
  const doc = recordDocumentSchema.parse(record);
  const pdf = await PDFDocument.create({ updateMetadata: false });
  useNativeFlate(pdf);
  pdf.registerFontkit(cachingFontkit);
  const pdfFonts = {
    regular: await pdf.embedFont(fonts.regular, {
      subset: true,
      customName: 'AVWREG+DejaVuSans',
      features: NO_POSITIONING,
    }),
    bold: await pdf.embedFont(fonts.bold, {
      subset: true,
      customName: 'AVWBLD+DejaVuSans-Bold',
      features: NO_POSITIONING,
    }),
  };
  const images = new Map<Uint8Array, Promise<PDFImage>>();
  const embedPng = (bytes: Uint8Array): Promise<PDFImage> => {
    const cached = images.get(bytes) ?? pdf.embedPng(bytes);
    images.set(bytes, cached);
    return cached;
  };

  const flow = new PageFlow(pdf, pdfFonts, {
    regular: widthsOf(fonts.regular),
    bold: widthsOf(fonts.bold),
  });
  drawTitle(flow, doc);
  for (const section of doc.sections) {
    flow.gap(8);
    await drawSection(flow, section, embedPng);
  }
  drawManifestAppendix(flow, doc);

  flow.pages.forEach((page, i) => {
    drawHeader(page, doc, pdfFonts);
    drawFooter(page, doc, pdfFonts, i + 1, flow.pages.length);
  });

  const when = new Date(doc.generatedAt);
  pdf.setTitle(
    `${doc.title}: ${doc.footer.learnerName}${doc.footer.unitRef ? `, ${doc.footer.unitRef}` : ''}`,
    {
      showInWindowTitleBar: true,
    },
  );
  pdf.setAuthor(doc.author);
  pdf.setSubject(doc.subject);
  pdf.setCreator(CREATOR);
  pdf.setProducer(`${CREATOR} (pdf-lib)`);
  pdf.setKeywords([doc.kind, doc.recordId]);
  pdf.setLanguage('en-GB');
  pdf.setCreationDate(when);
  pdf.setModificationDate(when);

  const manifest: EmbeddedManifest = {
    schemaVersion: 1,
    kind: 'evidence-manifest',
    recordId: doc.recordId,
    generatedAt: doc.generatedAt,
    files: doc.evidenceManifest,
  };
  await pdf.attach(
    new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
    MANIFEST_ATTACHMENT_NAME,
    {
      mimeType: 'application/json',
      description: 'The evidence files this record relies on, with the SHA-256 of each',
      creationDate: when,
      modificationDate: when,
      afRelationship: AFRelationship.Data,
    },
  );
  return pdf;
}

function drawTitle(flow: PageFlow, doc: RecordDocument): void {
  flow.y -= 20;
  flow.text(doc.title, flow.left, flow.y, { font: flow.fonts.bold, size: 17, color: INK });
  flow.y -= 15;
  flow.text(
    `Record ID ${doc.recordId} · generated ${formatDate(doc.generatedAt)}`,
    flow.left,
    flow.y,
    {
      font: flow.fonts.regular,
      size: 8,
      color: MUTED,
    },
  );
  flow.y -= 8;
}

/** The printed copy of the manifest, so a paper file shows what the signature vouches for. */
function drawManifestAppendix(flow: PageFlow, doc: RecordDocument): void {
  flow.gap(8);
  const note = { font: flow.fonts.regular, size: 8.5, color: MUTED };
  const table = {
    columns: [
      { label: 'Evidence file', width: 38 },
      { label: 'SHA-256', width: 62 },
    ],
    rows: doc.evidenceManifest.map((e) => [e.fileName, e.sha256]),
    header: true,
    size: 7.5,
    shrinkToFit: [1],
  };
  // The heading keeps its explanation and the table's first row with it.
  flow.heading('Evidence relied on', 2 * 8.5 * 1.4 + 4 + tableLeadHeight(flow, table));
  if (doc.evidenceManifest.length === 0) {
    flow.paragraph('This record relies on no evidence files.', note);
    return;
  }
  flow.paragraph(
    `The SHA-256 fingerprint of each evidence file when the record was generated. The same list ` +
      `is attached to this PDF as ${MANIFEST_ATTACHMENT_NAME}, inside the signed bytes.`,
    note,
  );
  flow.gap(4);
  drawTable(flow, table);
}
