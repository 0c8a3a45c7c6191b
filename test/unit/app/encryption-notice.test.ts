import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENCRYPTION_NOTICE, noticeIfUnencrypted } from '../../../src-main/app/encryption-notice';
import { Settings } from '../../../src-main/settings/settings';

describe('the notice about a workspace on a drive without encryption, whatever shows it', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });
  const userData = async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'workbench-settings-'));
    dirs.push(dir);
    return dir;
  };
  const plain = async () => 'not encrypted' as const;

  it('is shown once per workspace on this computer, remembered across launches', async () => {
    const folder = await userData();
    const shown: string[] = [];
    const show = () => void shown.push(`${ENCRYPTION_NOTICE.message} ${ENCRYPTION_NOTICE.detail}`);
    const centre = { dir: '/media/usb/centre', demo: false };
    expect(await noticeIfUnencrypted(centre, await Settings.load(folder), show, plain)).toBe(true);
    expect(await noticeIfUnencrypted(centre, await Settings.load(folder), show, plain)).toBe(false);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toContain('not encrypted');
    expect(shown[0]).toContain('BitLocker');
  });

  it('is not shown for the demo centre, an encrypted drive or one the system cannot tell about', async () => {
    const settings = await Settings.load(await userData());
    let shown = 0;
    const show = () => void (shown += 1);
    const dir = '/srv/centre';
    expect(await noticeIfUnencrypted({ dir, demo: true }, settings, show, plain)).toBe(false);
    expect(
      await noticeIfUnencrypted({ dir, demo: false }, settings, show, async () => 'encrypted'),
    ).toBe(false);
    expect(
      await noticeIfUnencrypted({ dir, demo: false }, settings, show, async () => 'unknown'),
    ).toBe(false);
    expect(shown).toBe(0);
  });

  it('never fails the app when showing it fails', async () => {
    const settings = await Settings.load(await userData());
    const broken = () => Promise.reject(new Error('no terminal'));
    expect(await noticeIfUnencrypted({ dir: '/srv/c', demo: false }, settings, broken, plain)).toBe(
      false,
    );
  });
});
