import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { defaultRendererDir, defaultResourcesDir } from '../../../src-main/shared/paths';
import { Workbench } from '../../../src-main/app/workbench';
import { makeDemoCentre } from '../../../src-main/demo/make-demo';
import { startHttpHost, type HttpHost } from '../../../src-main/hosts/http/http-host';

export interface RunningWorkbench {
  host: HttpHost;
  workbench: Workbench;
  userDataDir: string;
  /** A scratch folder of this test's own, for workspaces it makes. */
  scratchDir: string;
}

/** Every test gets its own user-data folder and HTTP host, serving the built renderer. */
export const test = base.extend<{ app: RunningWorkbench; workspaceOption: string | undefined }>({
  workspaceOption: [undefined, { option: true }],
  app: async ({ workspaceOption }, use) => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'workbench-e2e-'));
    const userDataDir = path.join(root, 'user-data');
    const scratchDir = path.join(root, 'scratch');
    const workbench = new Workbench(
      { userDataDir, resourcesDir: defaultResourcesDir() },
      { kind: 'web' },
      undefined,
      { demo: makeDemoCentre },
    );
    await workbench.boot({ workspace: workspaceOption });
    const host = await startHttpHost({ workbench, rendererDir: defaultRendererDir() });
    await use({ host, workbench, userDataDir, scratchDir });
    await host.close();
    // Writes what is waiting (portfolio snapshots) before the folder goes, so none lands in it.
    await workbench.shutdown();
    await rm(root, { recursive: true, force: true, maxRetries: 5 });
  },
});

export { expect } from '@playwright/test';
