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
  /** A visit pack open instead of a workspace, read only: the EQA's view of it (`dir`: its folder or .zip). */
  pack: { dir: string; centreName: string; demo: boolean } | null;
  /**
   * The folder whose centre.json is damaged (while open, or when it could not be opened), so
   * the screen can offer its last good copy; null when centre.json reads.
   */
  centreDamaged: string | null;
  demoDir: string;
  canChooseFolder: boolean;
  /**
   * Fields of centre.json or of a sampling file that two computers changed differently, neither
   * having seen the other's change: each value with who and when, until someone keeps one.
   */
  conflicts: FileConflictView[];
}

export interface FileConflictView {
  id: string;
  /** The file, as people know it: `centre.json`, `sampling/plan-sp-….json`. */
  file: string;
  /** What changed, in words: "Amira Khan: employer". */
  about: string;
  /** The value shown meanwhile (the same on every computer). */
  shown: string;
  versions: { version: string; value: string; by: string; at: string | null }[];
}

export interface RecentWorkspaceView {
  path: string;
  name: string;
  openedAt: string;
}

export const workspaceOperations = {
  'workspace:status': operation<WorkspaceStatus>()(z.object({})),
  /** Opens a centre workspace, or a visit pack (pack.json and MANIFEST.sha256, or its .zip) read only. */
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
  /** Keeps one value of a file conflict; the other stays on file and on the audit trail. */
  'workspace:settle-conflict': operation<WorkspaceStatus>()(
    z.object({ conflictId: z.string().min(1), version: z.string().min(1) }),
    { writes: true },
  ),
  /** Puts back the last good centre.json of a workspace that no longer opens, then opens it. */
  'workspace:restore-centre': operation<WorkspaceStatus & { keptAs: string }>()(
    z.object({ dir: folder }),
  ),
};
