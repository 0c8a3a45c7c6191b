import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { specImportCommand } from '../../../src-main/cli/commands/spec-import';

const specs = path.join(import.meta.dirname, '../../fixtures/specs');

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await specImportCommand(argv, {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('workbench spec import', () => {
  it('prints only the unit JSON with exactly the documented keys', async () => {
    const { code, out, err } = await run(
      path.join(specs, 'seeds/external-customers-l3-ocn.txt'),
      '--json',
    );
    expect(code).toBe(0);
    expect(err).toBe('');
    const unit = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(unit)).toEqual([
      'title',
      'level',
      'credits',
      'glh',
      'codes',
      'outcomes',
      'methods',
      'guidance',
    ]);
    expect(unit).toMatchObject({
      level: '3',
      credits: 3,
      glh: 12,
      codes: { ofqual: 'J/508/4003', awardingBody: 'PA1/3/LQ/044' },
    });
    const outcomes = unit.outcomes as { criteria: { parts: object[] }[] }[];
    expect(Object.keys(outcomes[0] ?? {})).toEqual(['ref', 'text', 'kind', 'criteria']);
    expect(Object.keys(outcomes[0]?.criteria[0] ?? {})).toEqual(['ref', 'text', 'parts']);
    expect(Object.keys(outcomes[8]?.criteria[0]?.parts[0] ?? {})).toEqual(['ref', 'text']);
    expect(Object.keys((unit.methods as object[])[0] ?? {})).toEqual(['name', 'use']);
  });

  it('prints a readable outline without --json', async () => {
    const { code, out } = await run(path.join(specs, 'markdown-headings.md'));
    expect(code).toBe(0);
    expect(out).toContain('Manual handling in the workplace');
    expect(out).toContain('  2. Be able to lift and carry loads safely (competence)');
    expect(out).toContain('      2.2 Use safe techniques to:');
    expect(out).toContain('          b) carry a load');
    expect(out).toContain('2 learning outcomes, 5 assessment criteria, 1 guidance notes.');
  });

  it('exits 1 with the errors on stderr when the file is not a unit', async () => {
    const { code, out, err } = await run(
      path.join(specs, 'seeds/external-customers-topic-synopsis.txt'),
      '--json',
    );
    expect(code).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ outcomes: [] });
    expect(err).toMatch(/^Error: No learning outcomes/m);
  });

  it('exits 2 with a one-line reason for bad usage or an unreadable file', async () => {
    const none = await run();
    expect(none.code).toBe(2);
    expect(none.err.split('\n')).toHaveLength(1);
    expect((await run('a.txt', 'b.txt')).code).toBe(2);
    expect((await run('--bogus', 'a.txt')).code).toBe(2);
    const missing = await run(path.join(specs, 'no-such-file.txt'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/could not be found/);
    expect(missing.out).toBe('');
  });

  it('prints usage for --help and exits 0', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: workbench spec import FILE \[--json\]/);
  });

  it('reports a web page against the lines of the HTML file and lists what it inferred', async () => {
    const { code, out, err } = await run(path.join(specs, 'shapes/word-table.html'), '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      title: 'Greeting visitors at reception',
      codes: { ofqual: 'M/650/4412', awardingBody: 'RCP/E2/118' },
    });
    expect(err.split('\n')).toContain(
      'Notice: line 31: criterion 1.3 was numbered from its place in the list',
    );
  });

  it('prints the unit number apart from the title', async () => {
    const { code, out } = await run(path.join(specs, 'shapes/handbook.md'), '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      title: 'Handle customer telephone enquiries',
      codes: { ofqual: 'A/650/1234', awardingBody: null, unitNumber: '204' },
    });
  });
});
