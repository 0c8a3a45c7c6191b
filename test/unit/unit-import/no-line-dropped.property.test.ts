import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importGuidance, importUnitSpec, lineUseKinds } from '../../../src-main/unit/import';
import { unitSpecSchema } from '../../../src-main/unit/unit-schema';

const specLine = fc.oneof(
  fc.constantFrom(
    'Unit title: Safe storage',
    'Level: Three',
    'Credit value: 3',
    'GLH: 12',
    'Learning outcome',
    'The learner will:',
    'The learner can:',
    'LEARNING OUTCOMES\tASSESSMENT CRITERIA',
    '| --- | --- |',
    '<p>',
    '</p>',
    'Essay\tO\tPractical demonstration\tP',
    'P = Prescribed',
    '## Delivery guidance',
    '- a tip for assessors',
    '',
    '   ',
    '\t\t',
  ),
  fc
    .tuple(
      fc.integer({ min: 0, max: 12 }),
      fc.integer({ min: 0, max: 12 }),
      fc.constantFrom('', '.', ')', ':'),
      fc.constantFrom('', 'AC', 'LO', 'Learning outcome ', '| ', '\t', '   '),
      fc.string({ maxLength: 30 }),
    )
    .map(([a, b, dot, prefix, text]) =>
      b % 3 === 0 ? `${prefix}${a}${dot} ${text}` : `${prefix}${a}.${b}${dot} ${text}`,
    ),
  fc
    .constantFrom('a)', '(ii)', 'b.', 'iii.')
    .chain((m) => fc.string({ maxLength: 20 }).map((t) => `${m} ${t}`)),
  fc.string({ maxLength: 60 }),
);

function nonBlankLines(text: string): number[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line, i) => (line.trim() ? i + 1 : 0))
    .filter(Boolean);
}

function check(text: string) {
  const result = importUnitSpec(text, { fileName: 'spec.txt' });
  expect(result.lines.map((l) => l.line)).toEqual(nonBlankLines(text));
  for (const l of result.lines) expect(lineUseKinds).toContain(l.use);
  expect(unitSpecSchema.safeParse(result.unit).success).toBe(true);
  for (const d of result.diagnostics) {
    expect(d.message).toBeTruthy();
    if (d.line !== null) expect(d.message.startsWith(`line ${d.line}: `)).toBe(true);
  }
  importGuidance(text);
}

describe('no text is silently dropped', () => {
  it('arbitrary strings never throw and every non-blank line is accounted for', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), check), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), check), { numRuns: 200 });
  });

  it('arbitrary mixes of specification-like lines never throw and every line is accounted for', () => {
    fc.assert(
      fc.property(
        fc.array(specLine, { maxLength: 40 }),
        fc.constantFrom('\n', '\r\n'),
        (lines, eol) => check(lines.join(eol)),
      ),
      { numRuns: 500 },
    );
  });
});
