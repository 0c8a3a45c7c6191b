import type { MatrixRow } from '../../../../src-main/decision/decision-views';
import { needsVisit } from '../../../../src-main/kernel/caseload';
import { matchesFind } from '../common/find';

export type SortKey = 'name' | 'progress' | 'activity' | 'not-yet-met';
export type Show = 'all' | 'visit' | 'ready' | 'countersign' | 'flags';

const fraction = (row: MatrixRow) => {
  const total = row.cells.reduce((n, c) => n + c.total, 0);
  return total ? row.cells.reduce((n, c) => n + c.met, 0) / total : 0;
};

const notYetMet = (r: MatrixRow) => r.cells.reduce((n, c) => n + c.notYetMet, 0);

const compare: Record<SortKey, (a: MatrixRow, b: MatrixRow) => number> = {
  name: (a, b) => a.name.localeCompare(b.name, 'en-GB'),
  progress: (a, b) => fraction(a) - fraction(b),
  activity: (a, b) => (a.lastActivityOn ?? '').localeCompare(b.lastActivityOn ?? ''),
  'not-yet-met': (a, b) => notYetMet(b) - notYetMet(a),
};

function shown(r: MatrixRow, show: Show, today: string): boolean {
  if (show === 'visit') return needsVisit(r, today);
  if (show === 'ready') return r.cells.some((c) => c.readyToSignOff);
  if (show === 'countersign') return r.cells.some((c) => c.signOff === 'awaiting-countersignature');
  if (show === 'flags') return r.cells.some((c) => c.warnings > 0);
  return true;
}

/** The progress matrix's learners that match what was typed and chosen, in the order chosen. */
export function matrixRows(
  rows: MatrixRow[],
  { find, show, sort, today }: { find: string; show: Show; sort: SortKey; today: string },
): MatrixRow[] {
  const kept = rows.filter(
    (r) =>
      matchesFind(find, [`${r.name} ${r.employer} ${r.workplace} ${r.cohort} ${r.assessorName}`]) &&
      shown(r, show, today),
  );
  return [...kept].sort((a, b) => compare[sort](a, b) || a.name.localeCompare(b.name, 'en-GB'));
}
