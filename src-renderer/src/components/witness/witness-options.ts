import type { WitnessView } from '../../../../src-main/witness/witness-contract';

type Option = { value: string; label: string };

const same = (a: string, b: string) =>
  a.trim().toLocaleLowerCase('en-GB') === b.trim().toLocaleLowerCase('en-GB');

/**
 * The witnesses to choose from, those at the learner's own employer first (they are the ones
 * who saw the learner at work), then the others, each group by name.
 */
export function witnessOptions(
  witnesses: readonly WitnessView[],
  employer: string | undefined,
): Option[] | { group: string; items: Option[] }[] {
  const option = (w: WitnessView): Option => ({
    value: w.id,
    label: `${w.name}${w.jobTitle ? `, ${w.jobTitle}` : ''}${w.expert ? ' (expert)' : ''}${w.employer ? ` · ${w.employer}` : ''}`,
  });
  const byName = [...witnesses].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const own = employer?.trim() ? byName.filter((w) => same(w.employer, employer)) : [];
  if (!own.length) return byName.map(option);
  const others = byName.filter((w) => !own.includes(w));
  return [
    { group: `At ${employer!.trim()}, the learner's employer`, items: own.map(option) },
    ...(others.length ? [{ group: 'Other employers', items: others.map(option) }] : []),
  ];
}
