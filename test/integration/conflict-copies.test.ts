import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CriterionDecision } from '../../src-main/portfolio/decision-schema';
import type { Portfolio } from '../../src-main/portfolio/portfolio-schema';
import { Workspace } from '../../src-main/workspace/workspace';
import { demoWorkspace } from '../support/demo-workspace';
import { portfolioOnDisk } from '../support/portfolio-on-disk';
import { useTempDirs } from '../support/temp-dir';

const ENGINES = {
  Syncthing: 'portfolio.sync-conflict-20261202-064501-NNKV7RA.json',
  Dropbox: "portfolio (Priya's conflicted copy 2026-12-02).json",
  'Nextcloud / ownCloud': 'portfolio (conflicted copy 2026-12-02 064501).json',
  OneDrive: 'portfolio-DESKTOP-4KQ1Q.json',
  'Google Drive': 'portfolio (1).json',
};

function decided(p: Portfolio, id: string, outcome: CriterionDecision['outcome'], at: string) {
  const template = p.decisions.find((d) => d.criterionRef === '1.1')!;
  const decision = { ...template, id, outcome, updatedAt: at, feedback: `${id} feedback` };
  return { ...p, decisions: [...p.decisions, decision] };
}

/** A learner folder as an older workbench and a sync engine left it: two diverged portfolio.json. */
async function legacyWithCopy(root: string, copyName: string) {
  const { workspace, learnerId } = await demoWorkspace(root);
  const folder = await workspace.portfolioFolder(learnerId);
  const { conflicts: _c, ...current } = await portfolioOnDisk(folder, learnerId);
  await workspace.portfolios.flush();
  await rm(path.join(folder, 'changes'), { recursive: true });
  const kept = decided(current, 'dc-office', 'met', '2026-12-02T09:00:00.000Z');
  const copy = decided(current, 'dc-laptop', 'not-yet-met', '2026-12-02T09:05:00.000Z');
  await writeFile(path.join(folder, 'portfolio.json'), JSON.stringify(kept, null, 2));
  await writeFile(path.join(folder, copyName), JSON.stringify(copy, null, 2));
  return { dir: workspace.dir, folder, learnerId };
}

describe('conflict copies made by sync engines', () => {
  const tempDir = useTempDirs();

  it.each(Object.entries(ENGINES))(
    'merges a %s conflict copy of portfolio.json on open, keeps it aside and shows the conflict',
    async (_engine, copyName) => {
      const { dir, folder, learnerId } = await legacyWithCopy(await tempDir(), copyName);
      const workspace = await Workspace.open(dir);
      const doc = await workspace.portfolio(learnerId);
      const ids = doc.data.decisions.map((d) => d.id);
      expect(ids).toEqual(expect.arrayContaining(['dc-office', 'dc-laptop']));
      const conflict = doc.data.conflicts!.find((c) => c.criterionRef === '1.1')!;
      expect(conflict.versions.map((v) => v.recordId).sort()).toEqual(['dc-laptop', 'dc-office']);
      expect(doc.data.audit.at(-1)).toMatchObject({
        action: 'merged sync conflict copy',
        target: copyName,
      });
      // Moved aside, never deleted; nothing left to merge again.
      expect(await readdir(folder)).not.toContain(copyName);
      expect(await readdir(path.join(folder, 'merged-conflict-copies'))).toEqual([copyName]);
      const again = await (await Workspace.open(dir)).portfolio(learnerId);
      expect(again.data.decisions).toHaveLength(doc.data.decisions.length);
      expect(again.data.audit).toHaveLength(doc.data.audit.length);
    },
  );

  it('merges a conflict copy of a change file, and the copy goes aside', async () => {
    const { workspace, learnerId } = await demoWorkspace(await tempDir());
    const folder = await workspace.portfolioFolder(learnerId);
    const doc = await workspace.portfolio(learnerId);
    await doc.update((p) => decided(p, 'dc-before', 'met', '2026-12-02T09:00:00.000Z'));
    const own = path.join(folder, 'changes', `${workspace.portfolios.writer}.jsonl`);
    const text = await readFile(own, 'utf8');
    // A copy holding a change the file itself does not (as if it had been written elsewhere).
    const extra = JSON.parse(text.trim().split('\n').at(-1)!);
    extra.id = 'laptop-1-abcdef:1';
    extra.writer = 'laptop-1-abcdef';
    extra.seq = 1;
    extra.ops = extra.ops.map((op: { c: string; r: { id: string } }) => ({
      ...op,
      r: { ...op.r, id: `${op.r.id}-copy` },
    }));
    const copyName = `${workspace.portfolios.writer}.sync-conflict-20261202-064501-NNKV7RA.jsonl`;
    await writeFile(path.join(folder, 'changes', copyName), `${text}${JSON.stringify(extra)}\n`);
    const reopened = await (await Workspace.open(workspace.dir)).portfolio(learnerId);
    expect(reopened.data.decisions.map((d) => d.id)).toContain('dc-before-copy');
    expect(await readdir(path.join(folder, 'merged-conflict-copies'))).toEqual([copyName]);
    expect(reopened.data.audit.at(-1)).toMatchObject({ action: 'merged sync conflict copy' });
  });
});
