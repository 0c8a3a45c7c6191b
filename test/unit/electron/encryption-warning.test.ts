import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Settings } from '../../../src-main/settings/settings';

const showMessageBox = vi.fn(async () => ({ response: 0, checkboxChecked: false }));
vi.mock('electron', () => ({ dialog: { showMessageBox } }));

const { warnIfUnencrypted, ENCRYPTION_WARNING } =
  await import('../../../src-main/hosts/electron/encryption-warning');
const { bootWorkbench } = await import('../../support/workbench');

describe('the desktop app’s warning about a workspace on an unencrypted drive', () => {
  const dirs: string[] = [];
  const userData = async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'workbench-settings-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });
  beforeEach(() => showMessageBox.mockClear());

  it('warns once per workspace, remembered in this computer’s settings', async () => {
    const folder = await userData();
    const settings = await Settings.load(folder);
    const centre = { dir: '/media/usb/centre', demo: false };
    const plain = vi.fn(async () => 'not encrypted' as const);
    expect(await warnIfUnencrypted(centre, settings, plain)).toBe(true);
    expect(showMessageBox).toHaveBeenCalledWith(ENCRYPTION_WARNING);
    expect(ENCRYPTION_WARNING.detail).toMatch(/BitLocker.*FileVault.*LUKS/);

    // The same workspace again, even after a restart: no second warning, no second check.
    const again = await Settings.load(folder);
    expect(await warnIfUnencrypted(centre, again, plain)).toBe(false);
    expect(plain).toHaveBeenCalledTimes(1);
    // Another workspace on the same computer is its own question.
    expect(await warnIfUnencrypted({ dir: '/media/usb/other', demo: false }, again, plain)).toBe(
      true,
    );
    expect(showMessageBox).toHaveBeenCalledTimes(2);
  });

  it('stays quiet for an encrypted or unknown drive, the demo centre, and a check that fails', async () => {
    const settings = await Settings.load(await userData());
    const dir = '/home/sam/centre';
    expect(await warnIfUnencrypted({ dir, demo: false }, settings, async () => 'encrypted')).toBe(
      false,
    );
    expect(await warnIfUnencrypted({ dir, demo: false }, settings, async () => 'unknown')).toBe(
      false,
    );
    expect(
      await warnIfUnencrypted({ dir, demo: true }, settings, async () => 'not encrypted'),
    ).toBe(false);
    const broken = async (): Promise<never> => {
      throw new Error('lsblk crashed');
    };
    expect(await warnIfUnencrypted({ dir, demo: false }, settings, broken)).toBe(false);
    expect(showMessageBox).not.toHaveBeenCalled();
    // Not remembered: a later check that can tell still warns.
    expect(settings.hasWarnedAboutEncryption(dir)).toBe(false);
  });

  it('is asked each time a workspace opens, the demo centre saying it is the demo', async () => {
    const root = await userData();
    const opened: { dir: string; demo: boolean }[] = [];
    const workbench = await bootWorkbench(root, {
      host: { kind: 'electron', workspaceOpened: (w) => opened.push(w) },
    });
    expect(opened).toEqual([{ dir: workbench.demoDir, demo: true }]);
    await workbench.shutdown();
  });
});
