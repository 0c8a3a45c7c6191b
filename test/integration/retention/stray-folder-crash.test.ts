import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSPHRASE } from '../../../src-main/demo/demo-identities';
import { PortfolioLog } from '../../../src-main/portfolio/portfolio-log';
import { signerFor } from '../../../src-main/record/identity-store/signers';
import { eraseLearner } from '../../../src-main/retention/erase';
import { Workspace } from '../../../src-main/workspace/workspace';
import { decideOn } from '../../support/decide-on';
import { demoWorkspace } from '../../support/demo-workspace';
import { folderState } from '../../support/folder-sync';
import { useTempDirs } from '../../support/temp-dir';

const merger = path.resolve(__dirname, '../../support/stray-merger.ts');
const EXTRA_FILES = 150;

/**
 * Starts the merger on the workspace; once it has opened it (the stray folder is put in place
 * then, by `arrange`), tells it to merge and kills it `killAfterMs` later. Answers how long
 * the merge took when it finished first, or null when it was killed.
 */
function mergeAndKill(
  dir: string,
  arrange: () => Promise<void>,
  killAfterMs: number | null,
): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', merger, dir], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let took: number | null = null;
    let buffered = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      buffered += text;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') {
          void arrange().then(() => {
            child.stdin.write('go\n');
            if (killAfterMs !== null) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
          }, reject);
        } else if (line.startsWith('done ')) took = Number(line.split(' ')[1]);
      }
    });
    child.on('error', reject);
    child.on('exit', () => resolve(took));
  });
}

/** Whether anything is at the path. */
const there = (file: string) =>
  readdir(file).then(
    () => true,
    () => false,
  );

describe('a stray portfolio folder merge killed half way', () => {
  const temp = useTempDirs();

  it('never loses a decision or a file, and the next open finishes it', async () => {
    const root = await temp();
    const { workspace } = await demoWorkspace(root);
    const learner = workspace.centre.learners.find((l) => l.name.startsWith('Nguy'))!;
    await workspace.portfolios.flush();
    await workspace.flushCentre();
    // The laptop's copy of the workspace, where an assessor goes on deciding in the old folder.
    const laptopDir = path.join(root, 'laptop');
    await cp(workspace.dir, laptopDir, { recursive: true });
    const laptop = await Workspace.open(laptopDir);
    const decided: string[] = [];
    for (let i = 0; i < 3; i += 1) decided.push(await decideOn(laptop, learner, `Apart ${i}`));
    await laptop.portfolios.flush();
    const template = path.join(laptopDir, learner.portfolio);
    for (let i = 0; i < EXTRA_FILES; i += 1) {
      await mkdir(path.join(template, 'notes'), { recursive: true });
      await writeFile(path.join(template, 'notes', `note-${i}.txt`), `note ${i}`);
    }
    const notes = [...(await folderState(path.join(template, 'notes'))).values()];

    const iqa = workspace.centre.staff.find((s) => s.roles.includes('iqa'))!;
    await eraseLearner(
      workspace,
      { learnerId: learner.id, reason: 'The learner asked', scope: 'learner', onRequest: true },
      iqa,
      await signerFor(workspace, iqa, 'iqa', { passphrase: DEMO_PASSPHRASE, userDataDir: root }),
      { id: iqa.id, role: 'iqa' },
      new Date(),
    );
    await workspace.portfolios.flush();
    const stray = path.join(workspace.dir, learner.portfolio);
    const canonical = await workspace.portfolioFolder(learner.id);
    const wanted = [
      ...(await workspace.portfolio(learner.id)).data.decisions.map((d) => d.id),
      ...decided,
    ];
    const decisionsIn = async (folder: string) =>
      (await there(folder))
        ? (await PortfolioLog.readFolder(folder, learner.id)).portfolio.decisions.map((d) => d.id)
        : [];
    const bring = () => cp(template, stray, { recursive: true });

    // Once whole, to know how long a merge takes here; then cut at points across it.
    const took = await mergeAndKill(workspace.dir, bring, null);
    expect(took).not.toBeNull();
    let cut = 0;
    for (let round = 1; round <= 8; round += 1) {
      await mergeAndKill(workspace.dir, bring, Math.max(1, Math.round((took! * round) / 9)));
      if (await there(stray)) cut += 1;
      // Nothing lost: every decision and every file is in one folder or the other.
      const held = new Set([...(await decisionsIn(canonical)), ...(await decisionsIn(stray))]);
      expect(wanted.filter((id) => !held.has(id))).toEqual([]);
      const files = new Set([
        ...(await folderState(canonical)).values(),
        ...((await there(stray)) ? (await folderState(stray)).values() : []),
      ]);
      expect(notes.filter((h) => !files.has(h))).toEqual([]);
      // The workspace opens, and opening finishes the merge.
      const opened = await Workspace.open(workspace.dir);
      expect(await there(stray)).toBe(false);
      const decisions = (await opened.portfolio(learner.id)).data.decisions.map((d) => d.id);
      expect(wanted.filter((id) => !decisions.includes(id))).toEqual([]);
      await opened.portfolios.flush();
    }
    expect(cut).toBeGreaterThan(0);
    const kept = await folderState(path.join(canonical, 'kept-from-earlier-folder'));
    expect(notes.filter((h) => ![...kept.values()].includes(h))).toEqual([]);
  }, 600_000);
});
