import { readFile } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { demoPng } from '../../src-main/demo/demo-files';
import { fillForm } from '../support/fill-witness-form';
import { portfolioOnDisk } from '../support/portfolio-on-disk';
import { expect, test } from './support/fixtures';
import { learnerPage } from './support/learner-page';
import { shell } from './support/shell-page';
import { witnessPage } from './support/witness-page';

test('makes a witness form, imports the filled one, and shows the testimony mapped to the ticked criteria', async ({
  page,
  app,
}) => {
  await page.goto(app.host.url);
  await shell(page).nav('Learners').click();
  const ui = learnerPage(page);
  const witness = witnessPage(page);
  await ui.open('Amara Okafor');
  await ui.tab('Witness testimony').click();

  await witness.makeForm.getByRole('combobox', { name: 'Unit' }).click();
  await page.getByRole('option', { name: /External Customers/ }).click();
  await witness.makeForm.getByRole('combobox', { name: 'Witness' }).click();
  await page.getByRole('option', { name: /Karen Mitchell/ }).click();
  await witness.makeForm.getByLabel('7.1 Identify external customers.').check();
  await witness.makeForm
    .getByLabel('7.2 Confirm external customer needs in terms of products and services.')
    .check();
  const downloading = page.waitForEvent('download');
  await witness.makeForm.getByRole('button', { name: 'Download fillable PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(
    /^witness-testimony-karen-mitchell-wf-[0-9a-f]+\.pdf$/,
  );
  const blank = path.join(app.scratchDir, 'blank.pdf');
  await download.saveAs(blank);
  await expect(witness.awaitingRows.filter({ hasText: 'Karen Mitchell' })).toContainText(
    '7.1, 7.2',
  );

  const axe = await new AxeBuilder({ page }).include('[data-testid="witness-testimony"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
    [],
  );

  // The witness fills in the form in their PDF reader and sends it back.
  const filled = await fillForm(
    await readFile(blank),
    {
      activityDate: '02/11/2026',
      venue: 'Customer desk',
      description: 'Amara greeted each customer and asked what they needed.',
      'criterion-1-how': 'She asked each caller who they were.',
    },
    ['criterion-1', 'notRelated', 'ownAccount'],
  );
  await witness.pdfInput.setInputFiles({
    name: 'returned testimony.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from(filled),
  });
  await expect(
    witness.testimonies.filter({ hasText: 'Witness testimony from Karen Mitchell' }),
  ).toContainText('criteria 7.1');
  await expect(witness.awaitingRows.filter({ hasText: 'Karen Mitchell' })).toHaveCount(0);

  await ui.tab('Evidence').click();
  const row = ui.evidenceRow('Witness testimony from Karen Mitchell');
  await expect(row.getByText('7.1', { exact: true })).toBeVisible();
  await expect(row.getByText('7.2', { exact: true })).toHaveCount(0);

  // On disk: the returned PDF itself is the evidence file, mapped to the ticked criterion only.
  const workspace = app.workbench.workspace;
  const learner = workspace.centre.learners.find((l) => l.name === 'Amara Okafor')!;
  const folder = path.join(workspace.dir, learner.portfolio);
  const saved = await portfolioOnDisk(folder, learner.id);
  const evidence = saved.evidence.find((e) =>
    e.title.startsWith('Witness testimony from Karen Mitchell'),
  )!;
  expect(evidence.method).toBe('witness testimony');
  expect(await readFile(path.join(folder, evidence.file!.path))).toEqual(Buffer.from(filled));
  const mapped = saved.mappings
    .filter(
      (m: { evidenceId: string; removed: boolean }) => m.evidenceId === evidence.id && !m.removed,
    )
    .map((m: { criterionRef: string }) => m.criterionRef);
  expect(mapped).toEqual(['7.1']);
});

test('types in a returned paper form with its photo, counts the planned expert, and records the authenticity check', async ({
  page,
  app,
}) => {
  const today = new Date().toISOString().slice(0, 10);
  const photo = Buffer.from(demoPng(11));
  await page.goto(app.host.url);
  await shell(page).nav('Learners').click();
  const ui = learnerPage(page);
  const witness = witnessPage(page);
  await ui.open('Siobhán Ní Bhriain');
  await ui.tab('Witness testimony').click();
  await expect(witness.awaitingRows.filter({ hasText: 'Dr Ruth Adeyemi' })).toBeVisible();

  await page.getByRole('button', { name: 'Type in a returned form…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Type in a returned form' });
  await expect(dialog.getByRole('textbox', { name: 'Witness name' })).toHaveValue(
    'Dr Ruth Adeyemi',
  );
  await witness.typedFileInput.setInputFiles({
    name: 'paper form.png',
    mimeType: 'image/png',
    buffer: photo,
  });
  await expect(dialog.getByText('paper form.png')).toBeVisible();
  await dialog.getByLabel('Date of the activity').fill(today);
  await dialog.getByLabel('Venue').fill('Customer service desk');
  await dialog
    .getByLabel('What the witness saw the learner do')
    .fill('Siobhán served a queue of customers to our standards.');
  await dialog
    .getByLabel('8.1 Provide external customer service(s) to agreed quality standards.')
    .check();
  await dialog
    .getByLabel('How the work showed 8.1')
    .fill('Every customer was greeted and served within five minutes.');
  await dialog.getByLabel('Contact details').fill('0113 496 0123');
  const axe = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
    [],
  );
  await dialog.getByRole('button', { name: 'Record the testimony' }).click();

  const card = witness.testimonies.filter({ hasText: 'Witness testimony from Dr Ruth Adeyemi' });
  await expect(card.getByText('Expert witness', { exact: true })).toBeVisible();
  await expect(card).toContainText('criteria 8.1');
  await card.getByRole('button', { name: 'Record the authenticity check' }).click();
  const check = page.getByRole('dialog', { name: /Authenticity check/ });
  await expect(check.getByLabel('How you checked it')).toHaveValue(
    /Phoned Dr Ruth Adeyemi on 0113 496 0123/,
  );
  await check.getByRole('button', { name: 'Record the check' }).click();
  await expect(card.getByTestId('authenticity')).toContainText('Phoned Dr Ruth Adeyemi');

  const workspace = app.workbench.workspace;
  const learner = workspace.centre.learners.find((l) => l.name === 'Siobhán Ní Bhriain')!;
  const folder = path.join(workspace.dir, learner.portfolio);
  const saved = await portfolioOnDisk(folder, learner.id);
  const evidence = saved.evidence.find((e) =>
    e.title.startsWith('Witness testimony from Dr Ruth Adeyemi'),
  )!;
  expect(evidence).toMatchObject({
    method: 'expert witness testimony',
    file: { originalName: 'paper form.png' },
  });
  expect(await readFile(path.join(folder, evidence.file!.path))).toEqual(photo);
  const testimony = saved.testimonies.find(
    (t: { evidenceId: string }) => t.evidenceId === evidence.id,
  );
  expect(testimony).toMatchObject({ source: 'typed', authenticity: { checkedOn: today } });
  expect(saved.witnessForms.find((f) => f.witnessName === 'Dr Ruth Adeyemi')?.status).toBe(
    'returned',
  );
});

