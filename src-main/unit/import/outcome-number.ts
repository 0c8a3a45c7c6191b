import { isStructureHeading } from './headings';
import { cellBullet, listNumber, outcomeWording } from './numbering-shapes';
import { matchCriterion, matchOutcome, stripLearnerPrefix } from './refs';
import type { Row } from './split-row';

/** Where the reading stands: the highest outcome so far, the current one, inside the outcomes. */
export interface OutcomeState {
  highest: number;
  outcome: number | null;
  inOutcomes: boolean;
}

/**
 * The number of an outcome the page does not number (the row at `index` of `input`): from the
 * next criterion's number, else from its order; null when nothing says it is an outcome.
 */
export function outcomeNumberFor(
  input: readonly Row[],
  row: Row,
  index: number,
  state: OutcomeState,
): { number: number; why: string } | null {
  const later = [row, ...input.slice(index + 1)];
  for (const [n, next] of later.entries()) {
    const cells = n === 0 ? next.cells.slice(1) : next.cells;
    if (n > 0) {
      const first = stripLearnerPrefix(next.cells[0]?.text ?? '').replace(cellBullet, '');
      if (outcomeWording.test(first) || matchOutcome(first)?.prefixed) break;
    }
    for (const cell of cells) {
      const c = matchCriterion(stripLearnerPrefix(cell.text));
      if (c) {
        if (c.outcome <= state.highest && state.outcome === c.outcome) break;
        return { number: c.outcome, why: `from its criteria (${c.outcome}.${c.number})` };
      }
    }
    if (n > 12) break;
  }
  // By order only inside the outcomes, and only with something like criteria following.
  const following = input.slice(index + 1, index + 4);
  const criteriaFollow = following.some(
    (r) =>
      r.bullet ||
      r.cells.some(
        (c) => isStructureHeading(c.text) || listNumber.test(c.text) || cellBullet.test(c.text),
      ),
  );
  if (!state.inOutcomes && !criteriaFollow) return null;
  if (!criteriaFollow && !row.cells.slice(1).length) return null;
  const number = state.highest + 1;
  return {
    number,
    why:
      number === 1
        ? 'from its order (the first outcome)'
        : `from its order (after learning outcome ${number - 1})`,
  };
}
