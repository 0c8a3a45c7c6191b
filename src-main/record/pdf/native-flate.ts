import { deflateSync } from 'node:zlib';
import type { PDFContentStream, PDFDocument } from 'pdf-lib';

/**
 * Compresses a document's streams with Node's zlib instead of pdf-lib's JavaScript deflate: the
 * fonts, files and images it embeds, and the appearance streams of its form fields. A witness
 * form carries the whole DejaVu Sans (about 750 KB), which takes pdf-lib seconds to compress
 * and zlib a few milliseconds. The bytes are ordinary FlateDecode either way. (Pages drawn
 * with `ink.ts` compress their own content with zlib.)
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

/**
 * Gives a content stream pdf-lib has marked FlateDecode zlib's deflate in place of its own. Its
 * operators print as Latin-1 text, so this compresses the same bytes pdf-lib would; the result
 * is kept until more operators are drawn.
 */
function compressNatively(stream: PDFContentStream): PDFContentStream {
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
