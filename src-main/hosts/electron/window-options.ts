import type { BrowserWindowConstructorOptions } from 'electron';
import type { WindowState } from './window-state';

/** The one place the window's security settings are decided (and pinned by a test). */
export function mainWindowOptions(
  preload: string,
  state: WindowState,
): BrowserWindowConstructorOptions {
  return {
    ...state.bounds,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Assessor & Verifier Workbench',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  };
}
