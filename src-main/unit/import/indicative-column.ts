import { isStructureHeading } from './headings';
import { cellBullet, guidanceColumn } from './numbering-shapes';
import type { Row } from './split-row';

/**
 * A table's column of indicative content ("Amplification", "Guidance"): its header row names it
 * beside the outcomes' and criteria's headings, and what stands in it is guidance for the
 * criterion on the same row, never a criterion itself.
 */
export interface GuidanceColumn {
  col: number;
  label: string;
}

/** A header row naming an indicative-content column, and the headings beside it. */
export function guidanceHeader(
  row: Row,
): { guidance: GuidanceColumn; headings: Row['cells'] } | null {
  if (row.mode !== 'index' || row.cells.length < 2) return null;
  const headings = row.cells.filter((c) => isStructureHeading(c.text));
  const notes = row.cells.filter((c) => guidanceColumn.test(c.text) && !isStructureHeading(c.text));
  if (!headings.length || notes.length !== 1 || headings.length + 1 !== row.cells.length) {
    return null;
  }
  const note = notes[0]!;
  return { guidance: { col: note.col, label: note.text.replace(/:$/, '') }, headings };
}

/** The row without the guidance column's cells, and those cells as rows of their own. */
export function takeGuidance(row: Row, col: number): { row: Row; moved: Row[] } {
  const moved = row.cells.filter((c) => c.col === col);
  if (!moved.length) return { row, moved: [] };
  return {
    row: { ...row, cells: row.cells.filter((c) => c.col !== col) },
    moved: moved.map((c) => ({
      ...row,
      cells: [{ text: c.text.replace(cellBullet, ''), col: 0 }],
      guidanceOnly: true,
    })),
  };
}

/** A guidance row labelled with its column's heading and the criterion it is for. */
export function asGuidance(row: Row, label: string, ref: string | undefined): Row {
  const text = row.cells[0]?.text ?? '';
  return { ...row, cells: [{ text: `${label}${ref ? ` for ${ref}` : ''}: ${text}`, col: 0 }] };
}
