import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { HandlerMap } from '../api/handler';
import { dayOf } from '../shared/record';
import { resolveInside } from '../storage/resolve-inside';
import { safeName } from '../storage/safe-name';
import type { learnerCopyOperations } from './learner-copy-contract';
import { writeLearnerCopy } from './write-copy';

export const COPIES_FOLDER = 'learner-copies';

/** learner-copies/2026-12-02-zoe-obrien, then …-2: a new folder each time, never one written over. */
async function newCopyFolder(workspaceDir: string, day: string, name: string): Promise<string> {
  const there = new Set(await readdir(path.join(workspaceDir, COPIES_FOLDER)).catch(() => []));
  const base = `${day}-${safeName(name, 'learner')}`;
  let folder = base;
  for (let n = 2; there.has(folder) || there.has(`${folder}.zip`); n += 1) folder = `${base}-${n}`;
  return resolveInside(workspaceDir, path.join(COPIES_FOLDER, folder));
}

export const learnerCopyHandlers: HandlerMap<keyof typeof learnerCopyOperations> = {
  'learner:export-copy': async ({ learnerId, thirdParty }, workbench) => {
    const { person } = workbench.requireSignedIn();
    const workspace = workbench.workspace;
    const learner = workspace.learner(learnerId);
    const now = workbench.clock();
    const out = await newCopyFolder(workspace.dir, dayOf(now), learner.name);
    const copy = await writeLearnerCopy(workspace, {
      learnerId,
      out,
      zipBeside: true,
      thirdParty: thirdParty ?? {},
      actor: workbench.actor(),
      madeBy: person.name,
      now,
    });
    const relative = (p: string) => path.relative(workspace.dir, p).split(path.sep).join('/');
    return {
      folder: relative(copy.folder ?? out),
      zip: copy.zip ? relative(copy.zip) : null,
      files: copy.files,
      leftOut: copy.leftOut,
      notes: copy.notes,
    };
  },
};
