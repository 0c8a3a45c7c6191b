import { describe, expect, it } from 'vitest';
import { countCriteria, criteriaMetLabel } from '../../../src-main/kernel/count-criteria';

describe('countCriteria', () => {
  it('counts criteria, not their parts', () => {
    const counts = countCriteria([
      { criterionRef: '9.1', met: true, evidenced: true },
      { criterionRef: '9.1', met: true, evidenced: true },
      { criterionRef: '9.2', met: true, evidenced: true },
      { criterionRef: '9.3', met: false, evidenced: false },
    ]);
    expect(counts).toEqual({ total: 3, met: 2, evidenced: 2 });
  });

  it('gives a criterion with parts no credit until every part is met and evidenced', () => {
    const counts = countCriteria([
      { criterionRef: '9.1', met: true, evidenced: true },
      { criterionRef: '9.1', met: false, evidenced: true },
      { criterionRef: '9.2', met: true, evidenced: false },
      { criterionRef: '9.2', met: true, evidenced: true },
    ]);
    expect(counts).toEqual({ total: 2, met: 1, evidenced: 1 });
  });

  it('counts nothing for a unit with nothing to decide', () => {
    expect(countCriteria([])).toEqual({ total: 0, met: 0, evidenced: 0 });
  });
});

describe('criteriaMetLabel', () => {
  it('says what is counted', () => {
    expect(criteriaMetLabel({ met: 12, total: 27 })).toBe('12 of 27 criteria met');
    expect(criteriaMetLabel({ met: 0, total: 1 })).toBe('0 of 1 criterion met');
  });
});
