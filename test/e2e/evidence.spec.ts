import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { demoPdf } from '../../src-main/demo/demo-files';
import { portfolioOnDisk } from '../support/portfolio-on-disk';
import { expect, test } from './support/fixtures';
import { learnerPage } from './support/learner-page';
import { shell } from './support/shell-page';

test('uploads a file, maps it to two criteria, previews it and shows it on the audit trail', async ({
  page,
  app,
}) => {
  const pdf = Buffer.from(await demoPdf('Shift report', ['Handled twelve customer queries.']));
  await page.goto(app.host.url);
  await shell(page).nav('Learners').click();
  const ui = learnerPage(page);
  await ui.open('Amara Okafor');

  await ui.fileInput.setInputFiles({
    name: 'shift report.pdf',
    mimeType: 'application/pdf',
    buffer: pdf,
  });
  await page.getByLabel('Title').fill('Shift report');
  await page.getByLabel('Location').fill('Leeds');
  await page.getByRole('button', { name: 'Add to portfolio' }).click();
  await expect(ui.evidenceRow('Shift report')).toBeVisible();

  await page.getByRole('button', { name: 'Map to criteria: Shift report' }).click();
  await ui.criteriaPicker.getByLabel('1.1 Describe what is meant by external customers').check();
  await ui.criteriaPicker
    .getByLabel(
      '2.1 Describe the products and services offered by the organisation to external customers',
    )
    .check();
  await page.getByRole('button', { name: 'Save mapping' }).click();
  await expect(ui.evidenceRow('Shift report').getByText('1.1', { exact: true })).toBeVisible();
  await expect(ui.evidenceRow('Shift report').getByText('2.1', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Preview Shift report' }).click();
  await expect(ui.pdf.getByText('1 page')).toBeVisible();
  await expect(ui.pdf.getByRole('img', { name: 'Page 1 of the document' })).toBeVisible();
  await page.keyboard.press('Escape');

  await ui.tab('Audit trail').click();
  await expect(ui.auditTrail.getByText('Shift report → criterion 1.1')).toBeVisible();
  await expect(ui.auditTrail.getByText('Shift report → criterion 2.1')).toBeVisible();
  await expect(ui.auditTrail.getByText('added evidence').first()).toBeVisible();
  await page.getByRole('combobox', { name: 'Unit', exact: true }).click();
  await page.getByRole('option', { name: /External Customers/ }).click();
  await page.getByRole('combobox', { name: 'Criterion' }).click();
  await page.getByRole('option', { name: '2.1', exact: true }).click();
  await expect(ui.auditTrail.getByText('Shift report → criterion 2.1')).toBeVisible();
  await expect(ui.auditTrail.getByText('Shift report → criterion 1.1')).toHaveCount(0);

  // What reached the disk: the file itself under a readable name, and the records about it.
  const workspace = app.workbench.workspace;
  const learner = workspace.centre.learners.find((l) => l.name === 'Amara Okafor')!;
  const folder = path.join(workspace.dir, learner.portfolio);
  const saved = await portfolioOnDisk(folder, learner.id);
  const evidence = saved.evidence.find((e) => e.title === 'Shift report')!;
  expect(evidence).toMatchObject({
    method: 'product evidence',
    location: 'Leeds',
    file: {
      path: expect.stringMatching(/^evidence\/\d{4}-\d{2}-\d{2}-shift-report\.pdf$/),
      originalName: 'shift report.pdf',
      size: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
    },
  });
  expect(await readFile(path.join(folder, evidence.file!.path))).toEqual(pdf);
  const mapped = saved.mappings
    .filter(
      (m: { evidenceId: string; removed: boolean }) => m.evidenceId === evidence.id && !m.removed,
    )
    .map((m: { criterionRef: string }) => m.criterionRef)
    .sort();
  expect(mapped).toEqual(['1.1', '2.1']);
  expect(
    saved.audit.filter((a: { action: string }) => a.action === 'mapped evidence').length,
  ).toBeGreaterThanOrEqual(2);
});

test('the learner and centre screens have no serious accessibility violations', async ({
  page,
  app,
}) => {
  await page.goto(app.host.url);
  await expect(shell(page).workspaceName).toBeVisible();
  const check = async () => {
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    expect(
      serious.map(
        (v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      ),
    ).toEqual([]);
  };
  await check();
  await shell(page).nav('Learners').click();
  await learnerPage(page).open('Łukasz Wójcik');
  await expect(page.getByTestId('evidence-table')).toBeVisible();
  await check();
  for (const tab of ['Criteria', 'Units', 'Audit trail']) {
    await learnerPage(page).tab(tab).click();
    await check();
  }
});

test('"Map to criteria" finds criteria as the E dialog does, writes parts as the specification does, and lists them in unit order', async ({
  page,
  app,
}) => {
  await page.goto(app.host.url);
  await shell(page).nav('Learners').click();
  const ui = learnerPage(page);
  await ui.open('Łukasz Wójcik');
  const item = page.getByTestId('evidence-row').first();
  const title = (await item
    .getByRole('button', { name: /^Preview / })
    .getAttribute('aria-label'))!.replace(/^Preview /, '');
  await page.getByRole('button', { name: `Map to criteria: ${title}` }).click();
  const dialog = page.getByRole('dialog', { name: `Criteria covered by ${title}` });
  await expect(dialog.getByLabel('Find criteria')).toBeFocused();
  await page.keyboard.type('9.1');
  await expect(ui.criteriaPicker.getByRole('checkbox')).toHaveCount(8);
  await expect(ui.criteriaPicker.getByLabel(/^9\.1 a /).first()).toBeVisible();
  await page.keyboard.press('Control+a');
  // Words find a part by its own text, shown under its criterion.
  await page.keyboard.type('resolve problems');
  await expect(ui.criteriaPicker.getByLabel(/^9\.1 a /)).toHaveCount(0);
  await expect(ui.criteriaPicker.getByLabel(/^9\.1 b resolve problems/).first()).toBeVisible();
  await expect(ui.criteriaPicker.getByLabel(/^1\.1 /)).toHaveCount(0);
  await dialog.getByLabel('Find criteria').fill('no criterion says this');
  await expect(ui.criteriaPicker.getByText('No criterion matches.')).toBeVisible();
  await dialog.getByLabel('Find criteria').fill('');
  for (const label of [/^9\.1 b /, /^1\.1 /]) {
    const box = ui.criteriaPicker.getByLabel(label).first();
    if (!(await box.isChecked())) await box.check();
  }
  await dialog.getByRole('button', { name: 'Save mapping' }).click();
  await expect(dialog).toHaveCount(0);

  // Shown as written ("9.1 b", never "9.1 B"), in the order of the unit.
  const badges = await page
    .getByTestId('evidence-row')
    .filter({ hasText: title })
    .first()
    .locator('.mantine-Badge-root')
    .evaluateAll((nodes) => nodes.map((n) => (n as { innerText: string }).innerText.trim()));
  expect(badges).toContain('9.1 b');
  expect(badges.join(' ')).not.toMatch(/\d [A-Z]\b/);
  const order = (b: string) => b.split(/[ .]/).map((x) => (/^\d+$/.test(x) ? Number(x) : x));
  const sorted = [...badges].sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
      if (x[i] === undefined) return -1;
      if (y[i] === undefined) return 1;
      if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
    }
    return 0;
  });
  expect(badges).toEqual(sorted);
});

test("the witness list offers the learner's own employer's witnesses first", async ({
  page,
  app,
}) => {
  await page.goto(app.host.url);
  await shell(page).nav('Learners').click();
  await learnerPage(page).open('Amara Okafor');
  await page.getByRole('button', { name: /^Write a record/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Write a record' });
  await dialog.getByRole('combobox', { name: 'Method' }).click();
  await page.getByRole('option', { name: 'Witness testimony', exact: true }).click();
  await dialog.getByRole('combobox', { name: 'Witness' }).click();
  const options = page.getByRole('option');
  await expect(options.first()).toContainText('Riverside Leisure Centre');
  const employers = app.workbench.workspace.centre.witnesses.map((w) => w.employer);
  expect(employers.some((e) => e !== 'Riverside Leisure Centre')).toBe(true);
  const labels = await options.allInnerTexts();
  const firstOther = labels.findIndex((l) => !l.includes('Riverside Leisure Centre'));
  expect(firstOther).toBeGreaterThan(0);
  expect(labels.slice(firstOther).every((l) => !l.includes('Riverside Leisure Centre'))).toBe(true);
});
