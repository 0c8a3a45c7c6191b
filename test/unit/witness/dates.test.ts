import { describe, expect, it } from 'vitest';
import { readDay } from '../../../src-main/witness/dates';

describe('dates as witnesses write them', () => {
  it.each([
    ['2026-02-14', '2026-02-14'],
    ['14/02/2026', '2026-02-14'],
    ['4/2/26', '2026-02-04'],
    ['14.02.2026', '2026-02-14'],
    ['14 February 2026', '2026-02-14'],
    ['1st March 2026', '2026-03-01'],
    [' 3 Sept 2026 ', '2026-09-03'],
  ])('reads %j as %s', (text, day) => expect(readDay(text)).toBe(day));

  it.each(['', 'last Tuesday', '31/02/2026', '2026-13-01', '14 Smarch 2026'])(
    'gives up on %j rather than guess',
    (text) => expect(readDay(text)).toBe(''),
  );
});
