import type { PDFFont, PDFName, PDFPage, RGB } from 'pdf-lib';
import {
  beginText,
  endText,
  fill,
  fillAndStroke,
  lineTo,
  moveText,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingRgbColor,
  setFontAndSize,
  setLineWidth,
  setStrokingRgbColor,
  showText,
  stroke,
} from 'pdf-lib';

/**
 * The few marks a record or form is made of, written straight into the page's content stream.
 * pdf-lib's `drawText` registers the font under a new resource name on every call (a record's
 * page ended up naming the same font some two hundred times) and wraps each line in a dozen
 * operators; here each page names each font once, and a line is one short text object.
 */

const fontKeys = new WeakMap<PDFPage, Map<PDFFont, PDFName>>();

function fontKey(page: PDFPage, font: PDFFont): PDFName {
  let keys = fontKeys.get(page);
  if (!keys) {
    keys = new Map();
    fontKeys.set(page, keys);
  }
  let key = keys.get(font);
  if (!key) {
    key = page.node.newFontDictionary(font.name, font.ref);
    keys.set(font, key);
  }
  return key;
}

export interface Ink {
  font: PDFFont;
  size: number;
  color: RGB;
}

/** One line of text with its baseline starting at (x, y); line breaks print as spaces. */
export function inkText(page: PDFPage, text: string, x: number, y: number, ink: Ink): void {
  const { red, green, blue } = ink.color;
  page.pushOperators(
    pushGraphicsState(),
    beginText(),
    setFontAndSize(fontKey(page, ink.font), ink.size),
    setFillingRgbColor(red, green, blue),
    moveText(x, y),
    showText(ink.font.encodeText(text.replace(/\n/g, ' '))),
    endText(),
    popGraphicsState(),
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
  const paint = box.fill && box.border ? fillAndStroke() : box.fill ? fill() : stroke();
  page.pushOperators(
    pushGraphicsState(),
    ...(box.fill ? [setFillingRgbColor(box.fill.red, box.fill.green, box.fill.blue)] : []),
    ...(box.border
      ? [
          setStrokingRgbColor(box.border.color.red, box.border.color.green, box.border.color.blue),
          setLineWidth(box.border.width),
        ]
      : []),
    rectangle(box.x, box.y, box.width, box.height),
    paint,
    popGraphicsState(),
  );
}

/** A straight rule from one point to another. */
export function inkLine(
  page: PDFPage,
  from: { x: number; y: number },
  to: { x: number; y: number },
  line: { color: RGB; width: number },
): void {
  page.pushOperators(
    pushGraphicsState(),
    setStrokingRgbColor(line.color.red, line.color.green, line.color.blue),
    setLineWidth(line.width),
    moveTo(from.x, from.y),
    lineTo(to.x, to.y),
    stroke(),
    popGraphicsState(),
  );
}
