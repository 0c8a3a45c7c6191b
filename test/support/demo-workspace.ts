import path from 'node:path';
import { defaultResourcesDir } from '../../src-main/shared/paths';
import { createDemoCentre } from '../../src-main/demo/demo-centre';
import type { Actor } from '../../src-main/shared/record';
import type { Workspace } from '../../src-main/workspace/workspace';

export const tester: Actor = { id: 'st-tester', role: 'assessor' };
export const when = new Date('2026-11-24T10:00:00Z');

/** The demo centre written into `root/centre`, and its first learner. */
export async function demoWorkspace(
  root: string,
): Promise<{ workspace: Workspace; learnerId: string }> {
  const workspace = await createDemoCentre(path.join(root, 'centre'), defaultResourcesDir(), when);
  return { workspace, learnerId: workspace.centre.learners[0]!.id };
}
