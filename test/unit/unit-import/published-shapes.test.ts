import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importUnitSpec, readSpecFile } from '../../../src-main/unit/import';
import type { UnitSpec } from '../../../src-main/unit/unit-schema';

const shapes = path.join(import.meta.dirname, '../../fixtures/specs/shapes');

/** Each outcome as "ref kind: text", each criterion as "ref text", each part as "ref) text". */
function outline(unit: UnitSpec): string[] {
  return unit.outcomes.flatMap((o) => [
    `${o.ref} ${o.kind}: ${o.text}`,
    ...o.criteria.flatMap((c) => [
      `${c.ref} ${c.text}`,
      ...c.parts.map((p) => `${c.ref}${p.ref}) ${p.text}`),
    ]),
  ]);
}

interface Expected {
  details: Pick<UnitSpec, 'title' | 'level' | 'credits' | 'glh' | 'codes'>;
  outline: string[];
  guidance: string[];
  diagnostics: string[];
  notices: string[];
}

const cases: [string, string, string][] = [
  ['a unit web page copied as text', 'web-page-text.txt', 'web-page-text.expected.json'],
  [
    'unnumbered outcomes, a criterion number alone on its line and bullets under a colon',
    'unnumbered-outcomes.txt',
    'unnumbered-outcomes.expected.json',
  ],
  [
    'a Word table saved as a web page, criteria in numbered lists, indicative content beside them',
    'word-table.html',
    'word-table.expected.json',
  ],
  [
    'a handbook in Markdown with "Unit 204" and a | line of details',
    'handbook.md',
    'handbook.expected.json',
  ],
  [
    'Register text that echoes each criterion number',
    'register-echo.txt',
    'register-echo.expected.json',
  ],
  [
    'a handbook whose criteria are a numbered list under each outcome',
    'handbook-numbered-lists.txt',
    'handbook-numbered-lists.expected.json',
  ],
  [
    '"The learner will: … The learner can: …" run into one line',
    'learner-will-inline.txt',
    'learner-will-inline.expected.json',
  ],
  [
    'a Word table saved as HTML by Word, list numbers written as text in each paragraph',
    'word-export.html',
    'word-export.expected.json',
  ],
  [
    'a web page whose criteria are lists nested in the outcomes list',
    'nested-lists.html',
    'nested-lists.expected.json',
  ],
  [
    'Register text giving only ".1" before each criterion',
    'register-echo-only.txt',
    'register-echo-only.expected.json',
  ],
  [
    'a PDF text layer with its header and outcomes run together',
    'pdf-run-in.txt',
    'pdf-run-in.expected.json',
  ],
];

