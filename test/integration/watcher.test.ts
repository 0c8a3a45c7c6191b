import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src-main/api/dispatcher';
import type { Workbench } from '../../src-main/app/workbench';
import { defaultResourcesDir } from '../../src-main/shared/paths';
import { Workbench as WorkbenchClass } from '../../src-main/app/workbench';
import { makeDemoCentre } from '../../src-main/demo/make-demo';
import { Workspace } from '../../src-main/workspace/workspace';
import { portfolioOnDisk } from '../support/portfolio-on-disk';
import { useTempDirs } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';

async function watchedWorkbench(
  root: string,
  onWatched?: (file: string) => void,
): Promise<Workbench> {
  const workbench = new WorkbenchClass(
    { userDataDir: path.join(root, 'user-data'), resourcesDir: defaultResourcesDir() },
    { kind: 'web' },
    () => new Date('2026-11-24T10:00:00Z'),
    { watch: true, demo: makeDemoCentre, onWatched },
  );
  await workbench.boot();
  return workbench;
}

describe('changes made outside the workbench', () => {
  const tempDir = useTempDirs();
  let open: Workbench | null = null;
  afterEach(async () => {
    await open?.shutdown();
    open = null;
  });

  it('notices another program changing a portfolio, reloads it, and ignores its own saves', async () => {
    const weighed: string[] = [];
    const workbench = (open = await watchedWorkbench(await tempDir(), (f) => weighed.push(f)));
    const dispatch = createDispatcher(workbench);
    const learner = workbench.workspace.centre.learners[0]!;
    const doc = await workbench.workspace.portfolio(learner.id);
    const start = workbench.changes;

    const evidence = doc.data.evidence[0]!;
    await dispatch('evidence:update', {
      learnerId: learner.id,
      evidenceId: evidence.id,
      change: { notes: 'Checked with the learner.' },
    });
    // Wait until the watcher has weighed the app's own save: it must not count as outside.
    const ownChanges = path.join(learner.portfolio, 'changes');
    await waitFor(() => weighed.some((f) => f.includes(ownChanges)));
    expect(workbench.changes).toBe(start);

    // Another process on the same workspace (a second window, the command line) is another
    // writer: its change lands in its own change file, and this one folds it in.
    const other = await Workspace.open(workbench.workspace.dir);
    const theirs = await other.portfolio(learner.id);
    await theirs.update((p) => ({
      ...p,
      evidence: p.evidence.map((e, i) => (i === 0 ? { ...e, title: 'Renamed elsewhere' } : e)),
    }));
    await waitFor(() => workbench.changes > start);
    expect(doc.data.evidence[0]!.title).toBe('Renamed elsewhere');
  });

  it('merges a conflict copy a sync engine puts beside a portfolio while the workbench runs', async () => {
    const workbench = (open = await watchedWorkbench(await tempDir()));
    const learner = workbench.workspace.centre.learners[0]!;
    const doc = await workbench.workspace.portfolio(learner.id);
    const folder = path.join(workbench.workspace.dir, learner.portfolio);
    const { conflicts: _c, ...current } = doc.data;
    const extra = { ...current.evidence[0]!, id: 'ev-from-the-laptop', title: 'From the laptop' };
    const copy = { ...current, evidence: [...current.evidence, extra] };
    await writeFile(path.join(folder, 'portfolio (1).json'), JSON.stringify(copy));
    await waitFor(() => doc.data.evidence.some((e) => e.id === 'ev-from-the-laptop'));
    await waitFor(async () => !(await readdir(folder)).includes('portfolio (1).json'));
    expect(await readdir(path.join(folder, 'merged-conflict-copies'))).toEqual([
      'portfolio (1).json',
    ]);
  });

  it('reports a centre.json damaged while running and puts back its last good copy', async () => {
    const workbench = (open = await watchedWorkbench(await tempDir()));
    const dispatch = createDispatcher(workbench);
    const file = path.join(workbench.workspace.dir, 'centre.json');
    const name = workbench.workspace.centre.centre.name;
    await writeFile(file, '{ "schemaVersion": 2, "kind": "cen');
    const damaged = async () => {
      const answer = await dispatch('workspace:status', {});
      return (answer as { data: { centreDamaged: string | null } }).data.centreDamaged !== null;
    };
    await waitFor(damaged);
    const status = await dispatch('workspace:status', {});
    expect(status).toMatchObject({
      ok: true,
      data: {
        open: { centreName: name },
        centreDamaged: workbench.workspace.dir,
        problem: expect.stringContaining('(centre.json) is not valid JSON'),
      },
    });
    // No change is saved over it meanwhile.
    const refused = await dispatch('decision:set-typed-signatures', { allow: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unreadable-file' } });
    const restored = await dispatch('workspace:restore-centre', { dir: workbench.workspace.dir });
    expect(restored).toMatchObject({ ok: true, data: { centreDamaged: null, problem: null } });
    const kept = (await readdir(workbench.workspace.dir)).filter((n) =>
      n.startsWith('centre.json.damaged-'),
    );
    expect(kept).toHaveLength(1);
  });

  it('loses nothing when portfolio.json is damaged: it is kept aside and made again', async () => {
    const workbench = (open = await watchedWorkbench(await tempDir()));
    const dispatch = createDispatcher(workbench);
    const learner = workbench.workspace.centre.learners[0]!;
    const doc = await workbench.workspace.portfolio(learner.id);
    const evidence = doc.data.evidence.length;
    const folder = path.join(workbench.workspace.dir, learner.portfolio);
    const file = path.join(folder, 'portfolio.json');
    const start = workbench.changes;
    await writeFile(file, '{ "schemaVersion": 2, "kind": "learner-portf');
    await waitFor(async () =>
      (await readdir(folder)).some((n) => n.startsWith('portfolio.json.damaged')),
    );
    const answer = await dispatch('learner:get', { learnerId: learner.id });
    expect(answer).toMatchObject({ ok: true });
    const write = await dispatch('evidence:add-record', {
      learnerId: learner.id,
      details: { title: 'x', producedOn: '2026-11-20', method: 'direct observation', record: 'y' },
    });
    expect(write.ok).toBe(true);
    expect(doc.data.evidence).toHaveLength(evidence + 1);
    await workbench.workspace.portfolios.flush();
    expect(JSON.parse(await readFile(file, 'utf8')).evidence).toHaveLength(evidence + 1);
    const kept = (await readdir(folder)).filter((n) => n.startsWith('portfolio.json.damaged'));
    expect(await readFile(path.join(folder, kept[0]!), 'utf8')).toContain('learner-portf');
    expect(workbench.changes).toBeGreaterThanOrEqual(start);
  });

  it('reports a damaged portfolio.json of an older workbench by name, never overwrites it, and offers the last good copy', async () => {
    const root = await tempDir();
    let workbench = (open = await watchedWorkbench(root));
    const [learner, other] = workbench.workspace.centre.learners;
    const folder = path.join(workbench.workspace.dir, learner!.portfolio);
    const file = path.join(folder, 'portfolio.json');
    // As an older workbench left it: portfolio.json holds the portfolio, with its last good copy.
    const legacy = await portfolioOnDisk(folder, learner!.id);
    await workbench.shutdown();
    await rm(path.join(folder, 'changes'), { recursive: true });
    const { conflicts: _c, ...plain } = legacy;
    await writeFile(path.join(folder, '.portfolio.json.last-good'), JSON.stringify(plain));
    await writeFile(file, '{ "schemaVersion": 2, "kind": "learner-portf');
    workbench = open = await watchedWorkbench(root);
    const dispatch = createDispatcher(workbench);

    const answer = await dispatch('learner:get', { learnerId: learner!.id });
    expect(answer).toMatchObject({ ok: false, error: { code: 'unreadable-file' } });
    expect(JSON.stringify(answer)).toContain('(portfolio.json) is not valid JSON');
    const write = await dispatch('evidence:add-record', {
      learnerId: learner!.id,
      details: { title: 'x', producedOn: '2026-11-20', method: 'direct observation', record: 'y' },
    });
    expect(write.ok).toBe(false);
    expect(await readFile(file, 'utf8')).toBe('{ "schemaVersion": 2, "kind": "learner-portf');

    // Nothing else is lost: the other learners still list, this one with the reason.
    const list = await dispatch('learner:list', {});
    const rows = (list as { data: { id: string; problem: string | null }[] }).data;
    expect(rows.find((r) => r.id === other!.id)?.problem).toBeNull();
    expect(rows.find((r) => r.id === learner!.id)?.problem).toContain('portfolio.json');

    const restored = await dispatch('learner:restore-portfolio', { learnerId: learner!.id });
    expect(restored).toMatchObject({ ok: true });
    expect(await dispatch('learner:get', { learnerId: learner!.id })).toMatchObject({ ok: true });
    const kept = (await readdir(folder)).filter((n) => n.startsWith('portfolio.json.damaged-'));
    expect(kept).toHaveLength(1);
    expect(await readFile(path.join(folder, kept[0]!), 'utf8')).toContain('learner-portf');
  });
});
