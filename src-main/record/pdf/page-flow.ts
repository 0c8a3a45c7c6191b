import type { PDFDocument, PDFFont, PDFPage, RGB } from 'pdf-lib';
import { rgb } from 'pdf-lib';
import { inkLine, inkText } from './ink';
import type { MeasureText } from './wrap-text';
import { printable, wrapText } from './wrap-text';

/** A4 in points, with margins that leave room for a hole punch and for the header and footer. */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  marginLeft: 48,
  marginRight: 42,
  contentTop: 841.89 - 92,
  contentBottom: 66,
} as const;

export const INK = rgb(0.1, 0.1, 0.12);
export const MUTED = rgb(0.36, 0.38, 0.42);
export const RULE = rgb(0.55, 0.57, 0.6);
export const SHADE = rgb(0.91, 0.93, 0.95);
export const ACCENT = rgb(0.12, 0.25, 0.45);

export interface PdfFonts {
  regular: PDFFont;
  bold: PDFFont;
}

export interface TextStyle {
  font: PDFFont;
  size: number;
  color?: RGB;
}

/**
 * Lays content down the page from top to bottom and starts a new page when the next piece will
 * not fit. Callers ask for room first (`ensure`), so nothing is ever drawn over the footer.
 */
export class PageFlow {
  page: PDFPage;
  y: number;
  readonly pages: PDFPage[] = [];

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: PdfFonts,
    /** Word widths at 1 pt by font, kept by the caller so a batch of records measures each word once. */
    private readonly knownWidths: { regular: Map<string, number>; bold: Map<string, number> } = {
      regular: new Map(),
      bold: new Map(),
    },
  ) {
    this.page = this.addPage();
    this.y = PAGE.contentTop;
  }

  get left(): number {
    return PAGE.marginLeft;
  }

  get width(): number {
    return PAGE.width - PAGE.marginLeft - PAGE.marginRight;
  }

  /** The height left on this page. */
  get room(): number {
    return this.y - PAGE.contentBottom;
  }

  get atTop(): boolean {
    return this.y >= PAGE.contentTop - 0.01;
  }

  newPage(): void {
    this.page = this.addPage();
    this.y = PAGE.contentTop;
  }

  /** Starts a new page unless `height` fits on this one; says whether it did. */
  ensure(height: number): boolean {
    if (height <= this.room || this.atTop) return false;
    this.newPage();
    return true;
  }

  gap(height: number): void {
    if (!this.atTop) this.y = Math.max(this.y - height, PAGE.contentBottom);
  }

  private readonly widths = new Map<PDFFont, Map<string, number>>();

  /**
   * Word widths at 1 pt, remembered per font: pdf-lib sums glyph advances without kerning, so a
   * line is exactly the sum of its words and spaces, and wrapping need not lay out each
   * candidate line again (the slowest part of making a record, before this).
   */
  measure(style: TextStyle): MeasureText {
    let known = this.widths.get(style.font);
    if (!known) {
      known =
        style.font === this.fonts.regular
          ? this.knownWidths.regular
          : style.font === this.fonts.bold
            ? this.knownWidths.bold
            : new Map<string, number>();
      this.widths.set(style.font, known);
    }
    const cache = known;
    const width = (word: string) => {
      let w = cache.get(word);
      if (w === undefined) {
        // Hashes and file names are cut into many pieces; keep a long-running app's memory bounded.
        if (cache.size > 50_000) cache.clear();
        w = style.font.widthOfTextAtSize(word, 1);
        cache.set(word, w);
      }
      return w;
    };
    return (text) => {
      const words = text.split(' ');
      let total = width(' ') * (words.length - 1);
      for (const word of words) if (word !== '') total += width(word);
      return total * style.size;
    };
  }

  wrap(text: string, width: number, style: TextStyle): string[] {
    return wrapText(text, width, this.measure(style));
  }

  text(text: string, x: number, baseline: number, style: TextStyle): void {
    inkText(this.page, printable(text), x, baseline, {
      font: style.font,
      size: style.size,
      color: style.color ?? INK,
    });
  }

  /** Flowing text, a line at a time, breaking to a new page between lines where it must. */
  paragraph(text: string, style: TextStyle, lineHeight = style.size * 1.4): void {
    for (const line of this.wrap(text, this.width, style)) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      this.text(line, this.left, this.y + lineHeight * 0.28, style);
    }
  }

  heading(text: string, keepWithNext: number): void {
    const size = 11;
    this.gap(10);
    // Room for the heading itself (its line and the space under it) and what it must keep.
    this.ensure(size * 1.5 + 6 + keepWithNext);
    this.y -= size * 1.5;
    this.text(text, this.left, this.y + 3, { font: this.fonts.bold, size, color: ACCENT });
    inkLine(
      this.page,
      { x: this.left, y: this.y },
      { x: this.left + this.width, y: this.y },
      { color: ACCENT, width: 0.6 },
    );
    this.y -= 6;
  }

  private addPage(): PDFPage {
    const page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.pages.push(page);
    return page;
  }
}
