import type { HandlerMap } from '../api/handler';
import { UserError } from '../kernel/user-error';
import type { Workbench } from '../app/workbench';
import { competenceStore } from '../competence/competence-store';
import { samplingStore } from '../sampling/sampling-store';
import type { FieldConflict } from '../storage/document-log';
import type { FileConflictView, WorkspaceStatus, workspaceOperations } from './workspace-contract';
import { Workspace } from './workspace';

const shownAs = (value: unknown) =>
  value === null || value === undefined || value === ''
    ? '(empty)'
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);

/** Each file conflict in words, naming people by name rather than id. */
async function conflictViews(workspace: Workspace): Promise<FileConflictView[]> {
  const found: FieldConflict[] = [
    ...workspace.centreConflicts,
    ...(await samplingStore(workspace).conflicts()),
    ...(await competenceStore(workspace).conflicts()),
  ];
  const nameOf = (id: string | null) =>
    workspace.centre.staff.find((s) => s.id === id)?.name ?? id ?? 'someone';
  return found.map((c) => ({
    id: c.id,
    file: c.file,
    about: `${c.record}: ${c.field}`,
    shown: shownAs(c.shown),
    versions: c.versions.map((v) => ({
      version: v.version,
      value: shownAs(v.value),
      by: nameOf(v.by),
      at: v.at,
    })),
  }));
}

async function status(
  workbench: Workbench,
  problem: string | null = null,
): Promise<WorkspaceStatus> {
  const open = workbench.hasWorkspace ? workbench.workspace : null;
  let reason = problem;
  const pack = workbench.openedPack;
  if (!open && !reason && !pack) {
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
    pack: pack
      ? { dir: pack.source, centreName: pack.data.centre.name, demo: pack.data.centre.demo }
      : null,
    problem: centreProblem
      ? `${centreProblem.message} Until it is put right, the workbench shows the centre as it last read it and saves no change to it.`
      : reason,
    centreDamaged: centreProblem && open ? open.dir : failedOnCentre,
    demoDir: workbench.demoDir,
    canChooseFolder: Boolean(workbench.host.chooseFolder),
    conflicts: open ? await conflictViews(open) : [],
  };
}

export const workspaceHandlers: HandlerMap<keyof typeof workspaceOperations> = {
  'workspace:status': async (_input, workbench) => status(workbench),
  'workspace:open': async ({ dir }, workbench) => {
    await workbench.openFolder(dir);
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
  'workspace:settle-conflict': async ({ conflictId, version }, workbench) => {
    const workspace = workbench.workspace;
    const actor = workbench.actor();
    const settled = workspace.centreConflicts.some((c) => c.id === conflictId)
      ? (await workspace.settleCentreConflict(conflictId, version, actor, workbench.clock()), true)
      : (await samplingStore(workspace).settle(conflictId, version, actor, workbench.clock())) ||
        (await competenceStore(workspace).settle(conflictId, version, actor, workbench.clock()));
    if (!settled) {
      throw new UserError(
        'conflict',
        'That difference has already been settled, here or on another computer. Look again at the values shown.',
      );
    }
    return status(workbench);
  },
  'workspace:changes': async (_input, workbench) => ({ generation: workbench.changes }),
  'workspace:restore-centre': async ({ dir }, workbench) => {
    const { keptAs } = await Workspace.restoreCentre(dir, workbench.clock());
    await workbench.open(dir);
    return { ...(await status(workbench)), keptAs };
  },
};
