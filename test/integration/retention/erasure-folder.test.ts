import { cp, mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { erasedPortfolioFolder } from '../../../src-main/centre/portfolio-folder';
import { DEMO_PASSPHRASE } from '../../../src-main/demo/demo-identities';
import { checkRecordFile } from '../../../src-main/record/issue/check-record-file';
import { signerFor } from '../../../src-main/record/identity-store/signers';
import { checkPortfolioProofs } from '../../../src-main/record/verify/verify-portfolio';
import { eraseLearner } from '../../../src-main/retention/erase';
import { safeName } from '../../../src-main/storage/safe-name';
import { Workspace } from '../../../src-main/workspace/workspace';
import { WorkspaceWatcher } from '../../../src-main/workspace/workspace-watcher';
import { decideOn } from '../../support/decide-on';
import { demoWorkspace } from '../../support/demo-workspace';
import { folderState, syncFolders } from '../../support/folder-sync';
import { portfolioOnDisk } from '../../support/portfolio-on-disk';
import { issueUnitRecordByAssessor } from '../../support/record/issue-by-assessor';
import { useTempDirs } from '../../support/temp-dir';
import { waitFor } from '../../support/wait-for';

const UNIT = 'unit-j-508-4003';

/** Every file under a folder holding any of `values`, as `path: value`. */
async function holding(dir: string, values: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = await readFile(file, 'utf8').catch(() => '');
    for (const v of values) if (text.includes(v)) found.push(`${path.relative(dir, file)}: ${v}`);
  }
  return found;
}

/** The learner's folders under learners/ (every portfolio folder's name ends with the id). */
async function foldersOf(dir: string, learnerId: string): Promise<string[]> {
  const names = await readdir(path.join(dir, 'learners')).catch(() => []);
  return names.filter((n) => n.endsWith(learnerId.slice(3))).map((n) => `learners/${n}`);
}

/** Paths anywhere in the workspace carrying the learner's name as file names write it. */
async function pathsNaming(dir: string, slug: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).filter((rel) => rel.includes(slug));
}

async function setUp(root: string) {
  const { workspace } = await demoWorkspace(root);
  const learner = workspace.centre.learners.find((l) => l.name.startsWith('Nguy'))!;
  const issued = await issueUnitRecordByAssessor(workspace, learner.id, UNIT, root);
  const source = { passphrase: DEMO_PASSPHRASE, userDataDir: root };
  await workspace.portfolios.flush();
  await workspace.flushCentre();
  const iqa = workspace.centre.staff.find((s) => s.roles.includes('iqa'))!;
  const erase = async (on: Workspace) =>
    eraseLearner(
      on,
      { learnerId: learner.id, reason: 'The learner asked', scope: 'learner', onRequest: true },
      iqa,
      await signerFor(on, iqa, 'iqa', source),
      { id: iqa.id, role: 'iqa' },
      new Date(),
    );
  return {
    workspace,
    learner,
    issued,
    erase,
    before: (await workspace.portfolio(learner.id)).data,
  };
}

