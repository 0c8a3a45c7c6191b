import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src-main/api/dispatcher';
import { addEvidenceFile } from '../../src-main/evidence/evidence-store';
import { tester } from '../support/demo-workspace';
import { useTempDirs } from '../support/temp-dir';
import { bootWorkbench } from '../support/workbench';

describe('opening an evidence file in its usual program', () => {
  const tempDir = useTempDirs();

  it('opens documents and media, and only shows a program, script or shortcut in its folder', async () => {
    const opened: string[] = [];
    const shown: string[] = [];
    const workbench = await bootWorkbench(await tempDir(), {
      host: {
        kind: 'electron',
        openPath: async (file) => void opened.push(path.basename(file)),
        showInFolder: async (file) => void shown.push(path.basename(file)),
      },
    });
    const dispatch = createDispatcher(workbench);
    const learnerId = workbench.workspace.centre.learners[0]!.id;
    const names = ['Report.PDF', 'photo.jpg', 'setup.exe', 'fix.bat', 'page.hta', 'Link.lnk'];
    const more = ['tidy.ps1', 'app.desktop', 'notes'];
    const answers: Record<string, unknown> = {};
    for (const [i, name] of [...names, ...more].entries()) {
      const evidence = await addEvidenceFile(
        workbench.workspace,
        learnerId,
        { title: `Item ${name}`, producedOn: '2026-11-20', method: 'product evidence' },
        { originalName: name, source: Readable.from([Buffer.from(`contents ${i}`)]) },
        tester,
        () => new Date('2026-11-24T10:00:00Z'),
      );
      const answer = await dispatch('evidence:open-externally', {
        learnerId,
        evidenceId: evidence.id,
      });
      answers[name] = answer.ok && answer.data;
    }
    expect(opened.map((f) => path.extname(f))).toEqual(['.pdf', '.jpg']);
    expect(shown.map((f) => path.extname(f))).toEqual([
      '.exe',
      '.bat',
      '.hta',
      '.lnk',
      '.ps1',
      '.desktop',
      '',
    ]);
    expect(answers['Report.PDF']).toEqual({ opened: true, shownInFolder: false });
    expect(answers['setup.exe']).toEqual({ opened: false, shownInFolder: true });
  });
});
