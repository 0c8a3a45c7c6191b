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

/** Every criterion of a unit, outcome by outcome, in the order the specification gives them. */
export function unitCriteria(unit: { outcomes: readonly Outcome[] }): Criterion[] {
  return unit.outcomes.flatMap((o) => o.criteria);
}

/** One criterion of a unit by its reference ("9.1"), if the unit has it. */
export function findCriterion(
  unit: { outcomes: readonly Outcome[] },
  ref: string,
): Criterion | undefined {
  return unitCriteria(unit).find((c) => c.ref === ref);
}
