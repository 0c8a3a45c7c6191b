import type { PDFObject } from 'pdf-lib';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
  decodePDFRawStream,
} from 'pdf-lib';
import type { EmbeddedManifest } from '../model/record-document';
import { MANIFEST_ATTACHMENT_NAME, embeddedManifestSchema } from '../model/record-document';

function name(object: PDFObject | undefined): string | null {
  return object instanceof PDFString || object instanceof PDFHexString ? object.decodeText() : null;
}

/** The bytes of a file attached to a PDF by name, or null when it has none or it cannot be read. */
export async function readAttachment(pdf: Uint8Array, wanted: string): Promise<Uint8Array | null> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false, throwOnInvalidObject: false });
  } catch {
    return null;
  }
  const files = doc.catalog
    .lookupMaybe(PDFName.of('Names'), PDFDict)
    ?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict)
    ?.lookupMaybe(PDFName.of('Names'), PDFArray);
  // A name tree written by pdf-lib is flat: [name spec name spec ...].
  for (let i = 0; i + 1 < (files?.size() ?? 0); i += 2) {
    if (name(files?.get(i)) !== wanted) continue;
    const stream = files
      ?.lookupMaybe(i + 1, PDFDict)
      ?.lookupMaybe(PDFName.of('EF'), PDFDict)
      ?.lookup(PDFName.of('F'));
    if (!(stream instanceof PDFRawStream)) return null;
    try {
      return decodePDFRawStream(stream).decode();
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * The evidence manifest attached to a record PDF, or null when it has none or it cannot be read.
 * It lies inside the signed bytes, so once the signatures hold, it is the list the signers saw.
 */
export async function readEmbeddedManifest(pdf: Uint8Array): Promise<EmbeddedManifest | null> {
  const bytes = await readAttachment(pdf, MANIFEST_ATTACHMENT_NAME);
  if (!bytes) return null;
  try {
    const json: unknown = JSON.parse(new TextDecoder().decode(bytes));
    const parsed = embeddedManifestSchema.safeParse(json);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
