import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../api/bridge';

/** The native menus, with the usual accelerators; app commands are handed to the screen. */
export function menuTemplate(
  send: (command: MenuCommand) => void,
  options: { isMac: boolean; isDev: boolean },
): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Open Workspace…', accelerator: 'CmdOrCtrl+O', click: () => send('open-workspace') },
      {
        label: 'New Workspace…',
        accelerator: 'CmdOrCtrl+Shift+N',
        click: () => send('new-workspace'),
      },
      { label: 'Open Demo Centre', click: () => send('open-demo') },
      { type: 'separator' },
      { label: 'Print…', accelerator: 'CmdOrCtrl+P', click: () => send('print') },
      { type: 'separator' },
      options.isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      // The screen keeps where it is in the address, so the history moves between screens.
      {
        label: 'Back',
        accelerator: options.isMac ? 'Cmd+[' : 'Alt+Left',
        click: () => send('back'),
      },
      {
        label: 'Forward',
        accelerator: options.isMac ? 'Cmd+]' : 'Alt+Right',
        click: () => send('forward'),
      },
      { role: 'reload' },
      ...(options.isDev ? [{ role: 'toggleDevTools' } as const] : []),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  return [
    ...(options.isMac ? [{ role: 'appMenu' } as const] : []),
    file,
    { role: 'editMenu', label: '&Edit' },
    view,
    { role: 'windowMenu', label: '&Window' },
  ];
}

export function installMenu(window: BrowserWindow, isDev: boolean): void {
  const send = (command: MenuCommand) => window.webContents.send('menu:command', command);
  const template = menuTemplate(send, { isMac: process.platform === 'darwin', isDev });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