describe('an erased learner’s portfolio folder', () => {
  const temp = useTempDirs();

  it('moves to a folder named by the pseudonym, and a move cut short is finished on open', async () => {
    const root = await temp();
    const { workspace, learner, erase, before } = await setUp(root);
    const oldFolder = learner.portfolio;
    const result = await erase(workspace);
    const moved = erasedPortfolioFolder(learner.id, result.pseudonym);
    expect(workspace.learner(learner.id).portfolio).toBe(moved);
    expect(await foldersOf(workspace.dir, learner.id)).toEqual([moved]);
    expect(await pathsNaming(workspace.dir, safeName(learner.name))).toEqual([]);
    const onDisk = await portfolioOnDisk(path.join(workspace.dir, moved), learner.id);
    expect(onDisk.decisions).toEqual(before.decisions);
    expect(onDisk.erasures).toHaveLength(1);
    expect((await workspace.portfolio(learner.id)).data.erasures).toHaveLength(1);
    expect(await readFile(path.join(workspace.dir, moved, 'README.txt'), 'utf8')).toContain(
      result.pseudonym,
    );
    // A computer that stopped after the roster named the new folder, before the folder moved.
    await workspace.portfolios.flush();
    await rename(path.join(workspace.dir, moved), path.join(workspace.dir, oldFolder));
    const again = await Workspace.open(workspace.dir);
    expect(await foldersOf(again.dir, learner.id)).toEqual([moved]);
    const reread = (await again.portfolio(learner.id)).data;
    expect(reread.decisions).toEqual(before.decisions);
    expect(reread.erasures).toHaveLength(1);
    const roster = again.learner(learner.id);
    expect((await checkPortfolioProofs(again, roster)).problems ?? []).toEqual([]);
  }, 240_000);

  it('keeps a decision written in the old folder on a computer that was apart, and the name stays gone', async () => {
    const root = await temp();
    const { workspace: office, learner, issued, erase, before } = await setUp(root);
    const dirA = office.dir;
    const dirB = path.join(root, 'laptop');
    await cp(dirA, dirB, { recursive: true });
    let base = await folderState(dirA);
    const laptop = await Workspace.open(dirB);
    // What names the learner; the employer and date of birth only where no other learner has them.
    const others = (await readdir(path.join(dirA, 'learners'))).filter(
      (n) => `learners/${n}` !== learner.portfolio,
    );
    const sharedWith = async (v: string) => {
      for (const n of others)
        if ((await holding(path.join(dirA, 'learners', n), [v])).length) return true;
      return false;
    };
    const personal = [learner.name, learner.uln];
    for (const v of [learner.employer, learner.dateOfBirth ?? '']) {
      if (v && !(await sharedWith(v))) personal.push(v);
    }

    const result = await erase(office);
    // Apart, the laptop still has the learner in their old folder, and an assessor decides.
    const decisionId = await decideOn(laptop, learner, 'Decided on the laptop while apart');
    await laptop.portfolios.flush();
    expect(await foldersOf(dirB, learner.id)).toEqual([learner.portfolio]);

    // Together again: each computer takes in what the other did, until nothing differs.
    for (let round = 0; round < 4; round += 1) {
      base = await syncFolders(dirA, dirB, base);
      await laptop.checkCentreOnDisk();
      await laptop.mergeStrayFolders();
      await (await Workspace.open(dirA)).portfolios.flush();
      await laptop.portfolios.flush();
    }
    base = await syncFolders(dirA, dirB, base);
    expect(await folderState(dirB)).toEqual(await folderState(dirA));

    const moved = erasedPortfolioFolder(learner.id, result.pseudonym);
    for (const dir of [dirA, dirB]) {
      const workspace = await Workspace.open(dir);
      expect(workspace.learner(learner.id).portfolio).toBe(moved);
      expect(await foldersOf(dir, learner.id)).toEqual([moved]);
      expect(await holding(path.join(dir, 'learners'), personal), dir).toEqual([]);
      expect(await pathsNaming(dir, safeName(learner.name))).toEqual([]);
      const p = await portfolioOnDisk(path.join(dir, moved), learner.id);
      expect(p.decisions.map((d) => d.id)).toEqual([
        ...before.decisions.map((d) => d.id),
        decisionId,
      ]);
      expect(p.decisions.find((d) => d.id === decisionId)?.feedback).toBe(
        'Decided on the laptop while apart',
      );
      expect(p.erasures).toHaveLength(1);
      expect(p.issuedRecords.map((r) => r.sha256)).toEqual(
        before.issuedRecords.map((r) => r.sha256),
      );
      const roster = workspace.learner(learner.id);
      expect((await checkPortfolioProofs(workspace, roster)).problems ?? []).toEqual([]);
      const record = await checkRecordFile(issued.bytes, 'record.pdf', workspace);
      expect(record.problems).toEqual([]);
    }
  }, 300_000);

  it('keeps what it does not know, and merges a sync engine’s conflict copies made in the old folder', async () => {
    const root = await temp();
    const { workspace, learner, erase } = await setUp(root);
    const result = await erase(workspace);
    const moved = erasedPortfolioFolder(learner.id, result.pseudonym);
    const changes = path.join(workspace.dir, moved, 'changes');
    const [own] = (await readdir(changes)).filter((n) => n.endsWith('.jsonl'));
    // The old folder comes back holding a conflict copy of a change file and a note of someone's.
    const stray = path.join(workspace.dir, learner.portfolio);
    await mkdir(path.join(stray, 'changes'), { recursive: true });
    const copy = own!.replace('.jsonl', '.sync-conflict-20261203-101500-ABCDEF1.jsonl');
    await writeFile(
      path.join(stray, 'changes', copy),
      await readFile(path.join(changes, own!), 'utf8'),
    );
    await writeFile(path.join(stray, 'notes.txt'), 'a note someone left');
    const merged = await workspace.mergeStrayFolders();
    expect(merged.map((m) => m.outcome)).toEqual(['merged']);
    expect(await foldersOf(workspace.dir, learner.id)).toEqual([moved]);
    expect(
      await readFile(
        path.join(workspace.dir, moved, 'kept-from-earlier-folder', 'notes.txt'),
        'utf8',
      ),
    ).toBe('a note someone left');
    const doc = await workspace.portfolio(learner.id);
    await doc.checkDisk();
    expect(await readdir(changes)).not.toContain(copy);
    expect(await readdir(path.join(workspace.dir, moved, 'merged-conflict-copies'))).toContain(
      copy,
    );
    expect(doc.data.audit.some((a) => a.action === 'merged sync conflict copy')).toBe(true);

    // With the workbench running, the watcher merges a folder as it appears.
    const watcher = new WorkspaceWatcher(workspace, () => undefined);
    await watcher.boot();
    try {
      // Made beside, then put in place at once, as a sync engine finishes a folder.
      const beside = path.join(root, 'arriving');
      await mkdir(path.join(beside, 'changes'), { recursive: true });
      await writeFile(path.join(beside, 'changes', copy), await readFile(path.join(changes, own!)));
      await rename(beside, stray);
      await waitFor(async () => (await foldersOf(workspace.dir, learner.id)).join() === moved);
    } finally {
      await watcher.shutdown();
    }
  }, 240_000);
});
