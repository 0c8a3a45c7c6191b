import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ulnCheckDigit, ulnProblem } from '../../../src-main/centre/uln';

describe('ULN check', () => {
  it('accepts a ULN whose check digit matches', () => {
    expect(ulnProblem('0000000042')).toBeNull();
    expect(ulnProblem('1000000019')).toBeNull();
  });

  it('explains what is wrong with a bad ULN', () => {
    expect(ulnProblem('123')).toBe('A ULN is exactly 10 digits.');
    expect(ulnProblem('10000000AB')).toBe('A ULN is exactly 10 digits.');
    expect(ulnProblem('1000000018')).toMatch(/check digit does not match/);
  });

  it('catches every single-digit typing slip', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{9}$/),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (nine, position, shift) => {
          const check = ulnCheckDigit(nine);
          fc.pre(check !== null);
          const uln = `${nine}${check}`;
          expect(ulnProblem(uln)).toBeNull();
          const digits = uln.split('');
          digits[position] = String((Number(digits[position]) + shift) % 10);
          expect(ulnProblem(digits.join(''))).not.toBeNull();
        },
      ),
    );
  });
});
