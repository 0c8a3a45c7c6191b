import { hostname } from 'node:os';
import path from 'node:path';

/**
 * Where this computer keeps files sent to the workbench until an operation takes them: inside
 * the workspace (so a staged file moves into a portfolio by a rename, not a second copy), in a
 * folder of its own per computer, so two computers sharing the workspace never meet there.
 */
export function stagingFolder(workspaceDir: string): string {
  const computer = encodeURIComponent(hostname()).replace(/[.%]/g, '_') || 'this-computer';
  return path.join(workspaceDir, '.workbench', computer, 'staging');
}

/** Each staged file sits alone in a folder of this prefix, removed once used or expired. */
export const STAGED_FOLDER_PREFIX = '.held-';