describe('specifications in the shapes awarding bodies publish', () => {
  it.each(cases)('reads %s', (_, file, expectedFile) => {
    const source = readFileSync(path.join(shapes, file), 'utf8');
    const expected = JSON.parse(readFileSync(path.join(shapes, expectedFile), 'utf8')) as Expected;
    const { unit, diagnostics, notices, lines } = importUnitSpec(source);
    expect({
      title: unit.title,
      level: unit.level,
      credits: unit.credits,
      glh: unit.glh,
      codes: unit.codes,
    }).toEqual(expected.details);
    expect(outline(unit)).toEqual(expected.outline);
    expect(unit.guidance).toEqual(expected.guidance);
    expect(diagnostics.map((d) => d.message)).toEqual(expected.diagnostics);
    expect(notices.map((n) => n.message)).toEqual(expected.notices);
    // Nothing lost silently: every non-blank line of the source is accounted for.
    const nonBlank = source.split(/\r\n|\r|\n/).flatMap((l, i) => (l.trim() ? [i + 1] : []));
    expect(lines.map((l) => l.line)).toEqual(nonBlank);
    for (const n of notices) {
      if (n.line !== null) expect(n.message.startsWith(`line ${n.line}: `)).toBe(true);
    }
  });

  it('reports problems in a web page against the lines of the HTML file', () => {
    const html = [
      '<!doctype html>',
      '<html><head><title>Not the unit</title></head><body>',
      '<h1>Safe lifting</h1>',
      '<table>',
      '<tr><td>1. Understand safe lifting</td><td>1.1 Describe a safe lift</td></tr>',
      '<tr><td></td><td>1.1 Describe a safe lift again</td></tr>',
      '</table>',
      '</body></html>',
    ].join('\n');
    const { unit, diagnostics } = importUnitSpec(html);
    expect(unit.title).toBe('Safe lifting');
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        line: 6,
        message:
          'line 6: criterion 1.1 appears twice (first on line 5); the second, "Describe a safe lift again", was not imported',
      },
    ]);
  });

  it('takes a label and its value on the next line, for every usual label', () => {
    const { unit } = importUnitSpec(
      [
        'Recycling at work',
        'Ofqual unit reference',
        'Y/650/0042',
        'Number of Credits',
        '1',
        'Guided learning hours',
        '9',
        'Level',
        'Entry 1',
        'Awarding body unit code',
        'RW/E1/7',
        '1. Know what can be recycled',
        '1.1 List three materials that can be recycled at work',
      ].join('\n'),
    );
    expect(unit).toMatchObject({
      title: 'Recycling at work',
      level: 'Entry 1',
      credits: 1,
      glh: 9,
      codes: { ofqual: 'Y/650/0042', awardingBody: 'RW/E1/7' },
    });
    const withNumber = importUnitSpec(
      'Recycling at work\nCity & Guilds unit number\n117\n1. Know what can be recycled\n1.1 List three materials',
    );
    expect(withNumber.unit.codes.awardingBody).toBe('117');
  });

  it('guesses a kind from the criteria verbs only where the outcome does not say, and says so', () => {
    const { unit, notices } = importUnitSpec(
      [
        'Unit title: Kinds',
        '1 Safe storage of chemicals',
        '1.1 Describe where chemicals are stored',
        '1.2 Explain why labels must not be removed',
        '2 Storing chemicals',
        '2.1 Store chemicals in a locked cupboard',
        '3 Understand labels',
        '3.1 Read a label',
      ].join('\n'),
    );
    expect(unit.outcomes.map((o) => o.kind)).toEqual(['knowledge', 'competence', 'knowledge']);
    expect(notices.map((n) => n.message)).toEqual([
      'line 2: learning outcome 1 was taken to be knowledge, because its wording does not start Understand, Know or Be able to and its criteria ask the learner to describe, explain',
      'line 5: learning outcome 2 was taken to be competence, because its wording does not start Understand, Know or Be able to and its criteria ask the learner to store',
    ]);
  });

  it('reads a Word document through its structure, lists that restart in each cell included', async () => {
    const { text, format } = await readSpecFile(path.join(shapes, 'word-lists.docx'));
    expect(format).toBe('docx');
    const { unit, diagnostics, notices } = importUnitSpec(text);
    const expected = JSON.parse(
      readFileSync(path.join(shapes, 'word-table.expected.json'), 'utf8'),
    ) as Expected;
    expect(diagnostics).toEqual([]);
    expect(outline(unit)).toEqual(expected.outline);
    expect(unit).toMatchObject(expected.details);
    expect(unit.guidance).toEqual(expected.guidance);
    expect(notices.map((n) => n.message)).toContain(
      'line 18: criterion 1.3 was numbered from its place in the list',
    );
  });

  it('reads a PDF through the positions of its text, criteria listed without numbers', async () => {
    const { text, format } = await readSpecFile(path.join(shapes, 'pdf-lists.pdf'));
    expect(format).toBe('pdf');
    const { unit, diagnostics, notices } = importUnitSpec(text);
    expect(diagnostics).toEqual([]);
    expect(unit).toMatchObject({
      title: 'Window cleaning at low level',
      level: '1',
      credits: 1,
      glh: 6,
      codes: { ofqual: 'J/650/3318', awardingBody: null },
    });
    expect(outline(unit)).toEqual([
      '1 knowledge: Understand how to clean windows safely',
      '1.1 Describe how to check a step for damage',
      '1.2 Explain why cleaning fluids are kept in labelled bottles',
      '1.3 State when to stop work because of the weather',
      '2 competence: Be able to clean a window at low level',
      '2.1 Set up a step on firm, level ground',
      '2.2 Clean the glass and frame without leaving smears',
    ]);
    expect(notices.map((n) => n.message.replace(/^line \d+: /, ''))).toEqual([
      'criterion 1.1 was numbered from its place in the list',
      'criterion 1.2 was numbered from its place in the list',
      'criterion 1.3 was numbered from its place in the list',
      'criterion 2.1 was numbered from its place in the list',
      'criterion 2.2 was numbered from its place in the list',
    ]);
  });

  it('keeps unlettered bullets under a criterion in its wording, even after a blank line', () => {
    const { unit, diagnostics } = importUnitSpec(
      [
        'Unit title: Hazards',
        '1 Understand hazards',
        '1.1 Describe the main types of hazard',
        '',
        '- slips and trips',
        '- manual handling',
        '',
        '1.2 Explain how to report a hazard',
        '',
        'Delivery guidance',
        '- use real examples',
      ].join('\n'),
    );
    expect(diagnostics).toEqual([]);
    expect(outline(unit)).toEqual([
      '1 knowledge: Understand hazards',
      '1.1 Describe the main types of hazard; slips and trips; manual handling',
      '1.2 Explain how to report a hazard',
    ]);
    expect(unit.guidance).toEqual(['Delivery guidance: use real examples']);
  });

  it('reads a Word document whose numbered lists lost their nesting', async () => {
    const { text } = await readSpecFile(path.join(shapes, 'nested-lists.docx'));
    const { unit, diagnostics } = importUnitSpec(text);
    const expected = JSON.parse(
      readFileSync(path.join(shapes, 'nested-lists.expected.json'), 'utf8'),
    ) as Expected;
    expect(diagnostics).toEqual([]);
    expect(outline(unit)).toEqual(expected.outline);
  });

  it('splits unnumbered criteria run into one line at their verbs, and says so', () => {
    const { unit, diagnostics, notices } = importUnitSpec(
      [
        'Unit title: Run on',
        'Learning Outcomes – the learner will: 1. Understand how to clean windows safely Assessment Criteria – the learner can: Describe how to check a step for damage Explain why cleaning fluids are kept in labelled bottles State when to stop work',
      ].join('\n'),
    );
    expect(diagnostics).toEqual([]);
    expect(outline(unit)).toEqual([
      '1 knowledge: Understand how to clean windows safely',
      '1.1 Describe how to check a step for damage',
      '1.2 Explain why cleaning fluids are kept in labelled bottles',
      '1.3 State when to stop work',
    ]);
    expect(notices.map((n) => n.message)).toEqual([
      'line 2: "the learner will" and "the learner can" were run together in one paragraph; they were read as separate lines',
      'line 2: criterion 1.1 was numbered from its place in the list',
      'line 2: criterion 1.2 was numbered from its place in the list',
      'line 2: criterion 1.3 was numbered from its place in the list',
    ]);
  });

  it('keeps every cell of an indicative-content column as guidance for the criterion beside it', () => {
    const { unit, diagnostics, lines } = importUnitSpec(
      [
        '<h1>Handling waste</h1>',
        '<table>',
        '<tr><th>Learning outcome</th><th>Assessment criteria</th><th>Indicative content</th></tr>',
        '<tr><td rowspan="3">1. Understand waste</td><td>1.1 Describe types of waste</td><td>General, recyclable</td></tr>',
        '<tr><td></td><td>Clinical waste</td></tr>',
        '<tr><td>1.2 Explain why waste is sorted</td><td><ul><li>Cost</li><li>Law</li></ul></td></tr>',
        '</table>',
      ].join('\n'),
    );
    expect(diagnostics).toEqual([]);
    expect(outline(unit)).toEqual([
      '1 knowledge: Understand waste',
      '1.1 Describe types of waste',
      '1.2 Explain why waste is sorted',
    ]);
    expect(unit.guidance).toEqual([
      'Indicative content for 1.1: General, recyclable',
      'Indicative content for 1.1: Clinical waste',
      'Indicative content for 1.2: Cost',
      'Indicative content for 1.2: Law',
    ]);
    expect(lines.find((l) => l.line === 5)?.use).toBe('guidance');
  });

  it('reads values written with their unit and a dated expiry notice as page furniture', () => {
    const { unit, notices } = importUnitSpec(
      [
        'This unit is expiring on 31 July 2027',
        'Filing records',
        'Credit value',
        '3 credits',
        'Guided learning hours (GLH)',
        '20 hours',
        'Level',
        '1 Know how records are filed',
        '1.1 Describe a filing system',
      ].join('\n'),
    );
    expect(unit).toMatchObject({ title: 'Filing records', credits: 3, glh: 20, level: null });
    expect(outline(unit)).toEqual([
      '1 knowledge: Know how records are filed',
      '1.1 Describe a filing system',
    ]);
    expect(notices.map((n) => n.line)).toEqual([1]);
  });

  it('never takes the title or a line of details as the wording of an unnumbered outcome', () => {
    const { unit, diagnostics } = importUnitSpec(
      'Stock control\n\nLevel: 2\n\n1.1 Describe stock\n\nShelf work\n\n2.1 Fill shelves',
    );
    expect(unit).toMatchObject({ title: 'Stock control', level: '2' });
    expect(outline(unit)).toEqual([
      '1 knowledge: ',
      '1.1 Describe stock',
      '2 competence: Shelf work',
      '2.1 Fill shelves',
    ]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'line 5: criterion 1.1 comes before any learning outcome 1',
      'line 5: learning outcome 1 has no wording of its own',
    ]);
  });

  it('keeps a unit number given inside the title label apart from the title', () => {
    const { unit } = importUnitSpec(
      'Unit title: Unit 310 – Lead a small team\n1 Understand teams\n1.1 Describe a team',
    );
    expect(unit.title).toBe('Lead a small team');
    expect(unit.codes).toEqual({ ofqual: null, awardingBody: null, unitNumber: '310' });
  });

  it('reads a bulleted list straight under an unnumbered outcome as its criteria', () => {
    const { unit, diagnostics, notices } = importUnitSpec(
      [
        'Unit title: Bullets',
        '',
        'Understand safe lifting',
        '  • Describe a safe lift',
        '  • Explain why loads are tested',
        'Be able to lift safely',
        '  • Lift a load',
        '',
        'Delivery guidance',
        '  • Use real loads',
      ].join('\n'),
    );
    expect(diagnostics).toEqual([]);
    expect(outline(unit)).toEqual([
      '1 knowledge: Understand safe lifting',
      '1.1 Describe a safe lift',
      '1.2 Explain why loads are tested',
      '2 competence: Be able to lift safely',
      '2.1 Lift a load',
    ]);
    expect(unit.guidance).toEqual(['Delivery guidance: Use real loads']);
    expect(notices).toHaveLength(5);
  });
});
