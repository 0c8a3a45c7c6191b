import type { HostCapabilities } from '../app/workbench';
import { UserError } from '../kernel/user-error';
import { mayOpenExternally } from './media-types';

/**
 * Opens a kept file (learner evidence, a CPD certificate) in the program the computer uses for
 * it; a file that could run a program is shown in its folder instead. Desktop app only: `locate`
 * finds the file once the host is known to be able to open it.
 */
export async function openInItsProgram(
  host: Pick<HostCapabilities, 'openPath' | 'showInFolder'>,
  locate: () => Promise<string>,
): Promise<{ opened: boolean; shownInFolder: boolean }> {
  if (!host.openPath) {
    throw new UserError('unsupported', 'Files open in other programs from the desktop app only.');
  }
  const file = await locate();
  if (mayOpenExternally(file)) {
    await host.openPath(file);
    return { opened: true, shownInFolder: false };
  }
  if (!host.showInFolder) {
    throw new UserError(
      'unsupported',
      'This kind of file could run a program, so the workbench does not open it.',
    );
  }
  await host.showInFolder(file);
  return { opened: false, shownInFolder: true };
}
