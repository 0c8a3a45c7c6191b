import { deflateSync } from 'node:zlib';
import type { PDFContext, PDFFont, PDFImage, PDFName, PDFPage, RGB } from 'pdf-lib';
import { PDFStream } from 'pdf-lib';

/**
 * The few marks a record or form is made of (lines of text, boxes, rules, images), written as
 * PDF operators into one content stream per page. pdf-lib's `drawText` registers the font under
 * a new resource name on every call (a record's page ended up naming the same font some two
 * hundred times) and builds a dozen operator objects a line; here each page names each font and
 * image once, a line is one short text object, and the page's stream is compressed by zlib once,
 * when the document is saved.
 */
class InkStream extends PDFStream {
  private text = '';
  private compressed: Uint8Array | null = null;
  readonly fonts = new Map<PDFFont, PDFName>();
  readonly images = new Map<PDFImage, PDFName>();

  static of(context: PDFContext, text = ''): InkStream {
    const stream = new InkStream(context.obj({ Filter: 'FlateDecode' }));
    stream.text = text;
    return stream;
  }

  add(operators: string): void {
    this.text += operators;
    this.compressed = null;
  }

  override getContentsString(): string {
    return this.text;
  }

  override getContents(): Uint8Array {
    // Operators are ASCII, and text is written as hex glyph ids, so Latin-1 is exact.
    return (this.compressed ??= deflateSync(Buffer.from(this.text, 'latin1')));
  }

  override getContentsSize(): number {
    return this.getContents().length;
  }

  override clone(context?: PDFContext): InkStream {
    return InkStream.of(context ?? this.dict.context, this.text);
  }
}

const streams = new WeakMap<PDFPage, InkStream>();

function inkOn(page: PDFPage): InkStream {
  let stream = streams.get(page);
  if (!stream) {
    stream = InkStream.of(page.doc.context);
    page.node.addContentStream(page.doc.context.register(stream));
    streams.set(page, stream);
  }
  return stream;
}

/** A number as PDF writes it: no exponent, at most three decimals (a thousandth of a point). */
function n(value: number): string {
  return String(Math.round(value * 1000) / 1000 || 0);
}

const rgb = (c: RGB): string => `${n(c.red)} ${n(c.green)} ${n(c.blue)}`;

export interface Ink {
  font: PDFFont;
  size: number;
  color: RGB;
}

/** One line of text with its baseline starting at (x, y); line breaks print as spaces. */
export function inkText(page: PDFPage, text: string, x: number, y: number, ink: Ink): void {
  const stream = inkOn(page);
  let key = stream.fonts.get(ink.font);
  if (!key) {
    key = page.node.newFontDictionary(ink.font.name, ink.font.ref);
    stream.fonts.set(ink.font, key);
  }
  const glyphs = ink.font.encodeText(text.replace(/\n/g, ' ')).toString();
  stream.add(
    `q\nBT\n${key.toString()} ${n(ink.size)} Tf\n${rgb(ink.color)} rg\n${n(x)} ${n(y)} Td\n${glyphs} Tj\nET\nQ\n`,
  );
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
  fill?: RGB;
  border?: { color: RGB; width: number };
}

/** A rectangle, filled, outlined or both. */
export function inkBox(page: PDFPage, box: Box): void {
  const paint = box.fill && box.border ? 'B' : box.fill ? 'f' : 'S';
  inkOn(page).add(
    [
      'q',
      ...(box.fill ? [`${rgb(box.fill)} rg`] : []),
      ...(box.border ? [`${rgb(box.border.color)} RG`, `${n(box.border.width)} w`] : []),
      `${n(box.x)} ${n(box.y)} ${n(box.width)} ${n(box.height)} re`,
      paint,
      'Q\n',
    ].join('\n'),
  );
}

/** A straight rule from one point to another. */
export function inkLine(
  page: PDFPage,
  from: { x: number; y: number },
  to: { x: number; y: number },
  line: { color: RGB; width: number },
): void {
  inkOn(page).add(
    `q\n${rgb(line.color)} RG\n${n(line.width)} w\n${n(from.x)} ${n(from.y)} m\n${n(to.x)} ${n(to.y)} l\nS\nQ\n`,
  );
}

/** An embedded image scaled into the rectangle with its lower left corner at (x, y). */
export function inkImage(
  page: PDFPage,
  image: PDFImage,
  at: { x: number; y: number; width: number; height: number },
): void {
  const stream = inkOn(page);
  let key = stream.images.get(image);
  if (!key) {
    key = page.node.newXObject('Image', image.ref);
    stream.images.set(image, key);
  }
  stream.add(
    `q\n${n(at.width)} 0 0 ${n(at.height)} ${n(at.x)} ${n(at.y)} cm\n${key.toString()} Do\nQ\n`,
  );
}
