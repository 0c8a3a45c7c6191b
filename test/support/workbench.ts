import path from 'node:path';
import { defaultResourcesDir } from '../../src-main/shared/paths';
import { Workbench, type HostCapabilities } from '../../src-main/app/workbench';
import { makeDemoCentre } from '../../src-main/demo/make-demo';

/** A workbench whose user data lives in `root`, booted like a host would boot it. */
export async function bootWorkbench(
  root: string,
  options: { workspace?: string; host?: HostCapabilities; now?: Date } = {},
): Promise<Workbench> {
  const workbench = new Workbench(
    { userDataDir: path.join(root, 'user-data'), resourcesDir: defaultResourcesDir() },
    options.host ?? { kind: 'web' },
    () => options.now ?? new Date('2026-11-24T10:00:00Z'),
    { demo: makeDemoCentre },
  );
  await workbench.boot({ workspace: options.workspace });
  return workbench;
}
