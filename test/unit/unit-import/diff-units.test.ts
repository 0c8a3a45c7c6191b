import { describe, expect, it } from 'vitest';
import { diffUnits } from '../../../src-main/unit/import';
import type { UnitSpec } from '../../../src-main/unit/unit-schema';

const before: UnitSpec = {
  title: 'Safe storage',
  level: '2',
  credits: 2,
  glh: 10,
  codes: { ofqual: 'A/123/4567', awardingBody: 'SS/2/001' },
  outcomes: [
    {
      ref: '1',
      text: 'Understand storage',
      kind: 'knowledge',
      criteria: [
        { ref: '1.1', text: 'Describe safe shelving', parts: [] },
        {
          ref: '1.2',
          text: 'Explain labelling of',
          parts: [
            { ref: 'a', text: 'shelves' },
            { ref: 'b', text: 'boxes' },
          ],
        },
      ],
    },
    {
      ref: '2',
      text: 'Be able to stack goods',
      kind: 'competence',
      criteria: [{ ref: '2.1', text: 'Stack boxes', parts: [] }],
    },
  ],
  methods: [
    { name: 'practical demonstration', use: 'prescribed' },
    { name: 'essay', use: 'optional' },
  ],
  guidance: ['Tips: Use real stock.'],
};

describe('diffUnits', () => {
  it('finds nothing between identical versions', () => {
    expect(diffUnits(before, structuredClone(before))).toEqual([]);
  });

  it('describes every kind of change in plain words', () => {
    const after = structuredClone(before);
    after.credits = 3;
    after.codes.awardingBody = null;
    const o1 = after.outcomes[0];
    if (!o1?.criteria[1]) throw new Error('fixture');
    o1.criteria[0] = { ref: '1.1', text: 'Describe safe shelving and racking', parts: [] };
    o1.criteria[1].parts = [
      { ref: 'a', text: 'shelves' },
      { ref: 'c', text: 'racks' },
    ];
    o1.criteria.push({ ref: '1.3', text: 'State load limits', parts: [] });
    after.outcomes.splice(1, 1, {
      ref: '3',
      text: 'Know the law',
      kind: 'knowledge',
      criteria: [{ ref: '3.1', text: 'Name the regulations', parts: [] }],
    });
    after.methods = [
      { name: 'practical demonstration', use: 'optional' },
      { name: 'direct observation', use: 'prescribed' },
    ];
    after.guidance = ['Tips: Use real stock where safe.'];

    expect(diffUnits(before, after).map((d) => d.description)).toEqual([
      'The credit value changed from "2" to "3"',
      'The unit code changed from "SS/2/001" to none',
      'criterion 1.1 was reworded from "Describe safe shelving" to "Describe safe shelving and racking"',
      'part 1.2b was removed: "boxes"',
      'part 1.2c was added: "racks"',
      'criterion 1.3 was added: "State load limits"',
      'learning outcome 2 was removed: "Be able to stack goods"',
      'learning outcome 3 was added: "Know the law"',
      'practical demonstration changed from prescribed to optional',
      'essay was taken out of the method grid (it was optional)',
      'direct observation was added to the method grid as prescribed',
      'Guidance removed: "Tips: Use real stock."',
      'Guidance added: "Tips: Use real stock where safe."',
    ]);
    expect(diffUnits(before, after)[2]).toMatchObject({
      subject: 'criterion',
      change: 'reworded',
      ref: '1.1',
      before: 'Describe safe shelving',
      after: 'Describe safe shelving and racking',
    });
  });
});
