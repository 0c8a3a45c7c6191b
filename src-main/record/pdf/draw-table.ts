import { inkBox } from './ink';
import type { PageFlow, TextStyle } from './page-flow';
import { INK, PAGE, RULE, SHADE } from './page-flow';

export interface TableSpec {
  columns: { label: string; width: number }[];
  rows: string[][];
  /** Print the column headings at the top, and again at the top of every page the table runs onto. */
  header: boolean;
  size?: number;
  /** Columns printed as labels: shaded and bold (the left-hand column of a form). */
  labelColumns?: number[];
  /**
   * Columns whose text never wraps (a SHA-256): printed smaller where it would not fit the
   * column, so it stays whole on one line and reads and copies as one string.
   */
  shrinkToFit?: number[];
}

const PAD_X = 4;
const PAD_Y = 3.5;

interface Cell {
  lines: string[];
  style: TextStyle;
  shaded: boolean;
}

/**
 * The height of a table's column headings and first row (or the first few lines of a tall one):
 * what a heading above the table must keep with it so it is never left alone at a page's foot.
 */
export function tableLeadHeight(flow: PageFlow, spec: TableSpec): number {
  const size = spec.size ?? 8.5;
  const lineHeight = size * 1.32;
  const total = spec.columns.reduce((sum, c) => sum + c.width, 0);
  const style = (bold: boolean): TextStyle => ({
    font: bold ? flow.fonts.bold : flow.fonts.regular,
    size,
  });
  const labels = new Set(spec.labelColumns ?? []);
  const rowHeight = (texts: string[], header: boolean) =>
    Math.max(
      ...spec.columns.map(
        (c, i) =>
          flow.wrap(
            texts[i] ?? '',
            (c.width / total) * flow.width - 2 * PAD_X,
            style(header || labels.has(i)),
          ).length,
      ),
    ) *
      lineHeight +
    2 * PAD_Y;
  const header = spec.header
    ? rowHeight(
        spec.columns.map((c) => c.label),
        true,
      )
    : 0;
  const first = spec.rows[0] ? Math.min(rowHeight(spec.rows[0], false), 60) : 0;
  return header + first;
}

/**
 * Draws a bordered table whose rows never straddle the footer. A row that fits on a fresh page
 * moves there whole; only a row taller than a page is split, line by line, so no words are lost.
 */
export function drawTable(flow: PageFlow, spec: TableSpec): void {
  const size = spec.size ?? 8.5;
  const lineHeight = size * 1.32;
  const total = spec.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = spec.columns.map((c) => (c.width / total) * flow.width);
  const regular: TextStyle = { font: flow.fonts.regular, size, color: INK };
  const bold: TextStyle = { font: flow.fonts.bold, size, color: INK };
  const labels = new Set(spec.labelColumns ?? []);

  const shrink = new Set(spec.shrinkToFit ?? []);
  const layout = (texts: string[], isHeader: boolean): Cell[] =>
    widths.map((w, i) => {
      let style = isHeader || labels.has(i) ? bold : regular;
      const text = texts[i] ?? '';
      if (!isHeader && shrink.has(i)) {
        const wide = flow.measure(style)(text);
        if (wide > w - 2 * PAD_X) style = { ...style, size: (style.size * (w - 2 * PAD_X)) / wide };
        return { lines: [text], style, shaded: labels.has(i) };
      }
      return {
        lines: flow.wrap(text, w - 2 * PAD_X, style),
        style,
        shaded: isHeader || labels.has(i),
      };
    });
  const heightOf = (cells: Cell[], from = 0): number =>
    Math.max(...cells.map((c) => Math.max(c.lines.length - from, 0))) * lineHeight + 2 * PAD_Y;

  const headerCells = layout(
    spec.columns.map((c) => c.label),
    true,
  );
  const headerHeight = spec.header ? heightOf(headerCells) : 0;
  const drawHeader = (): void => {
    if (spec.header) drawRow(flow, widths, headerCells, 0, Infinity, lineHeight);
  };

  const firstRow = spec.rows[0] ? heightOf(layout(spec.rows[0], false)) : 0;
  flow.ensure(headerHeight + Math.min(firstRow, 60));
  drawHeader();

  const pageRoom = PAGE.contentTop - PAGE.contentBottom - headerHeight;
  for (const texts of spec.rows) {
    const cells = layout(texts, false);
    let from = 0;
    for (;;) {
      const needed = heightOf(cells, from);
      if (needed <= flow.room) {
        drawRow(flow, widths, cells, from, Infinity, lineHeight);
        break;
      }
      const fitting = Math.floor((flow.room - 2 * PAD_Y) / lineHeight);
      if (needed <= pageRoom || fitting < 2) {
        flow.newPage();
        drawHeader();
        continue;
      }
      drawRow(flow, widths, cells, from, fitting, lineHeight);
      from += fitting;
      flow.newPage();
      drawHeader();
    }
  }
}

function drawRow(
  flow: PageFlow,
  widths: number[],
  cells: Cell[],
  from: number,
  maxLines: number,
  lineHeight: number,
): void {
  const count = Math.min(maxLines, Math.max(...cells.map((c) => c.lines.length - from)));
  const height = Math.max(count, 1) * lineHeight + 2 * PAD_Y;
  const top = flow.y;
  let x = flow.left;
  cells.forEach((cell, i) => {
    const width = widths[i] ?? 0;
    inkBox(flow.page, {
      x,
      y: top - height,
      width,
      height,
      border: { color: RULE, width: 0.5 },
      ...(cell.shaded ? { fill: SHADE } : {}),
    });
    cell.lines.slice(from, from + count).forEach((line, n) => {
      const baseline = top - PAD_Y - (n + 1) * lineHeight + lineHeight * 0.27;
      flow.text(line, x + PAD_X, baseline, cell.style);
    });
    x += width;
  });
  flow.y = top - height;
}
