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
}

const PAD_X = 4;
const PAD_Y = 3.5;

interface Cell {
  lines: string[];
  style: TextStyle;
  shaded: boolean;
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

  const layout = (texts: string[], isHeader: boolean): Cell[] =>
    widths.map((w, i) => {
      const style = isHeader || labels.has(i) ? bold : regular;
      return {
        lines: flow.wrap(texts[i] ?? '', w - 2 * PAD_X, style),
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
