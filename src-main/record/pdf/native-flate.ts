import { deflateSync } from 'node:zlib';
import { PDFContentStream, PDFName, type PDFDocument, type SaveOptions } from 'pdf-lib';

/**
 * Compresses a document's streams with Node's zlib instead of pdf-lib's JavaScript deflate: the
 * embedded fonts, files and images as they are embedded, and the page content streams when the
 * document is saved with `saveWithNativeFlate`. A witness form carries the whole DejaVu Sans
 * (about 750 KB), which takes pdf-lib seconds to compress and zlib a few milliseconds; a
 * record spends most of its save time in deflate. The bytes are ordinary FlateDecode either way.
 */
export function useNativeFlate(pdf: PDFDocument): void {
  const context = pdf.context;
  context.flateStream = (contents, dict = {}) =>
    context.stream(
      deflateSync(typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents),
      { ...dict, Filter: 'FlateDecode' },
    );
  const contentStream = context.contentStream.bind(context);
  context.contentStream = (operators, dict) => compressNatively(contentStream(operators, dict));
}

/** Saves a document set up with `useNativeFlate`, its content streams compressed by zlib too. */
export async function saveWithNativeFlate(
  pdf: PDFDocument,
  options: SaveOptions,
): Promise<Uint8Array> {
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (object instanceof PDFContentStream) compressNatively(object);
  }
  return pdf.save(options);
}

const compressed = new WeakSet<PDFContentStream>();
const FILTER = PDFName.of('Filter');
const FLATE = PDFName.of('FlateDecode');

/**
 * Gives a content stream zlib's deflate in place of pdf-lib's, when pdf-lib meant to compress it
 * at all. Its operators print as Latin-1 text, text in the embedded fonts being hex, so this
 * compresses the same bytes pdf-lib would, built in one pass instead of two. The result is kept
 * until more operators are drawn.
 */
function compressNatively(stream: PDFContentStream): PDFContentStream {
  if (compressed.has(stream) || stream.dict.get(FILTER) !== FLATE) return stream;
  compressed.add(stream);
  let bytes: Uint8Array | null = null;
  const push = stream.push.bind(stream);
  stream.push = (...operators) => {
    bytes = null;
    push(...operators);
  };
  stream.getContents = () =>
    (bytes ??= deflateSync(Buffer.from(stream.getContentsString(), 'latin1')));
  stream.getContentsSize = () => stream.getContents().length;
  return stream;
}
