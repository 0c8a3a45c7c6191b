import { Readable } from 'node:stream';
import { dialog, ipcMain, shell, type BrowserWindow, type OpenDialogOptions } from 'electron';
import { UserError } from '../../kernel/user-error';
import type { StagedFiles } from '../../evidence/staged-files';
import { answerFileRequest } from '../../evidence/serve-file';
import type { FileTickets } from '../../evidence/file-tickets';
import { isTrustedSender } from './ipc';

export const DROPPED_FILES_CHANNEL = 'evidence:register-dropped';

/** The native "choose files" dialog; the handler stages them, so the screen gets ids, never paths. */
export function chooseFilesWith(window: () => BrowserWindow | null) {
  return async (): Promise<string[]> => {
    const options: OpenDialogOptions = { properties: ['openFile', 'multiSelections'] };
    const parent = window();
    const answer = parent
      ? await dialog.showOpenDialog(parent, options)
      : await dialog.showOpenDialog(options);
    return answer.canceled ? [] : answer.filePaths;
  };
}

export async function openInDefaultApp(file: string): Promise<void> {
  const problem = await shell.openPath(file);
  if (problem) {
    throw new UserError(
      'file-system',
      'The computer has no program set to open this kind of file. Open the evidence folder and choose one.',
    );
  }
}

export async function showInFileManager(file: string): Promise<void> {
  shell.showItemInFolder(file);
}

/**
 * Files dropped on the window: only the preload can turn a dropped File into a path
 * (webUtils), and only the app's own page may hand them over.
 */
export function registerDropIpc(staged: StagedFiles, devServerUrl?: string): void {
  ipcMain.handle(DROPPED_FILES_CHANNEL, async (event, paths: unknown) => {
    if (!isTrustedSender(event, devServerUrl)) return [];
    if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string' && p)) return [];
    return staged.chosen(paths as string[]);
  });
}

/** A ticketed evidence file for app://workbench/evidence-file/…, with byte ranges. */
export async function evidenceFileResponse(
  tickets: FileTickets,
  ticket: string,
  range: string | null,
): Promise<Response> {
  const answer = await answerFileRequest(tickets, ticket, range ?? undefined);
  const body = answer.body ? (Readable.toWeb(answer.body) as ReadableStream<Uint8Array>) : null;
  return new Response(body, { status: answer.status, headers: answer.headers });
}
