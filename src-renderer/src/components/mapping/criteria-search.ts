import type { UnitTreeView } from '../../../../src-main/learner/learner-contract';

/**
 * The units narrowed to the criteria (and parts) whose number or words contain the query, as
 * the marking screen's E dialog narrows its list.
 */
export function narrowCriteria(units: UnitTreeView[], query: string) {
  const needle = query.trim().toLocaleLowerCase('en-GB');
  const has = (text: string) => text.toLocaleLowerCase('en-GB').includes(needle);
  return units
    .map((unit) => ({
      ...unit,
      criteria: unit.outcomes.flatMap((o) =>
        o.criteria
          .map((c) => ({
            ...c,
            parts: has(`${c.ref} ${c.text}`)
              ? c.parts
              : c.parts.filter((p) => has(`${c.ref} ${p.ref} ${p.text}`)),
          }))
          .filter((c) => !needle || has(`${c.ref} ${c.text}`) || c.parts.length > 0),
      ),
    }))
    .filter((unit) => unit.criteria.length > 0 || has(unit.title));
}

export type NarrowedUnit = ReturnType<typeof narrowCriteria>[number];
