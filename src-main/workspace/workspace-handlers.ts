import type { HandlerMap } from '../api/handler';
import { UserError } from '../kernel/user-error';
import type { Workbench } from '../app/workbench';
import type { WorkspaceStatus, workspaceOperations } from './workspace-contract';
import { Workspace } from './workspace';

function status(workbench: Workbench, problem: string | null = null): WorkspaceStatus {
  const open = workbench.hasWorkspace ? workbench.workspace : null;
  let reason = problem;
  if (!open && !reason) {
    try {
      void workbench.workspace;
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
  }
  // A centre.json damaged while the workspace is open: reads still show the last good state.
  const centreProblem = open?.centreProblem ?? null;
  const failedOnCentre =
    !open && workbench.failedDir && /centre file/i.test(reason ?? '') ? workbench.failedDir : null;
  return {
    open: open
      ? { dir: open.dir, centreName: open.centre.centre.name, demo: open.centre.centre.demo }
      : null,
    problem: centreProblem
      ? `${centreProblem.message} Until it is put right, the workbench shows the centre as it last read it and saves no change to it.`
      : reason,
    centreDamaged: centreProblem && open ? open.dir : failedOnCentre,
    demoDir: workbench.demoDir,
    canChooseFolder: Boolean(workbench.host.chooseFolder),
  };
}

export const workspaceHandlers: HandlerMap<keyof typeof workspaceOperations> = {
  'workspace:status': async (_input, workbench) => status(workbench),
  'workspace:open': async ({ dir }, workbench) => {
    await workbench.open(dir);
    return status(workbench);
  },
  'workspace:open-demo': async (_input, workbench) => {
    await workbench.openDemo();
    return status(workbench);
  },
  'workspace:create': async ({ dir, name, number }, workbench) => {
    await workbench.create(dir, { name, number });
    return status(workbench);
  },
  'workspace:recent': async (_input, workbench) => [...workbench.settings.recent],
  'workspace:choose-folder': async (_input, workbench) => {
    if (!workbench.host.chooseFolder) {
      throw new UserError(
        'unsupported',
        'Type the folder path instead: this window cannot show a folder picker.',
      );
    }
    return { dir: await workbench.host.chooseFolder() };
  },
  'workspace:changes': async (_input, workbench) => ({ generation: workbench.changes }),
  'workspace:restore-centre': async ({ dir }, workbench) => {
    const { keptAs } = await Workspace.restoreCentre(dir, workbench.clock());
    await workbench.open(dir);
    return { ...status(workbench), keptAs };
  },
};
