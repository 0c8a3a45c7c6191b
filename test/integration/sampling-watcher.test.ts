import { DEMO_PASSPHRASE } from '../../src-main/demo/demo-identities';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src-main/api/dispatcher';
import { defaultResourcesDir } from '../../src-main/shared/paths';
import { Workbench } from '../../src-main/app/workbench';
import { makeDemoCentre } from '../../src-main/demo/make-demo';
import { samplingStore } from '../../src-main/sampling/sampling-store';
import { Workspace } from '../../src-main/workspace/workspace';
import { useTempDirs } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';

describe('sampling files changed outside the workbench', () => {
  const tempDir = useTempDirs();
  let open: Workbench | null = null;
  afterEach(async () => {
    await open?.shutdown();
    open = null;
  });

  it('ignores its own saves and notices another program’s, loading the new version', async () => {
    const root = await tempDir();
    const weighed: string[] = [];
    const workbench = (open = new Workbench(
      { userDataDir: path.join(root, 'user-data'), resourcesDir: defaultResourcesDir() },
      { kind: 'web' },
      () => new Date('2026-11-24T10:00:00Z'),
      { watch: true, demo: makeDemoCentre, onWatched: (file) => weighed.push(file) },
    ));
    await workbench.boot();
    const dispatch = createDispatcher(workbench);
    const margaret = workbench.workspace.centre.staff.find((s) => s.roles.includes('iqa'))!;
    await dispatch('session:set-user', {
      personId: margaret.id,
      role: 'iqa',
      passphrase: DEMO_PASSPHRASE,
    });
    const qualificationId = 'qual-demo-customer-service-l3';
    const view = await dispatch('sampling:get-strategy', { qualificationId });
    if (!view.ok) throw new Error(view.error.message);
    const { centreId: _centreId, ...strategy } = (
      view.data as { strategy: Record<string, unknown> }
    ).strategy;
    const start = workbench.changes;
    expect((await dispatch('sampling:save-strategy', { ...strategy, interimShare: 30 })).ok).toBe(
      true,
    );
    // Wait until the watcher has weighed the app's own save: it must not count as outside.
    await waitFor(() => weighed.some((f) => f.endsWith(`${path.sep}strategy.json`)));
    expect(workbench.changes).toBe(start);

    // Another workbench process on the same folder (the CLI, a second window, another computer
    // through a sync engine) changes the strategy: it writes its own change file.
    const other = await Workspace.open(workbench.workspace.dir);
    const strategies = await samplingStore(other).strategies();
    await strategies.update((f) => ({
      ...f,
      strategies: f.strategies.map((s, i) =>
        i === 0 ? { ...s, strategy: { ...s.strategy, interimShare: 55 } } : s,
      ),
    }));
    await waitFor(() => workbench.changes > start);
    const reloaded = await dispatch('sampling:get-strategy', { qualificationId });
    expect(reloaded).toMatchObject({ ok: true, data: { strategy: { interimShare: 55 } } });
  });
});
