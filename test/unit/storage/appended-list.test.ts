import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffPortfolio } from '../../../src-main/portfolio/portfolio-changes';
import { newPortfolio } from '../../../src-main/portfolio/portfolio';
import { auditEntry } from '../../../src-main/audit/audit';
import { appended, appendedParts } from '../../../src-main/shared/appended-list';

const actor = { id: 'st-test', role: 'assessor' as const };

describe('a list with items appended without copying', () => {
  it('reads exactly as the copied list would, whatever it is asked', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.array(fc.array(fc.integer())), (base, batches) => {
        let list: number[] = base;
        let expected = [...base];
        for (const batch of batches) {
          list = appended(list, ...batch);
          expected = [...expected, ...batch];
        }
        expect(Array.isArray(list)).toBe(true);
        expect(list.length).toBe(expected.length);
        expect([...list]).toEqual(expected);
        expect(JSON.parse(JSON.stringify(list))).toEqual(expected);
        expect(list.map((n) => n * 2)).toEqual(expected.map((n) => n * 2));
        expect(list.at(-1)).toBe(expected.at(-1));
        expect(Object.keys(list)).toEqual(Object.keys(expected));
        for (let i = 0; i < expected.length; i += 1) expect(list[i]).toBe(expected[i]);
      }),
    );
  });

  it('keeps the list as it was when appended to, though the base grows later', () => {
    const base = [1, 2];
    const list = appended(base, 3);
    base.push(99);
    expect([...list]).toEqual([1, 2, 3]);
    expect(appendedParts(list)).toEqual({ base, baseLength: 2, added: [3] });
  });

  it('cannot be changed in place', () => {
    const list = appended([1], 2);
    expect(() => {
      'use strict';
      list.push(3);
    }).toThrow();
    expect([...list]).toEqual([1, 2]);
  });

  it('is saved as only the new records, never the history', () => {
    const now = new Date('2026-12-02T10:00:00Z');
    let before = newPortfolio('ln-a');
    before = {
      ...before,
      audit: Array.from({ length: 50 }, (_, i) => auditEntry(actor, now, 'viewed', `item ${i}`)),
    };
    const first = auditEntry(actor, now, 'recorded decision', 'criterion 1.1');
    const second = auditEntry(actor, now, 'recorded decision', 'criterion 1.2');
    const after = { ...before, audit: appended(appended(before.audit, first), second) };
    expect(diffPortfolio(before, after)).toEqual([
      { c: 'audit', r: { ...first } },
      { c: 'audit', r: { ...second } },
    ]);
    // Appended to a list other than the one saved: compared record by record instead.
    const elsewhere = { ...before, audit: appended(before.audit.slice(0, 49), first) };
    const ops = diffPortfolio(before, elsewhere);
    expect(ops).toContainEqual({ c: 'audit', r: { ...first } });
    expect(ops).toContainEqual({ c: 'audit', del: before.audit[49]!.id });
  });
});
