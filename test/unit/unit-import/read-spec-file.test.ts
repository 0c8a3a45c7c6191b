import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importUnitSpec } from '../../../src-main/unit/import';
import { readSpecFile } from '../../../src-main/unit/import/read-spec-file';

const specs = path.join(import.meta.dirname, '../../fixtures/specs');

const fireSafety = [
  ['1', 'Know how fires start & spread', ['1.1', '1.2', '1.3']],
  ['2', 'Be able to respond to a fire alarm', ['2.1', '2.2']],
];

function shape(text: string) {
  return importUnitSpec(text).unit.outcomes.map((o) => [
    o.ref,
    o.text,
    o.criteria.map((c) => c.ref),
  ]);
}

describe('readSpecFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'spec-files-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('turns an HTML table with rowspan into tab rows with empty continuation cells', async () => {
    const { text, format } = await readSpecFile(path.join(specs, 'html-rowspan.html'));
    expect(format).toBe('html');
    expect(text.split('\n')).toContain('\t1.2\tGive examples of common fire hazards at work');
    expect(shape(text)).toEqual(fireSafety);
    const { unit } = importUnitSpec(text);
    expect(unit).toMatchObject({ title: 'Fire safety awareness', level: 'Entry 2', credits: 1 });
    expect(unit.outcomes[0]?.criteria[2]?.text).toBe(
      'Describe how smoke spreads through a building',
    );
  });

  it('reads a Word document through its tables, merged cells included', async () => {
    const { text, format } = await readSpecFile(path.join(specs, 'word-table.docx'));
    expect(format).toBe('docx');
    expect(shape(text)).toEqual(fireSafety);
    expect(importUnitSpec(text).diagnostics).toEqual([]);
  });

  it('reads a text-based PDF with a two-column table, joining wrapped lines', async () => {
    const { text, format } = await readSpecFile(path.join(specs, 'pdf-table.pdf'));
    expect(format).toBe('pdf');
    const { unit, diagnostics } = importUnitSpec(text);
    expect(diagnostics).toEqual([]);
    expect(unit).toMatchObject({ title: 'Safe use of ladders', level: '2', credits: 2, glh: 9 });
    expect(unit.outcomes.map((o) => o.text)).toEqual([
      'Understand when a ladder is the right equipment for work at height',
      'Be able to use a ladder safely',
    ]);
    expect(unit.outcomes.flatMap((o) => o.criteria.map((c) => `${c.ref} ${c.text}`))).toEqual([
      '1.1 Describe the checks to make before choosing a ladder for a task that involves working at height',
      '1.2 Explain why a ladder must not be used on soft or uneven ground',
      '2.1 Inspect a ladder for damage before use and report any defects found to a supervisor',
      '2.2 Keep three points of contact while climbing',
    ]);
  });

  it('reads text and Markdown as they are', async () => {
    const file = path.join(dir, 'unit.md');
    await writeFile(file, '\ufeffUnit title: T\n1 Know\n1.1 Do');
    expect(await readSpecFile(file)).toEqual({
      text: 'Unit title: T\n1 Know\n1.1 Do',
      format: 'markdown',
    });
  });

  it('explains in plain words when a file cannot be read', async () => {
    const fakeWord = path.join(dir, 'spec.docx');
    await writeFile(fakeWord, 'this is not a zip file');
    await expect(readSpecFile(fakeWord)).rejects.toThrow(
      /spec\.docx is not a Word document the workbench can read/,
    );
    const fakePdf = path.join(dir, 'spec.pdf');
    await writeFile(fakePdf, 'not a pdf');
    await expect(readSpecFile(fakePdf)).rejects.toThrow(
      /spec\.pdf is not a PDF the workbench can read/,
    );
    await expect(readSpecFile(path.join(dir, 'spec.xlsx'))).rejects.toThrow(/not a kind of file/);
    await expect(readSpecFile(path.join(dir, 'missing.txt'))).rejects.toThrow(/could not be found/);
  });
});
