import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importUnitSpec } from '../../../src-main/unit/import';
import type { UnitSpec } from '../../../src-main/unit/unit-schema';

const specs = path.join(import.meta.dirname, '../../fixtures/specs');
const read = (name: string) => importUnitSpec(readFileSync(path.join(specs, name), 'utf8'));

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

describe('layouts awarding bodies publish', () => {
  it('reads "Learning outcome / The learner will: / Assessment criteria / The learner can:" blocks', () => {
    const { unit, diagnostics } = read('learner-will-blocks.txt');
    expect(diagnostics).toEqual([]);
    // "Unit 204: …" gives the unit its number; the title is the words after it.
    expect(unit.title).toBe('Health and safety in the workplace');
    expect(unit.level).toBe('Entry 3');
    expect(unit.credits).toBe(2);
    expect(unit.glh).toBe(15);
    expect(unit.codes).toEqual({
      ofqual: 'T/650/1234',
      awardingBody: 'HSW/2/204',
      unitNumber: '204',
    });
    expect(outline(unit)).toEqual([
      '1 knowledge: Understand the legal duties of employers and employees',
      '1.1 outline the main duties of employers under health and safety law',
      '1.2 describe the duties of employees to work safely and to report hazards to a supervisor',
      '2 competence: Be able to report hazards in the workplace',
      '2.1 Identify hazards in own work area',
      "2.2 Report hazards using the organisation's procedures, including:",
      '2.2i) verbal reports to a supervisor',
      '2.2ii) written reports in the accident book',
      '2.2iii) electronic reporting systems',
    ]);
    expect(unit.guidance).toEqual([
      'Unit aim: This unit introduces the duties that employers and employees have for keeping the workplace safe.',
      'Range: Hazards: slips, trips, falls, manual handling, hazardous substances.',
    ]);
  });

  it('reads a two-column table copied out of a PDF, joining wrapped lines into sentences', () => {
    const { unit, diagnostics } = read('pdf-two-column.txt');
    expect(diagnostics).toEqual([]);
    expect(unit.level).toBe('2');
    expect(unit.credits).toBe(3);
    expect(outline(unit)).toEqual([
      '1 knowledge: Understand the hazards of substances used at work',
      '1.1 Describe the main routes by which hazardous substances enter the body',
      '1.2 Explain how safety data sheets are used to control risks',
      '2 competence: Be able to handle substances safely',
      '2.1 Select personal protective equipment for a given task',
      "2.2 Store substances in line with the manufacturer's instructions",
      '2.3 Dispose of waste safely, including:',
      '2.3a) unused product',
      '2.3b) empty containers',
    ]);
  });

  it('keeps columns apart when a PDF row puts its criteria above the outcome', () => {
    const text = [
      'Unit title: Lone working',
      '1  Understand the risks of working alone   1.1  Describe the risks of working',
      '                                           alone in a customer’s home',
      '                                           2.1  Agree a check-in routine with',
      '2  Be able to work alone safely',
      '                                           a supervisor',
    ].join('\n');
    const { unit, diagnostics } = importUnitSpec(text);
    expect(outline(unit)).toEqual([
      '1 knowledge: Understand the risks of working alone',
      '1.1 Describe the risks of working alone in a customer’s home',
      '2 competence: Be able to work alone safely',
      '2.1 Agree a check-in routine with a supervisor',
    ]);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        line: 4,
        message: 'line 4: criterion 2.1 comes before any learning outcome 2',
      }),
    ]);
  });

  it('reads a Word table pasted as tabs with empty first cells on continuation rows', () => {
    const { unit, diagnostics, lines } = read('word-tabs.txt');
    expect(diagnostics).toEqual([]);
    expect(unit.title).toBe('Food hygiene for catering staff');
    expect(unit.level).toBe('2');
    expect(unit.glh).toBe(10);
    expect(outline(unit)).toEqual([
      '1 knowledge: Understand why food safety matters',
      '1.1 Explain the causes of food poisoning',
      '1.2 Describe the groups of people most at risk',
      '2 competence: Be able to keep food safe',
      '2.1 Store chilled food at the correct temperature',
      '2.2 Clean work surfaces using the correct method:',
      '2.2a) before preparing food',
      '2.2b) after preparing raw meat',
    ]);
    expect(lines.find((l) => l.line === 5)?.use).toBe('heading');
  });

  it('reads Markdown headings and lists with LO and AC numbering', () => {
    const { unit, diagnostics } = read('markdown-headings.md');
    expect(diagnostics).toEqual([]);
    expect(unit.title).toBe('Manual handling in the workplace');
    expect(unit).toMatchObject({ level: '1', credits: 1, glh: 8 });
    expect(outline(unit)).toEqual([
      '1 knowledge: Know the risks of manual handling',
      '1.1 Identify injuries caused by poor lifting',
      '1.2 State why loads should be assessed before lifting',
      '2 competence: Be able to lift and carry loads safely',
      '2.1 Assess a load before lifting it',
      '2.2 Use safe techniques to:',
      '2.2a) lift a load from the floor',
      '2.2b) carry a load',
      '2.2c) set a load down',
      '2.3 Ask for help with loads that are too heavy',
    ]);
    expect(unit.guidance).toEqual([
      'Delivery guidance: Learners should practise with empty boxes first.',
    ]);
  });

  it('normalises every way of writing outcome, criterion and part numbers', () => {
    const text = [
      'Title: Numbering',
      'LO1 Understand numbering',
      '1.1. First with a trailing dot',
      '1.2) Second with a bracket',
      'AC1.3 Third with AC',
      'AC 1.4: Fourth with AC and a colon',
      'Learning outcome 2 - Be able to number parts',
      '2.1 Use parts',
      'a. first letter',
      'b. second letter',
      '2.2 Use numerals (i) one (ii) two',
      '2.3 Use numerals i) one ii. two',
      'Outcome 3: Know the last one',
      '3.1 Only criterion',
    ].join('\n');
    const { unit, diagnostics } = importUnitSpec(text);
    expect(diagnostics).toEqual([]);
    expect(outline(unit)).toEqual([
      '1 knowledge: Understand numbering',
      '1.1 First with a trailing dot',
      '1.2 Second with a bracket',
      '1.3 Third with AC',
      '1.4 Fourth with AC and a colon',
      '2 competence: Be able to number parts',
      '2.1 Use parts',
      '2.1a) first letter',
      '2.1b) second letter',
      '2.2 Use numerals',
      '2.2i) one',
      '2.2ii) two',
      '2.3 Use numerals',
      '2.3i) one',
      '2.3ii) two',
      '3 knowledge: Know the last one',
      '3.1 Only criterion',
    ]);
  });

  it('reads the level, credits and hours however they are written', () => {
    const levelOf = (line: string) =>
      importUnitSpec(`Title: T\n${line}\n1 Know\n1.1 Do`).unit.level;
    expect(levelOf('Level: Three')).toBe('3');
    expect(levelOf('Level 3')).toBe('3');
    expect(levelOf('Level: L3')).toBe('3');
    expect(levelOf('Entry Level 2')).toBe('Entry 2');
    expect(levelOf('Level: Entry 1')).toBe('Entry 1');
    expect(levelOf('RQF level: 8')).toBe('8');
    const details = importUnitSpec(
      'Unit title: T\nCredits: 4\nGuided learning hours (GLH): 30\nURN: K/615/0001\nOCN London unit code: AB1/2/CD/003\n1 Know\n1.1 Do',
    ).unit;
    expect(details).toMatchObject({ credits: 4, glh: 30 });
    expect(details.codes).toEqual({ ofqual: 'K/615/0001', awardingBody: 'AB1/2/CD/003' });
  });

  it('strips markup and keeps the wording', () => {
    const { unit } = importUnitSpec(
      'Unit title: **Safe lifting**\n<p>1. Understand   the <b>law</b></p>\t<p>1.1. Name the regulations</p>',
    );
    expect(unit.title).toBe('Safe lifting');
    expect(outline(unit)).toEqual(['1 knowledge: Understand the law', '1.1 Name the regulations']);
  });

  it('leaves page numbers out of a criterion that wraps across pages', () => {
    const { unit, lines } = importUnitSpec(
      'Title: T\n1 Be able to help\n1.1 Greet customers in line with\nPage 4 of 12\nOrganisational standards',
    );
    expect(unit.outcomes[0]?.criteria[0]?.text).toBe(
      'Greet customers in line with Organisational standards',
    );
    expect(lines.find((l) => l.line === 4)?.use).toBe('ignored-markup');
  });

  it('says "The learner will" outcomes that start with understand are knowledge', () => {
    const { unit } = importUnitSpec('Title: T\n1 The learner will: understand risk\t1.1 Do');
    expect(unit.outcomes[0]?.kind).toBe('knowledge');
  });
});
