import { readFile } from 'node:fs/promises';
import path from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/main';
import { Workspace } from '../../../src-main/workspace/workspace';
import { demoWorkspace } from '../../support/demo-workspace';
import { convertWithLibreOffice, runTool } from '../../support/record/system-tools';
import { useTempDirs } from '../../support/temp-dir';

describe('the witness testimony form as DOCX', () => {
  const tempDir = useTempDirs();

  it('opens in LibreOffice and reads back with the learner, the unit and every chosen criterion', async () => {
    const root = await tempDir();
    const { workspace } = await demoWorkspace(root);
    const learner = workspace.centre.learners.find((l) => l.name === 'Siobhán Ní Bhriain')!;
    const docx = path.join(root, 'form.docx');
    const out: string[] = [];
    const code = await main(
      [
        'witness',
        'form',
        workspace.dir,
        '--learner',
        learner.name,
        '--unit',
        'J/508/4003',
        '--criteria',
        '7.1,7.3,9.1b',
        '--format',
        'docx',
        '--out',
        docx,
      ],
      { out: (s) => out.push(s), err: (s) => out.push(s) },
    );
    expect(code, out.join('\n')).toBe(0);

    const { value: text } = await mammoth.extractRawText({ buffer: await readFile(docx) });
    expect(text).toContain('Siobhán Ní Bhriain');
    expect(text).toContain(learner.uln);
    expect(text).toContain(
      'J/508/4003: Deliver, Monitor and Evaluate Customer Service to External Customers',
    );
    expect(text).toContain('7.1');
    expect(text).toContain('Identify external customers.');
    expect(text).toContain('7.3');
    expect(text).toContain('9.1 b');
    expect(text).toContain(
      'Follow procedures, within agreed timescale, to b) resolve problems and complaints',
    );
    expect(text).not.toContain('7.2');
    expect(text).toContain('What you saw the learner do');
    expect(text).toContain('How authenticity was checked');

    const { stdout } = await runTool('pdftotext', [await convertWithLibreOffice(docx, root), '-']);
    expect(stdout).toContain('Siobhán Ní Bhriain');
    expect(stdout).toContain('Identify external customers.');

    const reopened = await Workspace.open(workspace.dir);
    const saved = (await reopened.portfolio(learner.id)).data.witnessForms.at(-1)!;
    expect(saved).toMatchObject({ format: 'docx', status: 'awaiting-return' });
  });
});
