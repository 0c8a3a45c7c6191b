import { cleanText } from './clean-text';

/**
 * Where a cell sits: for tab- and pipe-separated rows the cell's index, for rows laid out with
 * runs of spaces (tables copied out of PDFs) the character column it starts at. Continuation
 * lines are matched to the item above them by this position.
 */
export interface Cell {
  text: string;
  col: number;
}

export interface Row {
  line: number;
  cells: Cell[];
  mode: 'index' | 'offset';
  /** A Markdown heading (`#`), which may still be a learning outcome. */
  markdownHeading: boolean;
  bullet: boolean;
  indent: number;
  /** The line held only markup (tags, a table rule): nothing to read, nothing lost. */
  markupOnly: boolean;
  blankBefore: boolean;
  /** Set by the importer for a cell moved out of a table (indicative content): kept as guidance. */
  guidanceOnly?: boolean;
  /** Set by the importer for a bullet that belongs in the wording of the criterion above it. */
  continues?: boolean;
}

const bulletPattern = /^(\s*)(?:[-*+•▪◦·‣●○■□►➢✓]|\uf0b7|\uf0a7)(\s+)/;
const tableRule = /^:?-{2,}:?$/;

export function splitRow(raw: string, line: number, blankBefore: boolean): Row {
  let text = raw.replace(/\s+$/, '');
  let markdownHeading = false;
  let bullet = false;

  const heading = /^\s{0,3}(#{1,6})\s+/.exec(text);
  if (heading) {
    markdownHeading = true;
    text = text.slice(heading[0].length).replace(/\s+#+$/, '');
  }
  text = text.replace(/^(\s*)>\s?/, '$1');
  // A row that starts with a tab is a table row whose first cells are empty; a bullet in it
  // belongs to its cell, not to the row.
  const bulletMatch = text.startsWith('\t') ? null : bulletPattern.exec(text);
  if (bulletMatch) {
    bullet = true;
    // Replace the bullet with spaces so the text keeps its column for continuation lines.
    text = ' '.repeat(bulletMatch[0].length) + text.slice(bulletMatch[0].length);
  }
  const indent = /^\s*/.exec(text)?.[0].length ?? 0;

  let mode: Row['mode'] = 'index';
  let pieces: Cell[];
  const trimmed = text.trim();
  if (trimmed.startsWith('|') && trimmed.length > 1) {
    pieces = splitPipes(trimmed);
  } else if (text.includes('\t')) {
    pieces = text.split('\t').map((piece, col) => ({ text: piece, col }));
  } else {
    mode = 'offset';
    pieces = [...text.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ text: m[0], col: m.index }));
  }

  const isRule =
    pieces.some((p) => p.text.trim()) &&
    pieces.every((p) => !p.text.trim() || tableRule.test(p.text.trim()));
  const cells =
    isRule || /^<!doctype\b[^>]*>$/i.test(trimmed)
      ? []
      : pieces.map((p) => ({ text: cleanText(p.text), col: p.col })).filter((c) => c.text);
  return {
    line,
    cells,
    mode,
    markdownHeading,
    bullet,
    indent,
    markupOnly: cells.length === 0,
    blankBefore,
  };
}

function splitPipes(text: string): Cell[] {
  const parts = text.split(/(?<!\\)\|/).map((p) => p.replace(/\\\|/g, '|'));
  // A leading and a trailing pipe leave empty pieces that are not cells.
  if (parts[0]?.trim() === '') parts.shift();
  if (parts.length && parts[parts.length - 1]?.trim() === '') parts.pop();
  return parts.map((piece, col) => ({ text: piece, col }));
}

export function rowText(row: Row): string {
  return row.cells.map((c) => c.text).join(' ');
}

/** Splits a document into rows, one per non-blank line, numbered from 1. */
export function splitRows(text: string): Row[] {
  const rows: Row[] = [];
  let blankBefore = false;
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    if (!raw.trim()) {
      blankBefore = true;
      return;
    }
    rows.push(splitRow(raw, index + 1, blankBefore));
    blankBefore = false;
  });
  return rows;
}
