import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGuidance, importUnitSpec } from '../../../src-main/unit/import';
import type { UnitSpec } from '../../../src-main/unit/unit-schema';

const seedsDir = path.join(import.meta.dirname, '../../fixtures/specs/seeds');

function seed(name: string) {
  const text = readFileSync(path.join(seedsDir, name), 'utf8');
  return { text, result: importUnitSpec(text, { fileName: name }) };
}

function refs(unit: UnitSpec): string[] {
  return unit.outcomes.flatMap((o) => o.criteria.map((c) => c.ref));
}

function criterion(unit: UnitSpec, ref: string) {
  return unit.outcomes.flatMap((o) => o.criteria).find((c) => c.ref === ref);
}

const externalRefs = [
  '1.1', '2.1', '3.1', '3.2', '3.3', '3.4', '4.1', '4.2', '4.3', '5.1', '5.2', '5.3', '5.4',
  '6.1', '6.2', '6.3', '7.1', '7.2', '7.3', '7.4', '8.1', '8.2', '8.3', '9.1', '10.1', '10.2',
  '10.3',
]; // prettier-ignore

function expectPartsOf91(unit: UnitSpec) {
  const c = criterion(unit, '9.1');
  expect(c?.text).toBe('Follow procedures, within agreed timescale, to');
  expect(c?.parts.map((p) => p.ref)).toEqual(['a', 'b', 'c']);
  expect(c?.parts[0]?.text).toBe('process problems and complaints');
  expect(c?.parts[1]?.text).toBe('resolve problems and complaints');
  expect(c?.parts[2]?.text).toMatch(/^refer problems and complaints, where necessary\.?$/);
}

function expectEveryLineUsed(text: string, lines: { line: number }[]) {
  const nonBlank = text
    .split(/\r?\n/)
    .map((l, i) => (l.trim() ? i + 1 : 0))
    .filter(Boolean);
  expect(lines.map((l) => l.line)).toEqual(nonBlank);
}

describe('the OCN London tab layout (external customers, Level 3)', () => {
  const { text, result } = seed('external-customers-l3-ocn.txt');
  const unit = result.unit;

  it('reads the unit details', () => {
    expect(unit.title).toBe('Deliver, Monitor and Evaluate Customer Service to External Customers');
    expect(unit.level).toBe('3');
    expect(unit.credits).toBe(3);
    expect(unit.glh).toBe(12);
    expect(unit.codes).toEqual({ ofqual: 'J/508/4003', awardingBody: 'PA1/3/LQ/044' });
  });

  it('reads ten outcomes, several criteria per cell and parts written inline', () => {
    expect(unit.outcomes.map((o) => o.ref)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
    ]);
    expect(refs(unit)).toEqual(externalRefs);
    expect(unit.outcomes[0]?.text).toBe('Understand the meaning of external customers.');
    expect(criterion(unit, '3.2')?.text).toBe(
      'Explain why customer service must meet or exceed customer expectations.',
    );
    expect(criterion(unit, '10.3')?.text).toBe(
      'Take actions that will lead to improvement in service(s) to external customers',
    );
    expectPartsOf91(unit);
  });

  it('strips the stray paragraph tags', () => {
    expect(JSON.stringify(unit)).not.toMatch(/<\/?p>/);
    expect(unit.outcomes[5]?.text).toBe(
      'Understand how to monitor and evaluate external customer service and the benefits of this.',
    );
  });

  it('tells knowledge outcomes from competence outcomes', () => {
    expect(unit.outcomes.map((o) => o.kind)).toEqual([
      ...Array<string>(6).fill('knowledge'),
      ...Array<string>(4).fill('competence'),
    ]);
  });

  it('reads the assessment-method grid: practical demonstration prescribed', () => {
    expect(unit.methods).toContainEqual({ name: 'practical demonstration', use: 'prescribed' });
    expect(unit.methods.filter((m) => m.use === 'prescribed')).toHaveLength(1);
    expect(unit.methods).toContainEqual({ name: 'essay', use: 'optional' });
    expect(unit.methods).toContainEqual({ name: 'written description', use: 'optional' });
    expect(unit.methods).toContainEqual({ name: 'Oral question and answer', use: 'optional' });
    expect(unit.methods).toContainEqual({
      name: 'Written question & answer/test/exam',
      use: 'optional',
    });
    expect(unit.methods).toHaveLength(5);
  });

  it('keeps the assessment note as guidance and reports nothing', () => {
    expect(unit.guidance).toHaveLength(1);
    expect(unit.guidance[0]).toMatch(/^Assessment: The grid below gives details/);
    expect(result.diagnostics).toEqual([]);
    expectEveryLineUsed(text, result.lines);
  });
});

