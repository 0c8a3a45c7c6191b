import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importUnitSpec } from '../../../src-main/unit/import';

/** A unit's outcomes and criteria, as the importer should read them whatever the layout. */
interface Tree {
  outcomes: { text: string; criteria: string[] }[];
}

const word = fc.constantFrom(
  'customer',
  'records',
  'safely',
  'the',
  'workplace',
  'stock',
  'equipment',
  'feedback',
  'procedures',
  'team',
  'quality',
  'standards',
);
const words = fc.array(word, { minLength: 2, maxLength: 7 }).map((w) => w.join(' '));
const outcome = fc
  .tuple(fc.constantFrom('Understand', 'Know', 'Be able to use'), words)
  .map(([lead, rest]) => `${lead} ${rest}`);
const criterion = fc
  .tuple(fc.constantFrom('Describe', 'Explain', 'Identify', 'Use', 'Check', 'Prepare'), words)
  .map(([verb, rest]) => `${verb} ${rest}`);
const tree: fc.Arbitrary<Tree> = fc.record({
  outcomes: fc.array(
    fc.record({ text: outcome, criteria: fc.array(criterion, { minLength: 1, maxLength: 4 }) }),
    { minLength: 1, maxLength: 4 },
  ),
});

type Layout = 'tabs' | 'pipes' | 'wrapped' | 'tabs-wrapped' | 'page';

/** Splits wording after its first word, so the second line starts in lower case. */
function wrap(text: string, at: number): [string, string] {
  const w = text.split(' ');
  const cut = Math.max(1, Math.min(w.length - 1, at));
  return [w.slice(0, cut).join(' '), w.slice(cut).join(' ')];
}

function render(t: Tree, layout: Layout, blanks: boolean[], cuts: number[]): string {
  const rows: string[] = [];
  let n = 0;
  const cut = () => cuts[n++ % cuts.length] ?? 2;
  t.outcomes.forEach((o, i) => {
    const lo = i + 1;
    o.criteria.forEach((c, j) => {
      const ac = `${lo}.${j + 1}`;
      switch (layout) {
        case 'pipes':
          rows.push(j === 0 ? `| ${lo} | ${o.text} | ${ac} | ${c} |` : `| ${ac} | ${c} |`);
          break;
        case 'tabs':
          rows.push(j === 0 ? `${lo}.\t${o.text}\t${ac}\t${c}` : `\t\t${ac}\t${c}`);
          break;
        case 'tabs-wrapped': {
          const [first, rest] = wrap(c, cut());
          rows.push(j === 0 ? `${lo}. ${o.text}\t${ac} ${first}` : `\t${ac} ${first}`);
          rows.push(`\t${rest}`);
          break;
        }
        case 'page':
          // A web page copied as text: the outcome's number styled away, the criteria numbered.
          if (j === 0) rows.push(o.text);
          rows.push(`${ac} ${c}`);
          break;
        case 'wrapped': {
          if (j === 0) {
            const [head, tail] = wrap(o.text, cut());
            rows.push(`${lo} ${head}`, tail);
          }
          const [first, rest] = wrap(c, cut());
          rows.push(`${ac} ${first}`, rest);
          break;
        }
      }
    });
  });
  const lines: string[] = ['Unit title: Reflowed unit'];
  rows.forEach((row, i) => {
    // A blank line may fall between any two rows, but not inside a wrapped sentence.
    const continuation = /^\t?[a-z]/.test(row);
    if (blanks[i % blanks.length] && !continuation) lines.push('');
    lines.push(row);
  });
  return lines.join('\n');
}

describe('a table reads the same however it is laid out', () => {
  it('imports any reflow of a table (tabs, pipes, wrapped lines, blank lines) to the same tree', () => {
    fc.assert(
      fc.property(
        tree,
        fc.constantFrom<Layout>('tabs', 'pipes', 'wrapped', 'tabs-wrapped', 'page'),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 8 }),
        (t, layout, blanks, cuts) => {
          const { unit, diagnostics } = importUnitSpec(render(t, layout, blanks, cuts));
          expect(diagnostics).toEqual([]);
          expect(
            unit.outcomes.map((o) => ({
              ref: o.ref,
              text: o.text,
              criteria: o.criteria.map((c) => `${c.ref} ${c.text}`),
            })),
          ).toEqual(
            t.outcomes.map((o, i) => ({
              ref: String(i + 1),
              text: o.text,
              criteria: o.criteria.map((c, j) => `${i + 1}.${j + 1} ${c}`),
            })),
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('a web page never breaks the importer', () => {
  const piece = fc.oneof(
    fc.constantFrom(
      '<!doctype html>',
      '<table>',
      '</table>',
      '<tr>',
      '</tr>',
      '<td rowspan="2">',
      '<td colspan="3">',
      '</td>',
      '<ol start="4">',
      '<ol type="a">',
      '</ol>',
      '<ul>',
      '</ul>',
      '<li>',
      '</li>',
      '<dl><dt>Level</dt><dd>2</dd></dl>',
      '<script>var x = "1.1 Not a criterion";</script>',
      '<h2>Learning outcomes</h2>',
      '1. Understand storage',
      '1.1 Describe shelving',
      'Be able to lift',
      '\n',
    ),
    fc.string({ maxLength: 20 }),
  );
  it('points at the right line after a bare & at the end of a line', () => {
    const html = '<table>Fish &\n<dl><dt>Level</dt><dd>2</dd></dl>';
    expect(importUnitSpec(html).lines.map((l) => l.line)).toEqual([1, 2]);
  });

  it('reads any mix of tags and text without throwing, accounting for every line of the page', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const html = `<table>${pieces.join('')}`;
        const { lines } = importUnitSpec(html);
        const nonBlank = html.split(/\r\n|\r|\n/).flatMap((l, i) => (l.trim() ? [i + 1] : []));
        expect(lines.map((l) => l.line)).toEqual(nonBlank);
      }),
      { numRuns: 200 },
    );
  });
});

describe('page text in any order never breaks the importer', () => {
  const line = fc.oneof(
    fc.constantFrom(
      'Home > Units > Unit 9',
      'Overview',
      'This unit is expiring',
      'Unit 204   Handle calls',
      'Credit value:',
      '3',
      'Level',
      'Entry 3',
      '**Level:** 2 | **Credits:** 3 | **GLH:** 20',
      'Learning Outcomes – the learner will: 1. Understand calls',
      'The learner can:',
      'Understand the phone system',
      'Be able to take a message',
      '• Describe a call',
      '- note the name',
      '.1 Identify callers',
      '1.1',
      'Explain the script, including:',
      'a. greeting',
      'Learning outcome\tAssessment criteria\tIndicative content',
      'Know the rules\t1. State a rule\tExamples',
      '\t2. Explain a rule',
      '',
    ),
    fc.string({ maxLength: 25 }),
  );
  it('accounts for every line and points every notice at a line of the text', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const text = lines.join('\n');
        const result = importUnitSpec(text);
        const nonBlank = text.split(/\r\n|\r|\n/).flatMap((l, i) => (l.trim() ? [i + 1] : []));
        expect(result.lines.map((l) => l.line)).toEqual(nonBlank);
        for (const n of [...result.notices, ...result.diagnostics]) {
          if (n.line !== null) expect(nonBlank).toContain(n.line);
        }
      }),
      { numRuns: 300 },
    );
  });
});
