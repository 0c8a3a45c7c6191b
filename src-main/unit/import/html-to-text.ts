import { decodeEntities } from './clean-text';

/**
 * Turns a web page or a converted Word document into text the importer reads: each table row
 * becomes one line with its cells separated by tabs, and a cell merged down over several rows
 * (`rowspan`) leaves an empty cell on the rows below, just as a Word table pasted as text does.
 */

const blockTags = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article',
  'header', 'footer', 'blockquote', 'pre', 'dt', 'dd', 'dl', 'hr', 'caption', 'title',
]); // prettier-ignore

interface TableState {
  /** For each column, how many more rows a cell from above still covers. */
  spans: number[];
  row: string[] | null;
  carry: number[];
  newSpans: number[];
  cell: { text: string; rowspan: number; colspan: number } | null;
  depth: number;
}

function attr(attrs: string, name: string): number {
  const m = new RegExp(`\\b${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(attrs);
  const n = m?.[1] ? Number(m[1]) : 1;
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

export function htmlToText(html: string): string {
  const lines: string[] = [];
  let line = '';
  let table: TableState | null = null;

  const flushLine = () => {
    if (line.trim()) lines.push(line.trim());
    line = '';
  };
  const write = (text: string) => {
    if (table?.cell) table.cell.text += text;
    else if (!table) line += text;
  };
  const closeCell = () => {
    if (!table?.cell || !table.row) return;
    const { text, rowspan, colspan } = table.cell;
    const clean = text.replace(/\s+/g, ' ').trim();
    for (let i = 0; i < colspan; i += 1) {
      const col = table.row.length;
      table.row.push(i === 0 ? clean : '');
      table.newSpans[col] = rowspan - 1;
    }
    table.cell = null;
  };
  const skipCovered = () => {
    if (!table?.row) return;
    while ((table.carry[table.row.length] ?? 0) > 0) table.row.push('');
  };
  const closeRow = () => {
    if (!table?.row) return;
    closeCell();
    const width = Math.max(table.row.length, table.carry.length);
    for (let col = table.row.length; col < width; col += 1) table.row.push('');
    table.spans = table.row.map((_, col) =>
      (table?.carry[col] ?? 0) > 0 ? (table?.carry[col] ?? 1) - 1 : (table?.newSpans[col] ?? 0),
    );
    const text = table.row.join('\t').replace(/\t+$/, '');
    if (text.trim()) lines.push(text);
    table.row = null;
  };
  const openRow = () => {
    if (!table) return;
    closeRow();
    table.row = [];
    table.carry = [...table.spans];
    table.newSpans = [];
  };

  const source = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, '');
  for (const m of source.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+|<)/g)) {
    const [, closing, rawName, attrs = '', text] = m;
    if (text !== undefined) {
      write(decodeEntities(text).replace(/[\s\u00a0]+/g, ' '));
      continue;
    }
    const name = (rawName ?? '').toLowerCase();
    if (name === 'table') {
      if (table?.cell) {
        // A table inside a cell is read as part of that cell's text.
        if (!closing) table.depth += 1;
        else if (table.depth > 0) table.depth -= 1;
        write(' ');
      } else if (!closing) {
        flushLine();
        table = { spans: [], row: null, carry: [], newSpans: [], cell: null, depth: 0 };
      } else if (table) {
        closeRow();
        table = null;
      }
      continue;
    }
    if (table && table.depth === 0 && (name === 'tr' || name === 'td' || name === 'th')) {
      if (name === 'tr') {
        if (closing) closeRow();
        else openRow();
      } else if (closing) {
        closeCell();
      } else {
        if (!table.row) openRow();
        closeCell();
        skipCovered();
        table.cell = { text: '', rowspan: attr(attrs, 'rowspan'), colspan: attr(attrs, 'colspan') };
      }
      continue;
    }
    if (table && (name === 'td' || name === 'th' || name === 'tr')) {
      write(' ');
      continue;
    }
    if (!blockTags.has(name)) continue;
    if (table) {
      write(' ');
      continue;
    }
    flushLine();
    if (!closing && /^h[1-6]$/.test(name)) line = `${'#'.repeat(Number(name[1]))} `;
    if (!closing && name === 'li') line = '- ';
  }
  if (table) closeRow();
  flushLine();
  return lines.join('\n');
}
