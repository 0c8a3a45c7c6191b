import { expect } from 'vitest';
import type { Change } from '../../src-main/storage/change-log/change';
import type { ChangeFold } from '../../src-main/storage/change-log/change-fold';

/**
 * Checks that changes fold to the same state in any order, and when two copies each got part
 * of them (a sync engine mid-way) and then each other's. Returns that state.
 */
export function expectSameInAnyOrder<T>(
  changes: readonly Change[],
  newFold: () => ChangeFold,
  stateOf: (fold: ChangeFold) => T,
  shuffleKey: (id: string) => number,
  split: readonly boolean[],
): T {
  const foldAll = (list: readonly Change[]) => {
    const fold = newFold();
    for (const c of list) fold.add(c);
    return fold;
  };
  const reference = stateOf(foldAll(changes));
  const shuffled = [...changes].sort((a, b) => shuffleKey(a.id) - shuffleKey(b.id));
  expect(stateOf(foldAll(shuffled))).toEqual(reference);
  const a = newFold();
  const b = newFold();
  shuffled.forEach((c, i) => (split[i % split.length] ? a : b).add(c));
  for (const c of changes) a.add(c);
  for (const c of [...changes].reverse()) b.add(c);
  expect(stateOf(a)).toEqual(reference);
  expect(stateOf(b)).toEqual(reference);
  return reference;
}
