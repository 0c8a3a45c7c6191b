import type { PDFDocument, PDFObject, PDFRef } from 'pdf-lib';
import { PDFArray, PDFDict, PDFName, PDFNumber } from 'pdf-lib';
import { SealError } from './sign-options';

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

/** The offset the last `startxref` points at: where the newest cross-reference section begins. */
export function lastStartXref(pdf: Uint8Array): number {
  const tail = latin1(pdf.subarray(Math.max(0, pdf.length - 2048)));
  const matches = [...tail.matchAll(/startxref\s+(\d+)\s+%%EOF/g)];
  const offset = Number(matches.at(-1)?.[1]);
  if (!Number.isInteger(offset) || offset <= 0 || offset >= pdf.length) {
    throw new SealError(
      'This file does not look like a complete PDF: its end is missing or damaged.',
    );
  }
  return offset;
}

/** As pdf-lib's own writer does it: `copyBytesInto` gives a stream's real (compressed) bytes. */
function serialise(ref: PDFRef, object: PDFObject): Buffer {
  const bytes = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return Buffer.concat([
    Buffer.from(`${ref.objectNumber} ${ref.generationNumber} obj\n`, 'latin1'),
    bytes,
    Buffer.from('\nendobj\n', 'latin1'),
  ]);
}

/** Classic xref rows: consecutive object numbers share a subsection header. */
function xrefTable(entries: { ref: PDFRef; offset: number }[]): string {
  const sorted = [...entries].sort((a, b) => a.ref.objectNumber - b.ref.objectNumber);
  let out = 'xref\n0 1\n0000000000 65535 f \n';
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (
      j + 1 < sorted.length &&
      sorted[j + 1]!.ref.objectNumber === sorted[j]!.ref.objectNumber + 1
    ) {
      j += 1;
    }
    out += `${sorted[i]!.ref.objectNumber} ${j - i + 1}\n`;
    for (const { ref, offset } of sorted.slice(i, j + 1)) {
      out += `${String(offset).padStart(10, '0')} ${String(ref.generationNumber).padStart(5, '0')} n \n`;
    }
    i = j + 1;
  }
  return out;
}

/**
 * Appends the given objects to `original` as an incremental update (ISO 32000-1, 7.5.6): the
 * original bytes are kept exactly, so any signature over them stays valid, and a new xref
 * section and trailer, chained to the old one by /Prev, point readers at the new versions.
 *
 * The original must end in a classic xref table, as the Workbench writes it: mixing a table
 * into a file that uses cross-reference streams would not be read the same way everywhere.
 */
export function appendIncrementalUpdate(
  original: Uint8Array,
  doc: PDFDocument,
  refs: PDFRef[],
): Uint8Array {
  const prev = lastStartXref(original);
  if (latin1(original.subarray(prev, prev + 4)) !== 'xref') {
    throw new SealError(
      'This PDF was not written by the Workbench (it uses compressed cross-references), so it cannot be countersigned here.',
    );
  }
  const endsWithNewline = original.at(-1) === 0x0a || original.at(-1) === 0x0d;
  const parts: Buffer[] = [Buffer.from(original), Buffer.from(endsWithNewline ? '' : '\n')];
  let length = parts.reduce((sum, p) => sum + p.length, 0);
  const entries: { ref: PDFRef; offset: number }[] = [];
  for (const ref of refs) {
    const object = doc.context.lookup(ref);
    if (!object) throw new SealError('The signature field could not be written.');
    const bytes = serialise(ref, object);
    entries.push({ ref, offset: length });
    parts.push(bytes);
    length += bytes.length;
  }
  const xrefOffset = length;
  const info = doc.context.trailerInfo;
  const trailer = PDFDict.withContext(doc.context);
  trailer.set(PDFName.of('Size'), PDFNumber.of(doc.context.largestObjectNumber + 1));
  if (info.Root) trailer.set(PDFName.of('Root'), info.Root);
  if (info.Info) trailer.set(PDFName.of('Info'), info.Info);
  if (info.ID instanceof PDFArray) trailer.set(PDFName.of('ID'), info.ID);
  trailer.set(PDFName.of('Prev'), PDFNumber.of(prev));
  const tail = `${xrefTable(entries)}trailer\n${trailer.toString()}\nstartxref\n${xrefOffset}\n%%EOF\n`;
  parts.push(Buffer.from(tail, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}
