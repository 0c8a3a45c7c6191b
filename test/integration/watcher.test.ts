import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src-main/api/dispatcher';
import type { Workbench } from '../../src-main/app/workbench';
import { defaultResourcesDir } from '../../src-main/app/paths';
import { Workbench as WorkbenchClass } from '../../src-main/app/workbench';
import { useTempDirs } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';

async function watchedWorkbench(root: string): Promise<Workbench> {
  const workbench = new WorkbenchClass(
    { userDataDir: path.join(root, 'user-data'), resourcesDir: defaultResourcesDir() },
    { kind: 'web' },
    () => new Date('2026-11-24T10:00:00Z'),
    { watch: true },
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
    const workbench = (open = await watchedWorkbench(await tempDir()));
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
    // Give the watcher time to see the app's own save: it must not count as outside.
    await new Promise((r) => setTimeout(r, 600));
    expect(workbench.changes).toBe(start);

    const file = path.join(workbench.workspace.dir, learner.portfolio, 'portfolio.json');
    const data = JSON.parse(await readFile(file, 'utf8'));
    data.evidence[0].title = 'Renamed in a text editor';
    await writeFile(file, JSON.stringify(data, null, 2));
    await waitFor(() => workbench.changes > start);
    expect(doc.data.evidence[0]!.title).toBe('Renamed in a text editor');
  });

  it('reports a damaged file by name, never overwrites it, and offers the last good copy', async () => {
    const workbench = (open = await watchedWorkbench(await tempDir()));
    const dispatch = createDispatcher(workbench);
    const [learner, other] = workbench.workspace.centre.learners;
    await workbench.workspace.portfolio(learner!.id);
    const folder = path.join(workbench.workspace.dir, learner!.portfolio);
    const file = path.join(folder, 'portfolio.json');
    const start = workbench.changes;
    await writeFile(file, '{ "schemaVersion": 2, "kind": "learner-portf');
    await waitFor(() => workbench.changes > start);

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
