import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { createDemoCentre } from '../../src-main/demo/demo-centre';
import { defaultResourcesDir } from '../../src-main/shared/paths';
import { expect, test } from './support/fixtures';
import { shell } from './support/shell-page';

test('opens on the demo centre and shows its learners and units', async ({ page, app }) => {
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(app.host.url);
  const ui = shell(page);
  await expect(ui.workspaceName).toHaveText('Northgate Skills Centre (demo)');
  await expect(page.getByTestId('centre-counts')).toHaveText('6 learners · 3 units');

  await ui.nav('Learners').click();
  const rows = ui.learnerTable.locator('tbody tr');
  await expect(rows).toHaveCount(6);
  for (const name of ['Łukasz Wójcik', 'Nguyễn Thị Hoa', "Zoë O'Brien", 'Siobhán Ní Bhriain']) {
    await expect(ui.learnerTable.getByText(name)).toBeVisible();
  }

  await ui.nav('Units').click();
  await ui.unitList
    .getByText('Deliver, Monitor and Evaluate Customer Service to External Customers')
    .click();
  await expect(ui.unitDetail.getByText('Ofqual J/508/4003')).toBeVisible();
  await expect(
    ui.unitDetail.getByText('Describe what is meant by external customers'),
  ).toBeVisible();

  // The page names its icon, and the host serves it: nothing it asks for is missing.
  const icon = await page.locator('link[rel="icon"]').getAttribute('href');
  const served = await page.request.get(new URL(icon!, page.url()).href);
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toBe('image/svg+xml');
  expect(failed).toEqual([]);
});

test('opens another workspace by typing its path', async ({ page, app }) => {
  const other = path.join(app.scratchDir, 'second-centre');
  await mkdir(app.scratchDir, { recursive: true });
  const created = await createDemoCentre(other, defaultResourcesDir(), new Date());
  expect(created.dir).toBe(other);

  await page.goto(app.host.url);
  await page.getByRole('button', { name: 'Change workspace' }).click();
  await page.getByLabel('Workspace folder').fill(other);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByTestId('workspace-dir')).toHaveText(other);
});

test('says plainly when a typed folder is not a workspace, and keeps the current one', async ({
  page,
  app,
}) => {
  await mkdir(app.scratchDir, { recursive: true });
  await page.goto(app.host.url);
  await page.getByRole('button', { name: 'Change workspace' }).click();
  await page.getByLabel('Workspace folder').fill(app.scratchDir);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(
    page.getByText(
      `The folder ${app.scratchDir} is not a centre workspace. Choose the folder that holds centre.json.`,
    ),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(shell(page).workspaceName).toHaveText('Northgate Skills Centre (demo)');
});

test('an API call without the token is refused', async ({ request, app }) => {
  const base = `http://127.0.0.1:${app.host.port}`;
  const refused = await request.post(`${base}/api/centre:get`, { data: {} });
  expect(refused.status()).toBe(401);
  const allowed = await request.post(`${base}/api/centre:get`, {
    data: {},
    headers: { Authorization: `Bearer ${app.host.token}` },
  });
  expect(allowed.status()).toBe(200);
  expect((await allowed.json()).data.name).toBe('Northgate Skills Centre (demo)');
});

test('the shell has no serious accessibility violations', async ({ page, app }) => {
  await page.goto(app.host.url);
  await expect(shell(page).workspaceName).toBeVisible();
  for (const label of ['Centre', 'Learners', 'Units']) {
    await shell(page).nav(label).click();
    await expect(shell(page).heading).toHaveText(label);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    expect(
      serious.map(
        (v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      ),
    ).toEqual([]);
  }
});
