import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { operationNames } from '../../api/contract';
import type { Dispatch } from '../../api/dispatcher';
import { failure } from '../../kernel/result';
import { isAppUrl } from './trusted-origin';

/** Only the workbench's own top-level page may call operations; any other frame is refused. */
export function isTrustedSender(event: IpcMainInvokeEvent, devServerUrl?: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent) return false;
  return isAppUrl(frame.url, devServerUrl);
}

/** Binds every contract operation to an IPC channel of the same name. */
export function registerIpc(dispatch: Dispatch, devServerUrl?: string): void {
  for (const name of operationNames) {
    ipcMain.handle(name, async (event, input: unknown) => {
      if (!isTrustedSender(event, devServerUrl)) {
        return failure('forbidden', 'This request did not come from the workbench window.');
      }
      return dispatch(name, input);
    });
  }
}
