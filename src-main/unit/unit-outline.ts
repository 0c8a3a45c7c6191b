import type { Criterion, Outcome } from './unit-schema';

/**
 * A unit's outline as every view of it is written: each outcome (or topic) with its reference,
 * text and kind, and each criterion with its reference and text, then what that view adds.
 */
export function unitOutline<T extends object>(
  outcomes: readonly Outcome[],
  criterion: (c: Criterion) => T,
): (Pick<Outcome, 'ref' | 'text' | 'kind'> & {
  criteria: (Pick<Criterion, 'ref' | 'text'> & T)[];
})[] {
  return outcomes.map((o) => ({
    ref: o.ref,
    text: o.text,
    kind: o.kind,
    criteria: o.criteria.map((c) => ({ ref: c.ref, text: c.text, ...criterion(c) })),
  }));
}
