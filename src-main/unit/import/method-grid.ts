import { assessmentMethods, type MethodUse } from '../unit-schema';
import type { Row } from './split-row';

/**
 * The OCN-style assessment-method grid: rows of method names, each followed by P (prescribed),
 * O (optional) or nothing. Rows are read as a run so that rows with no marks, which alone look
 * like ordinary text, still count as part of a grid that has marks elsewhere.
 */

type Mark = 'prescribed' | 'optional';

interface GridEntry {
  name: string;
  use: Mark | null;
}

function readMark(text: string): Mark | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'p' || t === 'prescribed') return 'prescribed';
  if (t === 'o' || t === 'optional') return 'optional';
  return undefined;
}

const methodName = /^[A-Za-z][A-Za-z &/(),'’-]{1,60}$/;

export function readGridRow(row: Row): GridEntry[] | null {
  const entries: GridEntry[] = [];
  let marks = 0;
  for (const cell of row.cells) {
    const mark = readMark(cell.text);
    if (mark !== undefined) {
      const last = entries[entries.length - 1];
      if (!last || last.use !== null) return null;
      last.use = mark;
      marks += 1;
      continue;
    }
    if (!methodName.test(cell.text) || cell.text.split(' ').length > 8) return null;
    entries.push({ name: cell.text, use: null });
  }
  if (!entries.length || (row.cells.length < 2 && marks === 0)) return null;
  return entries;
}

export function isGridLegend(text: string): boolean {
  return /^[PO]\s*[=:–-]\s*(prescribed|optional)\b/i.test(text);
}

/** Lines (by row index) that form a grid: runs of grid-like rows in which something is marked. */
export function findGridRows(rows: Row[]): Map<number, GridEntry[]> {
  const grid = new Map<number, GridEntry[]>();
  let run: { index: number; entries: GridEntry[] }[] = [];
  const flush = () => {
    if (run.some((r) => r.entries.some((e) => e.use !== null))) {
      for (const r of run) grid.set(r.index, r.entries);
    }
    run = [];
  };
  rows.forEach((row, index) => {
    const entries = readGridRow(row);
    if (entries) run.push({ index, entries });
    else flush();
  });
  flush();
  return grid;
}

export function methodNameFor(written: string): string {
  const lower = written.toLowerCase();
  const known = assessmentMethods.find((m) => m === lower);
  return known ?? written;
}

export function toMethodUses(entries: GridEntry[]): MethodUse[] {
  return entries.flatMap((e) => (e.use ? [{ name: methodNameFor(e.name), use: e.use }] : []));
}
