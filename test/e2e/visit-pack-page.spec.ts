import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { DEMO_PASSPHRASE } from '../../src-main/demo/demo-identities';
import type { PackData } from '../../src-main/visit-pack/pack-model';
import { checkPackFolder } from '../../src-main/visit-pack/verify-pack';
import { expect, test } from './support/fixtures';
import { samplingPage, seriousViolations, switchUser } from './support/sampling-page';
import { shell } from './support/shell-page';

test('the IQA ticks the visit sample on the Sampling page and gets a signed pack of just those learners', async ({
  page,
  app,
}) => {
  const ui = samplingPage(page);
  const workspaceDir = app.workbench.workspace.dir;
  await page.goto(app.host.url);
  await switchUser(page, 'Margaret Ellis · Internal quality assurer');
  await shell(page).nav('Sampling').click();
  await expect(ui.plan).toBeVisible();
  await page.getByRole('button', { name: 'Make the EQA visit pack…' }).click();
  const group = ui.dialog.getByRole('group', { name: 'Learners and units for the visit' });
  await expect(group.getByRole('checkbox').first()).toBeVisible();
  // Nothing is chosen on the IQA's behalf.
  await expect(group.getByRole('checkbox', { checked: true })).toHaveCount(0);
  await expect(ui.dialog.getByRole('button', { name: /^Make the pack/ })).toBeDisabled();
  expect(await seriousViolations(page)).toEqual([]);

  const first = group.getByRole('checkbox').first();
  const label = await group.locator('label').first().innerText();
  await first.check();
  await expect(ui.dialog.getByRole('button', { name: /^Make the pack/ })).toBeDisabled();
  await ui.dialog.getByLabel(/^Passphrase of your signing identity/).fill(DEMO_PASSPHRASE);
  const visits = path.join(workspaceDir, 'visits');
  // The demo centre already has a pack for its own visit: find the one made here.
  const before = new Set(await readdir(visits).catch(() => [] as string[]));
  await ui.dialog.getByRole('button', { name: 'Make the pack (1 chosen)' }).click();
  await expect(ui.dialog.getByTestId('visit-pack-made')).toBeVisible();
  await expect(ui.dialog.getByTestId('visit-pack-made')).toContainText('signed by Margaret Ellis');

  const names = (await readdir(visits)).filter((n) => !before.has(n));
  const folder = names.find((n) => /-pack(-\d+)?$/.test(n))!;
  expect(names).toContain(`${folder}.zip`);
  const check = await checkPackFolder(path.join(visits, folder), null);
  expect(check.problems).toEqual([]);
  expect(check.signedBy).toBe('Margaret Ellis');
  const data = JSON.parse(
    await readFile(path.join(visits, folder, 'pack.json'), 'utf8'),
  ) as PackData;
  expect(data.learners).toHaveLength(1);
  expect(label).toContain(data.learners[0]!.name);
});