describe('the pipe-table layout', () => {
  it('reads external customers with continuation rows', () => {
    const { text, result } = seed('external-customers-l3.md');
    expect(refs(result.unit)).toEqual(externalRefs);
    expect(result.unit.outcomes[3]?.text).toBe(
      'Understand the purpose of quality standards and timescales for customer service to external customers',
    );
    expect(criterion(result.unit, '5.2')?.text).toBe(
      'Explain the consequences of not meeting external customer needs and expectations',
    );
    expectPartsOf91(result.unit);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expectEveryLineUsed(text, result.lines);
  });

  it('reads internal customers', () => {
    const { result } = seed('internal-customers.md');
    const unit = result.unit;
    expect(unit.outcomes).toHaveLength(10);
    expect(unit.outcomes[4]?.criteria.map((c) => c.ref)).toEqual(['5.1', '5.2', '5.3']);
    expect(criterion(unit, '5.3')?.text).toBe(
      'Explain the purpose and value of a complaints procedure, if applicable',
    );
    expect(refs(unit)).toHaveLength(26);
    expectPartsOf91(unit);
    expect(unit.outcomes[9]?.kind).toBe('competence');
  });

  it('reads principles of customer service with lower-case criterion verbs', () => {
    const { result } = seed('principles-of-customer-service.md');
    const unit = result.unit;
    expect(unit.outcomes.map((o) => o.criteria.length)).toEqual([4, 4, 4, 7, 5]);
    expect(unit.outcomes.every((o) => o.kind === 'knowledge')).toBe(true);
    expect(criterion(unit, '4.4')?.text).toBe(
      'justify ethical and value based approaches of organisations to customer service',
    );
    expect(unit.level).toBeNull();
  });

  it('uses the file name as the title when the table has none, and says so', () => {
    const { result } = seed('internal-customers.md');
    expect(result.unit.title).toBe('Internal customers');
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(/No unit title/),
      }),
    ]);
    const noName = importUnitSpec(
      readFileSync(path.join(seedsDir, 'internal-customers.md'), 'utf8'),
    );
    expect(noName.diagnostics[0]).toMatchObject({
      severity: 'error',
      message: expect.stringMatching(/No unit title/),
    });
  });
});

describe('the topic synopsis (guidance for a unit)', () => {
  const { text, result } = seed('external-customers-topic-synopsis.txt');

  it('is reported as having no learning outcomes', () => {
    expect(result.unit.outcomes).toEqual([]);
    expect(result.diagnostics[0]).toMatchObject({
      severity: 'error',
      message: expect.stringMatching(/No learning outcomes/),
    });
    expectEveryLineUsed(text, result.lines);
  });

  it('yields guidance statements under their headings', () => {
    const guidance = importGuidance(text);
    expect(guidance).toEqual(result.unit.guidance);
    expect(guidance).toHaveLength(22);
    expect(guidance).toContain(
      'Common Misconceptions & Mistakes to Avoid: Confusing external customers with internal stakeholders or suppliers.',
    );
    expect(guidance.filter((g) => g.startsWith('Examiner Marking Points: '))).toHaveLength(6);
    expect(guidance.filter((g) => g.startsWith('Exam Tips & Revision Strategies: '))).toHaveLength(
      5,
    );
    expect(guidance.filter((g) => g.startsWith('Key Concepts & Core Principles: '))).toHaveLength(
      4,
    );
    expect(guidance[1]).toMatch(/^Topic Synopsis: This subtopic focuses/);
  });
});
