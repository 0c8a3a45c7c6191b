import { describe, expect, it } from 'vitest';
import { placeInLibrary, unitIdFor } from '../../src-main/unit/unit-library';
import type { StoredUnit, UnitSpec } from '../../src-main/unit/unit-schema';

const spec: UnitSpec = {
  title: 'Health and safety in the workplace',
  level: '2',
  credits: 2,
  glh: 15,
  codes: { ofqual: 'K/601/1234', awardingBody: null },
  outcomes: [
    {
      ref: '1',
      text: 'Know how to keep the workplace safe',
      kind: 'knowledge',
      criteria: [{ ref: '1.1', text: 'List common hazards', parts: [] }],
    },
  ],
  methods: [],
  guidance: [],
};
const extra = {
  source: { fileName: 'hs.txt', text: '…' },
  awardingBody: 'Example AB',
  builtIn: false,
  now: new Date('2026-11-24T10:00:00Z'),
};

describe('the unit library', () => {
  it('names a unit by its Ofqual reference, else its own code, else its title', () => {
    expect(unitIdFor(spec)).toBe('unit-k-601-1234');
    expect(unitIdFor({ ...spec, codes: { ofqual: null, awardingBody: 'PA1/3/LQ/044' } })).toBe(
      'unit-pa1-3-lq-044',
    );
    expect(unitIdFor({ ...spec, codes: { ofqual: null, awardingBody: null } })).toBe(
      'unit-health-and-safety-in-the-workplace',
    );
  });

  it('starts a new unit at version 1, adds a version when the specification changes, and ignores a re-import', () => {
    const first = placeInLibrary([], spec, extra);
    expect(first).toMatchObject({ status: 'new', unit: { version: 1, id: 'unit-k-601-1234' } });
    const library: StoredUnit[] = [first.unit];

    expect(
      placeInLibrary(library, spec, { ...extra, source: { fileName: 'again.txt', text: 'x' } }),
    ).toMatchObject({
      status: 'unchanged',
      unit: { version: 1 },
    });

    const reworded = structuredClone(spec);
    reworded.outcomes[0]!.criteria[0]!.text = 'List common hazards and how to report them';
    const second = placeInLibrary(library, reworded, extra);
    expect(second).toMatchObject({
      status: 'new-version',
      unit: { version: 2 },
      previous: { version: 1 },
    });
  });
});
