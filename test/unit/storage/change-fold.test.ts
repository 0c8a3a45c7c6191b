import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSameInAnyOrder } from '../../support/fold-orders';
import type { Change } from '../../../src-main/storage/change-log/change';
import { ChangeFold } from '../../../src-main/storage/change-log/change-fold';
import { slotConflicts } from '../../../src-main/portfolio/portfolio-conflicts';

const SLOT = (ref: string) => `criterion/u1/${ref}/-`;

const newFold = () =>
  new ChangeFold((_c, r) => Object.freeze({ ...(r as { id: string }) }) as { id: string });

/**
 * Writers making changes apart and now and then seeing each other's: each change sets one
 * decision-like record (a criterion's outcome) and names the heads of its slot it had seen, as
 * the portfolio does.
 */
function simulate(steps: { writer: number; ref: number; outcome: number; sync: boolean }[]) {
  const writers = [0, 1, 2].map((w) => ({ name: `w${w}`, seq: 0, fold: newFold() }));
  const all: Change[] = [];
  for (const step of steps) {
    const w = writers[step.writer]!;
    if (step.sync) for (const c of all) w.fold.add(c);
    const slot = SLOT(`1.${step.ref}`);
    w.seq += 1;
    const change: Change = {
      id: `${w.name}:${w.seq}`,
      writer: w.name,
      seq: w.seq,
      clock: w.fold.maxClock + 1,
      at: '2026-12-02T00:00:00.000Z',
      owner: 'ln-1',
      ops: [
        {
          c: 'decisions',
          r: {
            id: `${w.name}-${w.seq}`,
            criterionRef: `1.${step.ref}`,
            outcome: ['met', 'not-yet-met'][step.outcome],
            updatedAt: `2026-12-02T00:00:${String(w.seq).padStart(2, '0')}.000Z`,
            updatedBy: w.name,
          },
          s: { [slot]: w.fold.headVersions(slot) },
          k: 'decision',
        },
        { c: 'audit', r: { id: `a-${w.name}-${w.seq}`, action: 'recorded decision' } },
      ],
    };
    w.fold.add(change);
    all.push(change);
  }
  return all;
}

function stateOf(fold: ChangeFold) {
  const slots = [...fold.slots.keys()].sort();
  return {
    decisions: fold.collection('decisions'),
    audit: fold.collection('audit'),
    heads: slots.map((s) => fold.headVersions(s)),
    conflicts: slots.flatMap((s) => slotConflicts(fold, s, new Set())),
  };
}

const foldAll = (changes: Change[]) => {
  const fold = newFold();
  for (const c of changes) fold.add(c);
  return fold;
};

const steps = fc.array(
  fc.record({
    writer: fc.integer({ min: 0, max: 2 }),
    ref: fc.integer({ min: 1, max: 3 }),
    outcome: fc.integer({ min: 0, max: 1 }),
    sync: fc.boolean(),
  }),
  { minLength: 1, maxLength: 40 },
);

describe('folding changes', () => {
  it('folds any order and any split across two copies to the same state, holding every change', () => {
    fc.assert(
      fc.property(
        steps,
        fc.func(fc.integer()),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        (plan, shuffleKey, split) => {
          const changes = simulate(plan);
          const reference = expectSameInAnyOrder(changes, newFold, stateOf, shuffleKey, split);

          // Every change is there: each record, and each audit entry.
          const ids = new Set(reference.decisions.map((d) => d.id));
          for (const c of changes) expect(ids.has(String(c.ops[0]!.r!.id))).toBe(true);
          expect(reference.audit).toHaveLength(changes.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('shows a criterion decided differently apart as one conflict, until one decision has seen both', () => {
    const changes = simulate([
      { writer: 0, ref: 1, outcome: 0, sync: false },
      { writer: 1, ref: 1, outcome: 0, sync: true },
      { writer: 0, ref: 1, outcome: 0, sync: false },
      { writer: 1, ref: 1, outcome: 1, sync: false },
    ]);
    const fold = foldAll(changes);
    const [conflict, ...more] = slotConflicts(fold, SLOT('1.1'), new Set());
    expect(more).toEqual([]);
    expect(conflict!.versions.map((v) => v.summary.split(' ')[0])).toEqual(
      expect.arrayContaining(['met', 'not-yet-met']),
    );
    // The assessor decides again having seen both: no conflict, both decisions kept.
    const chosen = simulate([
      { writer: 0, ref: 1, outcome: 0, sync: false },
      { writer: 1, ref: 1, outcome: 0, sync: true },
      { writer: 0, ref: 1, outcome: 0, sync: false },
      { writer: 1, ref: 1, outcome: 1, sync: false },
      { writer: 2, ref: 1, outcome: 1, sync: true },
    ]);
    const resolved = foldAll(chosen);
    expect(slotConflicts(resolved, SLOT('1.1'), new Set())).toEqual([]);
    expect(resolved.collection('decisions')).toHaveLength(5);
  });

  it('applies a change in order where the records stand, in time proportional to the change', () => {
    const fold = foldAll(simulate([{ writer: 0, ref: 1, outcome: 0, sync: false }]));
    const before = fold.collection('decisions');
    fold.add({
      id: 'w9:1',
      writer: 'w9',
      seq: 1,
      clock: 99,
      at: '',
      owner: 'ln-1',
      ops: [{ c: 'decisions', r: { id: 'x', criterionRef: '1.2' } }],
    });
    // The same list, grown in place: nothing was copied for the change.
    expect(fold.collection('decisions')).toBe(before);
    expect(fold.collection('decisions').map((d) => d.id)).toEqual(['w0-1', 'x']);
  });
});
