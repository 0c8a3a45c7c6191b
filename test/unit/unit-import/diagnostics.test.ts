import { describe, expect, it } from 'vitest';
import { importUnitSpec } from '../../../src-main/unit/import';

const spec = (...lines: string[]) =>
  importUnitSpec(['Unit title: Safe storage', ...lines].join('\n'));

describe('diagnostics say what could not be read, with line numbers', () => {
  it('reports a criterion that appears twice and keeps the first', () => {
    const { unit, diagnostics, lines } = spec(
      '1 Understand storage',
      '1.1 Describe safe shelving',
      '2 Be able to store goods',
      '2.1 Stack boxes safely',
      '2.2 Label shelves clearly',
      '2.2 Label shelves again',
    );
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        line: 7,
        message:
          'line 7: criterion 2.2 appears twice (first on line 6); the second, "Label shelves again", was not imported',
      },
    ]);
    expect(unit.outcomes[1]?.criteria.map((c) => c.text)).toEqual([
      'Stack boxes safely',
      'Label shelves clearly',
    ]);
    expect(lines.find((l) => l.line === 7)?.use).toBe('reported');
  });

  it('reports a criterion that comes before its outcome and files it under that outcome', () => {
    const { unit, diagnostics } = spec(
      '1 Understand storage',
      '1.1 Describe safe shelving',
      '2.1 Stack boxes safely',
      '2 Be able to store goods',
      '2.2 Label shelves clearly',
    );
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        line: 4,
        message: 'line 4: criterion 2.1 comes before any learning outcome 2',
      },
    ]);
    expect(unit.outcomes[1]).toMatchObject({
      ref: '2',
      text: 'Be able to store goods',
      criteria: [{ ref: '2.1' }, { ref: '2.2' }],
    });
  });

  it('reports an outcome without criteria', () => {
    const { diagnostics } = spec(
      '1 Understand storage',
      '1.1 Describe safe shelving',
      '2 Be able to store goods',
    );
    expect(diagnostics).toEqual([
      { severity: 'warning', line: 4, message: 'line 4: learning outcome 2 has no criteria' },
    ]);
  });

  it('reports gaps in the numbering and a criterion under the wrong outcome', () => {
    const { diagnostics } = spec(
      '1 Understand storage',
      '1.1 Describe safe shelving',
      '1.3 Describe safe racking',
      '3 Be able to store goods',
      '3.1 Stack boxes safely',
      '1.4 Explain load limits',
    );
    expect(diagnostics.map((d) => d.message)).toEqual([
      'line 4: criterion 1.2 is missing (1.3 follows 1.1)',
      'line 5: learning outcome 2 is missing (outcome 3 follows 1)',
      'line 7: criterion 1.4 appears under learning outcome 3; it was kept with learning outcome 1',
    ]);
  });

  it('reports a level it cannot read and a stated count that does not match', () => {
    const { unit, diagnostics, lines } = spec(
      'Level: Advanced',
      'This unit has 2 learning outcomes',
      '1 Understand storage',
      '1.1 Describe safe shelving',
    );
    expect(unit.level).toBeNull();
    expect(diagnostics.map((d) => d.message)).toEqual([
      'line 2: the level "Advanced" could not be read; write it as 1 to 8 or Entry 1 to Entry 3',
      'the specification says it has 2 learning outcomes but 1 were found',
    ]);
    expect(lines.find((l) => l.line === 2)?.use).toBe('reported');
  });

  it('makes no outcomes and no title errors', () => {
    const { diagnostics } = importUnitSpec('Some notes about the course.\n\nMore notes.');
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([
      expect.stringMatching(/^No learning outcomes or assessment criteria were found/),
      expect.stringMatching(/^No unit title was found/),
    ]);
  });
});
