import type { PDFObject } from 'pdf-lib';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFString,
} from 'pdf-lib';

/** What a signature dictionary claims about its signing, read through pdf-lib. */
export interface SignatureDetails {
  fieldName: string | null;
  name: string | null;
  reason: string | null;
  location: string | null;
  /** The claimed signing time (/M): PAdES keeps it here rather than in the CMS. */
  signingTime: string | null;
}

function text(object: PDFObject | undefined): string | null {
  if (object instanceof PDFString || object instanceof PDFHexString) return object.decodeText();
  return null;
}

function date(object: PDFObject | undefined): string | null {
  if (!(object instanceof PDFString || object instanceof PDFHexString)) return null;
  try {
    return object.decodeDate().toISOString();
  } catch {
    return null;
  }
}

/**
 * Signature field details keyed by byte range ("0 100 200 50"). Best effort: a file too damaged
 * for pdf-lib still gets its signatures checked from the raw bytes, just without these details.
 */
export async function readSignatureDetails(
  pdf: Uint8Array,
): Promise<Map<string, SignatureDetails>> {
  const details = new Map<string, SignatureDetails>();
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false, throwOnInvalidObject: false });
  } catch {
    return details;
  }
  const form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = form?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  for (let i = 0; i < (fields?.size() ?? 0); i += 1) {
    // Other fields (a form's text fields) hold strings in /V, not signature dictionaries.
    const field = fields?.lookup(i);
    const value = field instanceof PDFDict ? field.lookup(PDFName.of('V')) : undefined;
    const signature = value instanceof PDFDict ? value : undefined;
    const found = signature?.lookup(PDFName.of('ByteRange'));
    const range = found instanceof PDFArray ? found : undefined;
    if (!(field instanceof PDFDict) || !signature || !range) continue;
    const key = range
      .asArray()
      .map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN))
      .join(' ');
    details.set(key, {
      fieldName: text(field.get(PDFName.of('T'))),
      name: text(signature.get(PDFName.of('Name'))),
      reason: text(signature.get(PDFName.of('Reason'))),
      location: text(signature.get(PDFName.of('Location'))),
      signingTime: date(signature.get(PDFName.of('M'))),
    });
  }
  return details;
}
