import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

/** Just enough of Electron's main-process API for the glue to be exercised in Node. */
export function createElectronStub() {
  const ipcHandlers = new Map<string, Listener>();
  const appListeners = new Map<string, Listener>();
  return {
    ipcHandlers,
    appListeners,
    module: {
      ipcMain: { handle: vi.fn((channel: string, fn: Listener) => ipcHandlers.set(channel, fn)) },
      app: {
        on: vi.fn((event: string, fn: Listener) => appListeners.set(event, fn)),
        whenReady: vi.fn(() => new Promise(() => undefined)),
      },
      session: {
        defaultSession: {
          setPermissionRequestHandler: vi.fn(),
          setPermissionCheckHandler: vi.fn(),
        },
      },
      shell: { openExternal: vi.fn(async () => undefined) },
      Menu: { buildFromTemplate: vi.fn(), setApplicationMenu: vi.fn() },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    },
  };
}

/** A fake WebContents that records its listeners so a test can fire them. */
export function fakeWebContents() {
  const listeners = new Map<string, Listener>();
  let windowOpenHandler: Listener | undefined;
  return {
    listeners,
    on: vi.fn((event: string, fn: Listener) => listeners.set(event, fn)),
    setWindowOpenHandler: vi.fn((fn: Listener) => {
      windowOpenHandler = fn;
    }),
    openWindow: (url: string) => windowOpenHandler?.({ url }),
    fire(event: string, url?: string) {
      const preventDefault = vi.fn();
      listeners.get(event)?.({ preventDefault }, url);
      return preventDefault;
    },
  };
}
