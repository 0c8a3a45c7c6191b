import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { defaultRendererDir, defaultResourcesDir } from '../../src-main/shared/paths';
import { Workbench, type HostCapabilities } from '../../src-main/app/workbench';
import { DEMO_PASSPHRASE } from '../../src-main/demo/demo-identities';
import { makeDemoCentre } from '../../src-main/demo/make-demo';
import { startHttpHost } from '../../src-main/hosts/http/http-host';
import { shell } from './support/shell-page';

/**
 * This computer's keychain, as the desktop app has it (Electron safeStorage): a key that stays
 * with the computer across sessions, sealing what the workbench asks it to keep.
 */
function keychain(): Pick<HostCapabilities, 'protectSecret' | 'unprotectSecret'> {
  const key = randomBytes(32);
  return {
    protectSecret: async (plain) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    unprotectSecret: async (sealed) => {
      const bytes = Buffer.from(sealed, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString();
    },
  };
}

/** One session of the workbench on this computer: its own process state, the same user data. */
async function session(userDataDir: string, seal: ReturnType<typeof keychain>) {
  const workbench = new Workbench(
    { userDataDir, resourcesDir: defaultResourcesDir() },
    { kind: 'web', ...seal },
    undefined,
    { demo: makeDemoCentre },
  );
  await workbench.boot({});
  const host = await startHttpHost({ workbench, rendererDir: defaultRendererDir() });
  return {
    url: host.url,
    close: async () => {
      await host.close();
      await workbench.shutdown();
    },
  };
}

async function chooseIqa(page: Page, keep: boolean) {
  await shell(page).userSelect.click();
  await page.getByRole('option', { name: 'Margaret Ellis · Internal quality assurer' }).click();
  const dialog = page.getByRole('dialog');
  const box = dialog.getByRole('checkbox', { name: /^Keep it on this computer/ });
  // Nothing is kept unless the person says so.
  await expect(box).not.toBeChecked();
  if (keep) await box.check();
  await dialog.getByTestId('session-passphrase').fill(DEMO_PASSPHRASE);
  await dialog.getByTestId('session-unlock-submit').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('session-unlock')).toHaveCount(0);
}

for (const keep of [true, false]) {
  test(`a new session ${keep ? 'stays unlocked when' : 'asks again unless'} "Keep it on this computer" was ticked`, async ({
    page,
  }) => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'workbench-keep-'));
    const seal = keychain();
    const userDataDir = path.join(root, 'user-data');
    try {
      const first = await session(userDataDir, seal);
      try {
        await page.goto(first.url);
        await chooseIqa(page, keep);
        // A reload of the same session keeps the key it unlocked.
        await page.reload();
        await expect(shell(page).userSelect).toHaveValue(
          'Margaret Ellis · Internal quality assurer',
        );
        await expect(page.getByTestId('session-unlock')).toHaveCount(0);
      } finally {
        await first.close();
      }

      const second = await session(userDataDir, seal);
      try {
        await page.goto(second.url);
        await expect(shell(page).userSelect).toHaveValue(
          'Margaret Ellis · Internal quality assurer',
        );
        if (keep) {
          await expect(page.getByTestId('session-unlock')).toHaveCount(0);
        } else {
          await expect(page.getByTestId('session-unlock')).toBeVisible();
          await page.getByTestId('session-unlock').click();
          const dialog = page.getByRole('dialog');
          await expect(dialog.getByTestId('session-passphrase')).toBeVisible();
          await expect(
            dialog.getByRole('checkbox', { name: /^Keep it on this computer/ }),
          ).not.toBeChecked();
        }
      } finally {
        await second.close();
      }
    } finally {
      await rm(root, { recursive: true, force: true, maxRetries: 5 });
    }
  });
}
