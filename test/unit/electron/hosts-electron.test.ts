import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createElectronStub, fakeWebContents } from './electron-stub';

const stub = createElectronStub();
vi.mock('electron', () => stub.module);

const { mainWindowOptions } = await import('../../../src-main/hosts/electron/window-options');
const { registerIpc } = await import('../../../src-main/hosts/electron/ipc');
const { hardenWebContents, installSecurity } =
  await import('../../../src-main/hosts/electron/security');
const { isAppUrl, APP_URL } = await import('../../../src-main/hosts/electron/trusted-origin');
const { openExternalSafely } = await import('../../../src-main/hosts/electron/external-links');
const { menuTemplate } = await import('../../../src-main/hosts/electron/menu');
const { operationNames } = await import('../../../src-main/api/contract');

beforeEach(() => {
  stub.module.shell.openExternal.mockClear();
});

describe('the main window', () => {
  it('isolates the page from Node and sandboxes it', () => {
    const options = mainWindowOptions('/app/out/preload/index.cjs', {
      bounds: { width: 1200, height: 800 },
      maximised: false,
    });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
    });
  });
});

describe('IPC', () => {
  const dispatch = vi.fn(async (name: string, input: unknown) => ({
    ok: true as const,
    data: { name, input },
  }));
  registerIpc(dispatch);

  const fromFrame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });

  it('binds every operation of the contract, and nothing else', () => {
    expect([...stub.ipcHandlers.keys()].sort()).toEqual([...operationNames].sort());
  });

  it('passes a call from the app’s own page to the dispatcher', async () => {
    const handler = stub.ipcHandlers.get('centre:get')!;
    await expect(handler(fromFrame(APP_URL), {})).resolves.toEqual({
      ok: true,
      data: { name: 'centre:get', input: {} },
    });
  });

  it.each([
    'https://evil.example/?next=app://workbench/',
    'app://workbench.evil/index.html',
    'file:///work/out/renderer/index.html',
    'http://127.0.0.1:5173/',
    '',
  ])('refuses a call from a foreign frame (%s)', async (url) => {
    dispatch.mockClear();
    const handler = stub.ipcHandlers.get('centre:get')!;
    await expect(handler(fromFrame(url), {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a call from a subframe of the app itself', async () => {
    const handler = stub.ipcHandlers.get('centre:get')!;
    await expect(handler(fromFrame(APP_URL, { url: APP_URL }), {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('refuses a bad payload through the real dispatcher', async () => {
    const { createDispatcher } = await import('../../../src-main/api/dispatcher');
    const real = createDispatcher({ readOnly: () => false } as never);
    const answer = await real('workspace:open', { dir: 42 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

describe('navigation and new windows', () => {
  it('installs its guard on every web contents the app creates and denies permissions', () => {
    installSecurity();
    expect(stub.appListeners.has('web-contents-created')).toBe(true);
  });

  it('denies navigation away from the app, and allows the app’s own pages', () => {
    const contents = fakeWebContents();
    hardenWebContents(contents as never);
    expect(contents.fire('will-navigate', 'https://evil.example/')).toHaveBeenCalled();
    expect(
      contents.fire('will-navigate', 'https://evil.example/?next=app://workbench'),
    ).toHaveBeenCalled();
    expect(contents.fire('will-redirect', 'http://localhost:1234/')).toHaveBeenCalled();
    expect(contents.fire('will-attach-webview')).toHaveBeenCalled();
    expect(contents.fire('will-navigate', 'app://workbench/index.html')).not.toHaveBeenCalled();
  });

  it('denies window.open, handing only http(s) links to the browser', () => {
    const contents = fakeWebContents();
    hardenWebContents(contents as never);
    expect(contents.openWindow('https://www.ocnlondon.org.uk/')).toEqual({ action: 'deny' });
    expect(contents.openWindow('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(contents.openWindow('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(stub.module.shell.openExternal).toHaveBeenCalledTimes(1);
    expect(stub.module.shell.openExternal).toHaveBeenCalledWith('https://www.ocnlondon.org.uk/');
  });

  it('opens no link with credentials or odd schemes', () => {
    expect(openExternalSafely('https://user:pass@example.org/')).toBe(false);
    expect(openExternalSafely('smb://server/share')).toBe(false);
    expect(openExternalSafely('not a url')).toBe(false);
  });
});

describe('trusted origin', () => {
  it('accepts the app origin and, only when given, the dev server', () => {
    expect(isAppUrl('app://workbench/index.html')).toBe(true);
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });
});

describe('menus', () => {
  it('has the usual accelerators and sends app commands to the page', () => {
    const sent: string[] = [];
    const template = menuTemplate((c) => sent.push(c), { isMac: false, isDev: false });
    const file = template.find((m) => m.label === '&File');
    const items = (file?.submenu ?? []) as {
      label?: string;
      accelerator?: string;
      click?: () => void;
    }[];
    const open = items.find((i) => i.label === 'Open Workspace…');
    expect(open?.accelerator).toBe('CmdOrCtrl+O');
    open?.click?.();
    expect(sent).toEqual(['open-workspace']);
    expect(items.find((i) => i.label === 'Print…')?.accelerator).toBe('CmdOrCtrl+P');
    const view = template.find((m) => m.label === '&View');
    expect(JSON.stringify(view)).not.toContain('toggleDevTools');
    const moves = (view?.submenu ?? []) as typeof items;
    expect(moves.find((i) => i.label === 'Back')?.accelerator).toBe('Alt+Left');
    moves.find((i) => i.label === 'Back')?.click?.();
    moves.find((i) => i.label === 'Forward')?.click?.();
    expect(sent).toEqual(['open-workspace', 'back', 'forward']);
  });
});
