import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrapText } from '../../../src-main/record/pdf/wrap-text';

// Each character is 1 unit wide: enough to check the rules without a font.
const measure = (text: string): number => text.length;

describe('wrapping text to a column', () => {
  it('breaks at spaces and keeps the text’s own line breaks', () => {
    expect(wrapText('the quick brown fox\njumps', 10, measure)).toEqual([
      'the quick',
      'brown fox',
      'jumps',
    ]);
  });

  it('breaks inside a word only when the word alone is too wide', () => {
    expect(wrapText('hash 0123456789abcdef', 8, measure)).toEqual(['hash', '01234567', '89abcdef']);
  });

  it('never makes a line wider than the column and never loses a word', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z]{1,15}$/), { maxLength: 30 }),
        fc.integer({ min: 1, max: 20 }),
        (words, width) => {
          const lines = wrapText(words.join(' '), width, measure);
          expect(lines.every((line) => line.length <= width)).toBe(true);
          expect(lines.join('').replace(/ /g, '')).toBe(words.join(''));
        },
      ),
    );
  });
});

describe('wrapping a file name', () => {
  it('breaks after a hyphen or before the extension rather than inside a word', () => {
    expect(wrapText('2026-10-25-customer-feedback-email-and-reply.pdf', 30, measure)).toEqual([
      '2026-10-25-customer-feedback-',
      'email-and-reply.pdf',
    ]);
    expect(wrapText('photo-of-the-service-standards-board.png', 36, measure)).toEqual([
      'photo-of-the-service-standards-',
      'board.png',
    ]);
    expect(wrapText('reflectiveaccountdealingwithcomplaint.txt', 38, measure)).toEqual([
      'reflectiveaccountdealingwithcomplaint',
      '.txt',
    ]);
  });

  it('cuts a hash, which has no such place, where the line ends', () => {
    expect(wrapText('0123456789abcdef0123', 8, measure)).toEqual(['01234567', '89abcdef', '0123']);
  });
});
