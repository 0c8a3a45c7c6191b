import type { UnitSpec } from '../../../src-main/unit/unit-schema';

/**
 * A small unit for the marking rules: a knowledge outcome with one criterion and a competence
 * outcome whose criterion has parts a and b, with practical demonstration prescribed.
 */
export const complaintsUnit: Pick<UnitSpec, 'outcomes' | 'methods'> = {
  outcomes: [
    {
      ref: '1',
      text: 'Understand complaints procedures',
      kind: 'knowledge',
      criteria: [{ ref: '1.1', text: 'Explain the purpose of a complaints procedure', parts: [] }],
    },
    {
      ref: '2',
      text: 'Be able to deal with complaints',
      kind: 'competence',
      criteria: [
        {
          ref: '2.1',
          text: 'Follow procedures to',
          parts: [
            { ref: 'a', text: 'process complaints' },
            { ref: 'b', text: 'resolve complaints' },
          ],
        },
      ],
    },
  ],
  methods: [{ name: 'practical demonstration', use: 'prescribed' }],
};
