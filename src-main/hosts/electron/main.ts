import { installSecurity } from './security';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, screen, type OpenDialogOptions } from 'electron';
import { createDispatcher } from '../../api/dispatcher';
import { Workbench } from '../../app/workbench';
import { makeDemoCentre } from '../../demo/make-demo';
import { serveRenderer, registerAppScheme } from './app-protocol';
import {
  chooseFilesWith,
  openInDefaultApp,
  registerDropIpc,
  showInFileManager,
} from './evidence-glue';
import { registerIpc } from './ipc';
import { protectSecret, unprotectSecret } from './secret-glue';
import { warnIfUnencrypted } from './encryption-warning';
import { installMenu } from './menu';
import { APP_URL } from './trusted-origin';
import { mainWindowOptions } from './window-options';
import { loadWindowState, saveWindowState } from './window-state';

const here = path.dirname(fileURLToPath(import.meta.url));
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const isDev = !app.isPackaged && Boolean(devServerUrl);

installSecurity(devServerUrl);
registerAppScheme();

let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  const userDataDir = app.getPath('userData');
  const workbench = new Workbench(
    {
      userDataDir,
      resourcesDir: app.isPackaged ? process.resourcesPath : path.join(here, '../../resources'),
    },
    {
      kind: 'electron',
      chooseFolder: async () => {
        // macOS can offer folders and a visit pack's .zip in one dialog; Windows and Linux show
        // folders only when asked for both, so there a pack's .zip is opened by typing its path.
        const options: OpenDialogOptions =
          process.platform === 'darwin'
            ? {
                properties: ['openDirectory', 'openFile', 'createDirectory'],
                filters: [{ name: 'Workspace folder or visit pack (.zip)', extensions: ['zip'] }],
              }
            : { properties: ['openDirectory', 'createDirectory'] };
        const answer = mainWindow
          ? await dialog.showOpenDialog(mainWindow, options)
          : await dialog.showOpenDialog(options);
        return answer.canceled ? null : (answer.filePaths[0] ?? null);
      },
      chooseFiles: chooseFilesWith(() => mainWindow),
      openPath: openInDefaultApp,
      showInFolder: showInFileManager,
      protectSecret,
      unprotectSecret,
      workspaceOpened: (workspace) => void warnIfUnencrypted(workspace, workbench.settings),
    },
    undefined,
    { watch: true, demo: makeDemoCentre },
  );
  await workbench.boot();
  registerIpc(createDispatcher(workbench), devServerUrl);
  registerDropIpc(workbench.staged, devServerUrl);
  serveRenderer(path.join(here, '../renderer'), workbench.tickets);

  const workAreas = screen.getAllDisplays().map((d) => d.workArea);
  const state = await loadWindowState(userDataDir, workAreas);
  const window = new BrowserWindow(
    mainWindowOptions(path.join(here, '../preload/index.cjs'), state),
  );
  mainWindow = window;
  if (state.maximised) window.maximize();
  installMenu(window, isDev);
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    void saveWindowState(userDataDir, {
      bounds: window.getNormalBounds(),
      maximised: window.isMaximized(),
    });
  });
  window.on('closed', () => {
    mainWindow = null;
    void workbench.shutdown();
  });
  await window.loadURL(isDev && devServerUrl ? devServerUrl : APP_URL);
}