test('edits the witness testimony template on the Centre page, saving a new version', async ({
  page,
  app,
}) => {
  await page.goto(app.host.url);
  await shell(page).nav('Centre').click();
  const templates = page.getByTestId('template-table');
  await templates.getByRole('button', { name: 'Edit Witness testimony (standard)' }).click();
  const editor = page.getByTestId('template-editor');
  await editor.getByLabel('Label of field 3', { exact: true }).fill('Store or branch');
  await editor.getByRole('button', { name: 'Move Store or branch up' }).click();
  await editor.getByRole('button', { name: 'Move Store or branch up' }).click();
  await expect(editor.getByLabel('Label of field 1', { exact: true })).toHaveValue(
    'Store or branch',
  );
  await editor.getByRole('button', { name: 'Remove Time' }).click();
  const axe = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
    [],
  );
  await editor.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(
    templates.getByRole('row', { name: /Witness testimony \(standard\)/ }),
  ).toContainText('v2 (2 kept)');

  const file = path.join(
    app.workbench.workspace.dir,
    'templates',
    'witness-testimony',
    'default-v2.json',
  );
  const saved = JSON.parse(await readFile(file, 'utf8'));
  expect(saved).toMatchObject({ id: 'default', version: 2, kind: 'witness-testimony-template' });
  expect(saved.fields.slice(0, 2).map((f: { label: string }) => f.label)).toEqual([
    'Store or branch',
    'Date of the activity',
  ]);
  expect(saved.fields.map((f: { id: string }) => f.id)).not.toContain('activityTime');
});
