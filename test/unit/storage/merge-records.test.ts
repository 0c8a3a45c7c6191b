import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeCopies } from '../../../src-main/storage/merge-records';

interface Person {
  id: string;
  updatedAt: string;
  name: string;
  email: string;
}
interface Doc {
  name: string;
  people: Person[];
  audit: { id: string; action: string }[];
}

const base: Doc = {
  name: 'Northgate',
  people: [
    { id: 'p1', updatedAt: '2026-12-01T09:00:00Z', name: 'Ann', email: 'ann@a' },
    { id: 'p2', updatedAt: '2026-12-01T09:00:00Z', name: 'Ben', email: 'ben@a' },
  ],
  audit: [{ id: 'a0', action: 'created' }],
};

/** What one computer did while apart: people added, people edited, entries appended. */
const edits = (tag: string) =>
  fc
    .record({
      added: fc.array(fc.string({ maxLength: 5 }), { maxLength: 4 }),
      renamed: fc.option(fc.constantFrom('p1', 'p2'), { nil: null }),
      minute: fc.integer({ min: 10, max: 59 }),
    })
    .map(({ added, renamed, minute }): Doc => {
      const at = `2026-12-02T09:${minute}:00Z`;
      return {
        ...base,
        people: [
          ...base.people.map((p) =>
            p.id === renamed ? { ...p, name: `${p.name} (${tag})`, updatedAt: at } : p,
          ),
          ...added.map((name, i) => ({ id: `${tag}${i}`, updatedAt: at, name, email: '' })),
        ],
        audit: [...base.audit, ...added.map((_, i) => ({ id: `${tag}-au${i}`, action: 'added' }))],
      };
    });

describe('merging two copies of a document changed apart', () => {
  it('holds every record of both, whichever copy is taken as ours', () => {
    fc.assert(
      fc.property(edits('a'), edits('b'), (a, b) => {
        const ab = mergeCopies(a, b).merged as Doc;
        const ba = mergeCopies(b, a).merged as Doc;
        const ids = (d: Doc) => d.people.map((p) => p.id).sort();
        expect(ids(ab)).toEqual([...new Set([...ids(a), ...ids(b)])].sort());
        expect(ab.audit.map((e) => e.id).sort()).toEqual(
          [...new Set([...a.audit, ...b.audit].map((e) => e.id))].sort(),
        );
        // Both computers end with the same records, whichever copy each took as its own.
        const byId = (d: Doc) => Object.fromEntries(d.people.map((p) => [p.id, p]));
        expect(byId(ab)).toEqual(byId(ba));
      }),
    );
  });

  it('changes nothing when the copies agree', () => {
    expect(mergeCopies(base, structuredClone(base))).toEqual({ merged: base, differences: [] });
  });

  it('keeps the later of two changes to one field and reports the other', () => {
    const office = structuredClone(base);
    office.people[0] = {
      ...office.people[0]!,
      email: 'ann@office',
      updatedAt: '2026-12-02T09:00:00Z',
    };
    const laptop = structuredClone(base);
    laptop.people[0] = {
      ...laptop.people[0]!,
      email: 'ann@laptop',
      updatedAt: '2026-12-02T10:00:00Z',
    };
    laptop.people[1] = {
      ...laptop.people[1]!,
      name: 'Benjamin',
      updatedAt: '2026-12-02T10:00:00Z',
    };
    const { merged, differences } = mergeCopies(office, laptop);
    const people = (merged as Doc).people;
    expect(people[0]).toMatchObject({ email: 'ann@laptop', updatedAt: '2026-12-02T10:00:00Z' });
    expect(people[1]).toMatchObject({ name: 'Benjamin' });
    expect(differences).toEqual([
      { where: 'people[p1].email', kept: 'ann@laptop', other: 'ann@office' },
      { where: 'people[p2].name', kept: 'Benjamin', other: 'Ben' },
    ]);
  });

  it('keeps, for a record both changed, the later one, and reports every value of the other', () => {
    // Two copies carry no record of what they started from, so the later change is kept and the
    // earlier one's values are reported: they go on the audit trail, and the copy is kept aside.
    const office = structuredClone(base);
    office.people[0] = {
      ...office.people[0]!,
      email: 'ann@office',
      updatedAt: '2026-12-02T09:00:00Z',
    };
    const laptop = structuredClone(base);
    laptop.people[0] = { ...laptop.people[0]!, name: 'Anne', updatedAt: '2026-12-02T10:00:00Z' };
    const { merged, differences } = mergeCopies(office, laptop);
    expect((merged as Doc).people[0]).toMatchObject({ name: 'Anne', email: 'ann@a' });
    expect(differences).toContainEqual({
      where: 'people[p1].email',
      kept: 'ann@a',
      other: 'ann@office',
    });
  });
});
