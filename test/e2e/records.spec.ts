import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { DEMO_PASSPHRASE } from '../../src-main/demo/demo-identities';
import { expect, test } from './support/fixtures';
import { recordsPage } from './support/records-page';
import { chooseUser, shell } from './support/shell-page';

test('makes, signs, previews and verifies a unit assessment record on the Records page', async ({
  page,
  app,
}) => {
  await page.goto(app.host.url);
  await shell(page).nav('Records').click();
  const records = recordsPage(page);

  // Amara's unit is ready but not signed off: its record is a draft and is not sealed.
  await records.learner.click();
  await records.option(/Amara Okafor/).click();
  await expect(records.unit).toBeEnabled();
  await records.unit.click();
  await records.option(/J\/508\/4003/).click();
  await records.passphrase.fill(DEMO_PASSPHRASE);
  await records.makeButton.click();
  await expect(page.getByText(/is a draft \(the unit is not signed off\)/)).toBeVisible();

  // Nguyễn's is signed off by Priya Sharma, who signs it.
  await records.learner.click();
  await records.option(/Nguyễn Thị Hoa/).click();
  await expect(records.unit).toBeEnabled();
  await records.unit.click();
  await records.option(/J\/508\/4003/).click();
  await records.passphrase.fill(DEMO_PASSPHRASE);
  await records.makeButton.click();

  await expect(records.preview).toBeVisible();
  await expect(records.pageCount).toHaveText(/\d+ pages/);
  expect(await records.previewPages.count()).toBeGreaterThan(1);
  await expect(records.issuedRows).toHaveCount(1);
  await expect(records.issuedRows.first()).toContainText('Priya Sharma');

  // Printing shows the record's pages and nothing of the app around them.
  await page.emulateMedia({ media: 'print' });
  await expect(shell(page).nav('Records')).toBeHidden();
  await expect(records.previewPages.first()).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // The signed file is in the learner's records folder, named in the portfolio.
  const learner = app.workbench.workspace.centre.learners.find((l) => l.name === 'Nguyễn Thị Hoa')!;
  const folder = await app.workbench.workspace.portfolioFolder(learner.id);
  const files = await readdir(path.join(folder, 'records'));
  expect(files).toHaveLength(1);
  expect(files[0]).toMatch(/^unit-record-j-508-4003-r-\d{8}-\w{6}\.pdf$/);

  await page.getByRole('button', { name: /^Verify R-/ }).click();
  await expect(records.verifyResult).toContainText('everything holds');
  await expect(records.verifySignatures).toContainText('Priya Sharma');
  await expect(records.verifySignatures).toContainText('Valid');
  await expect(records.verifyEvidence).toContainText(/(\d+) of \1 unchanged/);

  // The same file, chosen from the computer, checks out too.
  await records.verifyFileInput.setInputFiles(path.join(folder, 'records', files[0]!));
  await expect(records.verifyResult).toContainText(`${files[0]}: everything holds`);

  const scan = await new AxeBuilder({ page }).analyze();
  const serious = scan.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  if (process.env.RECORDS_SCREENSHOT) {
    await page.screenshot({ path: process.env.RECORDS_SCREENSHOT, fullPage: true });
  }
});

test('lists each assessor’s and IQA’s signing identity with its certificate', async ({
  page,
  app,
}) => {
  await page.goto(app.host.url);
  await shell(page).nav('Records').click();
  const { identities } = recordsPage(page);
  await expect(identities).toContainText('Priya Sharma');
  await expect(identities).toContainText('Margaret Ellis');
  await expect(identities.getByText(/^SHA-256 [0-9A-F:]{95}$/)).toHaveCount(3);
});

test('an IQA countersigns a signed record, and both signatures verify', async ({ page, app }) => {
  await page.goto(app.host.url);
  await shell(page).nav('Records').click();
  const records = recordsPage(page);
  await records.learner.click();
  await records.option(/Nguyễn Thị Hoa/).click();
  await expect(records.unit).toBeEnabled();
  await records.unit.click();
  await records.option(/J\/508\/4003/).click();
  await records.passphrase.fill(DEMO_PASSPHRASE);
  await records.makeButton.click();
  await expect(records.issuedRows).toHaveCount(1);

  await chooseUser(page, 'Margaret Ellis · Internal quality assurer');
  await shell(page).nav('Records').click();
  await records.learner.click();
  await records.option(/Nguyễn Thị Hoa/).click();
  await page.getByRole('button', { name: /^Countersign R-/ }).click();
  await page.getByTestId('countersign-passphrase').fill(DEMO_PASSPHRASE);
  await page.getByRole('dialog').getByRole('button', { name: 'Countersign' }).click();
  await expect(records.issuedRows.first()).toContainText('Margaret Ellis');

  await page.getByRole('button', { name: /^Verify R-/ }).click();
  await expect(records.verifyResult).toContainText('everything holds');
  await expect(records.verifySignatures.getByText('Valid', { exact: true })).toHaveCount(2);
  await expect(records.verifySignatures).toContainText('Internal quality assurer');
});

test('replacing a signing identity asks first, naming what happens, and Cancel keeps the old one', async ({
  page,
  app,
}) => {
  const priya = app.workbench.workspace.centre.staff.find((s) => s.name === 'Priya Sharma')!;
  const pem = path.join(app.workbench.workspace.dir, 'signing', `${priya.id}.pem`);
  const before = await readFile(pem, 'utf8');
  await page.goto(app.host.url);
  await shell(page).nav('Records').click();
  await page.getByRole('button', { name: 'Replace Priya Sharma’s signing identity' }).click();
  const form = page.getByRole('dialog', { name: 'New signing identity for Priya Sharma' });
  await form.getByLabel('Centre certificate passphrase').fill(DEMO_PASSPHRASE);
  await form.getByLabel('Passphrase', { exact: true }).fill('a new passphrase');
  await form.getByRole('button', { name: 'Replace…' }).click();

  const confirm = page.getByRole('dialog', { name: 'Replace Priya Sharma’s signing identity?' });
  await expect(confirm).toContainText('current certificate');
  await expect(confirm).toContainText('stops today and is kept');
  await confirm.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(confirm).toHaveCount(0);
  expect(await readFile(pem, 'utf8')).toBe(before);

  await form.getByRole('button', { name: 'Replace…' }).click();
  await confirm.getByRole('button', { name: 'Replace the identity' }).click();
  await expect(page.getByText('Priya Sharma has a signing identity.')).toBeVisible();
  expect(await readFile(pem, 'utf8')).not.toBe(before);
});
