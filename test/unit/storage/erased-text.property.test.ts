import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERASED_TEXT, scrubErasedText } from '../../../src-main/storage/learner-tombstones';

const hash = (v: string) => createHash('sha256').update(`salt\u0000${v.trim()}`).digest('hex');
/** Recognises the erased values by their hashes alone, as a tombstone does. */
function matcher(values: readonly string[]): (text: string) => boolean {
  const known = new Set(values.map(hash));
  return (text) => known.has(hash(text));
}

/** Filler words: lower case letters only, so they never make up an erased value. */
const filler = fc
  .array(fc.stringMatching(/^[a-z]{1,8}$/), { maxLength: 12 })
  .map((w) => w.join(' '));
/** Erased values (three characters or more, as searched): a name, a ULN, needs as a sentence. */
const erasedValue = fc.oneof(
  fc
    .array(fc.stringMatching(/^[A-Z][a-zë]{0,3}(’[A-Z])?[a-z-]{1,6}$/), {
      minLength: 1,
      maxLength: 4,
    })
    .map((w) => w.join(' '))
    .filter((v) => v.length >= 3),
  fc.stringMatching(/^[1-9][0-9]{9}$/),
  fc
    .array(fc.stringMatching(/^[A-Z][a-z]{2,9}:?$/), { minLength: 2, maxLength: 8 })
    .map((w) => `${w.join(' ')}.`),
);
/** How a value stands among other words: alone, quoted, bracketed, before a comma. */
const around = fc.constantFrom(
  (v: string) => ` ${v} `,
  (v: string) => ` '${v}' `,
  (v: string) => ` “${v}”, `,
  (v: string) => ` (${v}) `,
  (v: string) => ` ${v}; `,
);

describe('scrubErasedText', () => {
  it('takes out every erased value put in at a word boundary', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(erasedValue, { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(filler, fc.nat(), around), { minLength: 1, maxLength: 5 }),
        filler,
        (values, parts, tail) => {
          const text =
            parts.map(([words, i, put]) => words + put(values[i % values.length]!)).join('') + tail;
          const out = scrubErasedText(text, matcher(values));
          for (const v of values) expect(out).not.toContain(v);
          expect(out).toContain(ERASED_TEXT);
        },
      ),
    );
  });

  it('gives back the very same text when it holds no erased value', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(erasedValue, { minLength: 1, maxLength: 4 }),
        fc.string({ maxLength: 200 }),
        (values, text) => {
          fc.pre(values.every((v) => !text.includes(v)));
          expect(scrubErasedText(text, matcher(values))).toBe(text);
        },
      ),
    );
  });
});
