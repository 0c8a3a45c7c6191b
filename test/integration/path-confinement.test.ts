import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src-main/api/dispatcher';
import { addEvidenceFile } from '../../src-main/evidence/evidence-store';
import { Workspace } from '../../src-main/workspace/workspace';
import { useTempDirs } from '../support/temp-dir';
import { demoWorkspace, tester, when } from '../support/demo-workspace';
import { bootWorkbench } from '../support/workbench';

describe('paths from the screen, the API and the files stay inside their root', () => {
  const tempDir = useTempDirs();

  it('keeps an uploaded name like ../../etc/passwd inside the evidence folder', async () => {
    const root = await tempDir();
    const { workspace, learnerId } = await demoWorkspace(root);
    for (const originalName of ['../../etc/passwd', '/etc/shadow', '..\\..\\win.ini']) {
      const evidence = await addEvidenceFile(
        workspace,
        learnerId,
        { title: originalName, producedOn: '2026-11-20', method: 'product evidence' },
        { originalName, source: Readable.from([Buffer.from(originalName)]) },
        tester,
        () => when,
      );
      expect(evidence.file!.path).toMatch(/^evidence\/2026-11-20-[a-z0-9-]+(\.[a-z0-9]+)?$/);
    }
    expect(await readdir(root)).toEqual(['centre']);
  });

  it('leaves out a change whose evidence points outside its folder, naming the file', async () => {
    const root = await tempDir();
    const { workspace, learnerId } = await demoWorkspace(root);
    const folder = await workspace.portfolioFolder(learnerId);
    const good = (await workspace.portfolio(learnerId)).data.evidence[0]!;
    const file = path.join(folder, 'changes', 'elsewhere-1-abcdef.jsonl');
    const tampered = `${JSON.stringify({
      id: 'elsewhere-1-abcdef:1',
      writer: 'elsewhere-1-abcdef',
      seq: 1,
      clock: 9999,
      at: '2026-11-24T10:00:00.000Z',
      owner: learnerId,
      ops: [
        {
          c: 'evidence',
          r: { ...good, file: { ...good.file, path: 'evidence/../../../../etc/passwd' } },
        },
      ],
    })}\n`;
    await writeFile(file, tampered);
    const reopened = await Workspace.open(workspace.dir);
    const doc = await reopened.portfolio(learnerId);
    expect(doc.data.evidence.find((e) => e.id === good.id)?.file?.path).toBe(good.file!.path);
    expect(doc.warnings.join('\n')).toMatch(
      /changes\/elsewhere-1-abcdef\.jsonl .*file\.path: must be a file directly inside the evidence folder/,
    );
    expect(await readFile(file, 'utf8')).toBe(tampered);
  });

  it('refuses a learner whose portfolio folder in centre.json leads outside the workspace', async () => {
    const root = await tempDir();
    const { workspace, learnerId } = await demoWorkspace(root);
    await mkdir(path.join(root, 'elsewhere'));
    // centre.json is a snapshot of its change log: what counts is a change that says so, as
    // a tampering program (or a damaged copy from another computer) could append.
    await workspace.changeCentre((centre) => ({
      centre: {
        ...centre,
        learners: centre.learners.map((l, i) =>
          i === 0 ? { ...l, portfolio: '../elsewhere' } : l,
        ),
      },
      result: null,
    }));
    const reopened = await Workspace.open(workspace.dir);
    await expect(reopened.portfolio(learnerId)).rejects.toThrow('points outside this workspace');
  });

  it('serves evidence files only through a ticket the API issued', async () => {
    const root = await tempDir();
    const workbench = await bootWorkbench(root);
    const dispatch = createDispatcher(workbench);
    const learner = workbench.workspace.centre.learners[0]!;
    const portfolio = await workbench.workspace.portfolio(learner.id);
    const pdf = portfolio.data.evidence.find((e) => e.file?.mediaType === 'application/pdf')!;
    const preview = await dispatch('evidence:preview', {
      learnerId: learner.id,
      evidenceId: pdf.id,
    });
    expect(preview).toMatchObject({ ok: true, data: { kind: 'pdf' } });
    const url = (preview as { data: { url: string } }).data.url;
    expect(url).toMatch(/^\/evidence-file\/[A-Za-z0-9_-]{32}$/);
    expect(workbench.tickets.redeem(url.split('/').pop()!)?.file).toBe(
      path.join(workbench.workspace.dir, learner.portfolio, pdf.file!.path),
    );
    expect(workbench.tickets.redeem('../../etc/passwd')).toBeNull();
  });
});
