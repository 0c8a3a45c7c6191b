import { z } from 'zod';
import { operation } from '../shared/operation';

const folder = z
  .string()
  .trim()
  .min(1, 'Give the folder of the workspace.')
  .refine((value) => !value.includes('\0'), 'That folder name has a character no drive accepts.');

export interface WorkspaceStatus {
  /** Null when nothing could be opened; `problem` then says why. */
  open: { dir: string; centreName: string; demo: boolean } | null;
  problem: string | null;
  /**
   * The folder whose centre.json is damaged (while open, or when it could not be opened), so
   * the screen can offer its last good copy; null when centre.json reads.
   */
  centreDamaged: string | null;
  demoDir: string;
  canChooseFolder: boolean;
}

export interface RecentWorkspaceView {
  path: string;
  name: string;
  openedAt: string;
}

export const workspaceOperations = {
  'workspace:status': operation<WorkspaceStatus>()(z.object({})),
  'workspace:open': operation<WorkspaceStatus>()(z.object({ dir: folder })),
  'workspace:open-demo': operation<WorkspaceStatus>()(z.object({})),
  'workspace:create': operation<WorkspaceStatus>()(
    z.object({
      dir: folder,
      name: z.string().trim().min(1, 'Give the centre a name.'),
      number: z.string().trim().optional(),
    }),
  ),
  'workspace:recent': operation<RecentWorkspaceView[]>()(z.object({})),
  'workspace:choose-folder': operation<{ dir: string | null }>()(z.object({})),
  /** Cheap enough to poll: goes up when another program changed a file of the workspace. */
  'workspace:changes': operation<{ generation: number }>()(z.object({})),
  /** Puts back the last good centre.json of a workspace that no longer opens, then opens it. */
  'workspace:restore-centre': operation<WorkspaceStatus & { keptAs: string }>()(
    z.object({ dir: folder }),
  ),
};
