import { UserError } from '../kernel/user-error';

interface NodeError {
  code?: string;
}

/** Says what happened, why, and what the user can do, for the errors folders commonly give. */
export function mapFsError(error: unknown, target: string): UserError {
  if (error instanceof UserError) return error;
  const code = (error as NodeError | null)?.code;
  switch (code) {
    case 'ENOENT':
      return new UserError(
        'not-found',
        `${target} could not be found. It may have been moved, renamed or be on a drive that is not connected.`,
      );
    case 'EACCES':
    case 'EPERM':
      return new UserError(
        'file-system',
        `The workbench is not allowed to use ${target}. Check that you have permission to change this folder, or ask whoever manages the drive.`,
      );
    case 'ENOSPC':
      return new UserError(
        'file-system',
        `There is no space left on the drive holding ${target}. Free some space and try again; nothing already saved has been lost.`,
      );
    case 'EROFS':
      return new UserError(
        'file-system',
        `${target} is on a read-only drive. Copy the workspace somewhere you can write to, or open it read-only.`,
      );
    case 'EBUSY':
    case 'EAGAIN':
      return new UserError(
        'file-system',
        `${target} is in use by another program (a sync client or virus scanner, perhaps). Wait a moment and try again.`,
      );
    case 'ENOTDIR':
    case 'EISDIR':
      return new UserError(
        'file-system',
        `${target} is not the kind of item expected (a file where a folder should be, or the other way round).`,
      );
    default:
      return new UserError(
        'file-system',
        `Something went wrong while using ${target}${code ? ` (${code})` : ''}. Try again; if it keeps happening, check the drive.`,
      );
  }
}
