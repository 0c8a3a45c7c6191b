import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src-main/api/dispatcher';
import { useTempDirs } from '../support/temp-dir';
import { bootWorkbench } from '../support/workbench';

const spec = `Unit title: Health and safety in the workplace
Level: 2
Credit value: 2
Ofqual unit reference: K/601/1234

1. Know how to keep the workplace safe\t1.1 List common hazards in the workplace
\t1.2 Describe how to report a hazard
2. Be able to work safely\t2.1 Use equipment safely
`;

describe('importing a unit specification into a workspace', () => {
  const tempDir = useTempDirs();

  it('reads the text, saves version 1, ignores an identical re-import, and makes version 2 of a change', async () => {
    const workbench = await bootWorkbench(await tempDir());
    const dispatch = createDispatcher(workbench);

    const parsed = await dispatch('unit:parse', { text: spec });
    expect(parsed).toMatchObject({
      ok: true,
      data: {
        unit: { title: 'Health and safety in the workplace', level: '2' },
        placement: { status: 'new', version: 1 },
      },
    });

    expect(await dispatch('unit:import', { text: spec, fileName: 'hs.txt' })).toMatchObject({
      ok: true,
      data: { status: 'new', unit: { id: 'unit-k-601-1234', version: 1, criterionCount: 3 } },
    });
    expect(await dispatch('unit:import', { text: spec })).toMatchObject({
      ok: true,
      data: { status: 'unchanged' },
    });

    const changed = spec.replace(
      '1.2 Describe how to report a hazard',
      '1.2 Describe how and to whom to report a hazard',
    );
    const preview = await dispatch('unit:parse', { text: changed });
    expect(preview).toMatchObject({
      ok: true,
      data: { placement: { status: 'new-version', version: 2 } },
    });
    expect(JSON.stringify(preview)).toContain('1.2');
    expect(await dispatch('unit:import', { text: changed, fileName: 'hs-2.txt' })).toMatchObject({
      ok: true,
      data: { status: 'new-version', unit: { version: 2 } },
    });

    const files = (await readdir(path.join(workbench.workspace.dir, 'units'))).filter((f) =>
      f.startsWith('unit-k-601-1234'),
    );
    expect(files.sort()).toEqual(['unit-k-601-1234-v1.json', 'unit-k-601-1234-v2.json']);
    const versions = await dispatch('unit:versions', { unitId: 'unit-k-601-1234' });
    expect(versions).toMatchObject({
      ok: true,
      data: [
        { version: 2, fileName: 'hs-2.txt' },
        { version: 1, differences: [] },
      ],
    });
    if (!versions.ok) throw new Error('unreachable');
    expect((versions.data as { differences: string[] }[])[0]!.differences.length).toBeGreaterThan(
      0,
    );
  });

  it('refuses to save a specification that still has errors, saying what to do', async () => {
    const dispatch = createDispatcher(await bootWorkbench(await tempDir()));
    const answer = await dispatch('unit:import', {
      text: 'Just some notes about the unit\nwith no outcomes at all',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (answer.ok) throw new Error('unreachable');
    expect(answer.error.message).toMatch(/Correct the text before saving\.$/);
  });

  it('reads an uploaded Word document and HTML page into text', async () => {
    const dispatch = createDispatcher(await bootWorkbench(await tempDir()));
    const fixtures = path.resolve(__dirname, '../fixtures/specs');
    const html = await readFile(path.join(fixtures, 'html-rowspan.html'));
    const read = await dispatch('unit:read-file', {
      fileName: 'unit.html',
      contentBase64: html.toString('base64'),
    });
    expect(read).toMatchObject({ ok: true, data: { format: 'html' } });
    const notDocx = await dispatch('unit:read-file', {
      fileName: 'unit.docx',
      contentBase64: Buffer.from('not a zip').toString('base64'),
    });
    expect(notDocx).toMatchObject({ ok: false, error: { code: 'unreadable-file' } });
    if (notDocx.ok) throw new Error('unreachable');
    expect(notDocx.error.message).toContain('unit.docx');
  });

  it('returns what it inferred beside the parsed unit, each with its line', async () => {
    const workbench = await bootWorkbench(await tempDir());
    const dispatch = createDispatcher(workbench);
    const parsed = await dispatch('unit:parse', {
      text: 'Unit title: Lifting\nUnderstand safe lifting\n1.1 Describe a safe lift\n',
    });
    expect(parsed).toMatchObject({
      ok: true,
      data: {
        unit: { outcomes: [{ ref: '1', text: 'Understand safe lifting', kind: 'knowledge' }] },
        diagnostics: [],
        notices: [
          { line: 2, message: 'line 2: learning outcome 1 was numbered from its criteria (1.1)' },
        ],
      },
    });
  });
});
