import type { PDFDocument, PDFFont, PDFRef } from 'pdf-lib';
import { cachingFontkit, NO_POSITIONING } from '../pdf/font-cache';
import type { RecordFonts } from '../pdf/fonts';
import type { SlotRect } from '../pdf/signature-slot';

/** One line of what a visible signature shows, in the order printed, top first. */
export interface AppearanceLine {
  text: string;
  /** The signer's name is printed larger and bold, where a signature would be written. */
  emphasis?: boolean;
}

export interface VisibleSignature {
  fonts: RecordFonts;
  lines: AppearanceLine[];
}

const PADDING = 4;
const INK = '0.1 0.1 0.12';
const MUTED = '0.36 0.38 0.42';
const RULE = '0.55 0.57 0.6';

const n = (value: number): string => String(Math.round(value * 1000) / 1000 || 0);

/** Drops words from the end until the line fits the box, so nothing spills out of it. */
function fitted(font: PDFFont, text: string, size: number, width: number): string {
  let line = text;
  while (line.length > 1 && font.widthOfTextAtSize(line, size) > width) {
    line = `${line.slice(0, -2).trimEnd()}…`;
  }
  return line;
}

/**
 * The look of a signature in its box on the page (the widget's normal appearance): on an opaque
 * ground in a ruled box, so the blank "Not yet signed" box beneath gives way to it, the signer's name where a
 * signature is written and, below it, what they signed and when. DejaVu Sans is embedded as a
 * subset of the glyphs used, so any name prints as written.
 */
export async function signatureAppearance(
  doc: PDFDocument,
  rect: SlotRect,
  visible: VisibleSignature,
): Promise<PDFRef> {
  doc.registerFontkit(cachingFontkit);
  const regular = await doc.embedFont(visible.fonts.regular, {
    subset: true,
    customName: 'AVWSGR+DejaVuSans',
    features: NO_POSITIONING,
  });
  const bold = await doc.embedFont(visible.fonts.bold, {
    subset: true,
    customName: 'AVWSGB+DejaVuSans-Bold',
    features: NO_POSITIONING,
  });
  const width = rect.width - 2 * PADDING;
  const ops: string[] = [
    'q',
    '1 1 1 rg',
    `${RULE} RG`,
    '0.5 w',
    `0.25 0.25 ${n(rect.width - 0.5)} ${n(rect.height - 0.5)} re`,
    'B',
    'Q',
  ];
  let y = rect.height - PADDING;
  for (const line of visible.lines) {
    const size = line.emphasis ? 11 : 7.5;
    const font = line.emphasis ? bold : regular;
    y -= size + 2;
    if (y < PADDING - 1) break;
    const glyphs = font.encodeText(fitted(font, line.text, size, width)).toString();
    ops.push(
      'BT',
      `/${line.emphasis ? 'FB' : 'FR'} ${n(size)} Tf`,
      `${line.emphasis ? INK : MUTED} rg`,
      `${n(PADDING)} ${n(y)} Td`,
      `${glyphs} Tj`,
      'ET',
    );
  }
  const stream = doc.context.flateStream(ops.join('\n'), {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, rect.width, rect.height],
    Resources: { Font: { FR: regular.ref, FB: bold.ref } },
  });
  return doc.context.register(stream);
}
