import path from 'node:path';
import { demoEqa } from '../../src-main/demo/demo-people';
import { DEMO_PASSPHRASE } from '../../src-main/demo/demo-identities';
import { defaultResourcesDir } from '../../src-main/shared/paths';
import { listVisits } from '../../src-main/visit-pack/visit-store';
import { pdfsigVerdicts, runTool } from '../support/record/system-tools';
import { packOfFirstSample } from './support/eqa-visit-pack';
import { expect, test } from './support/fixtures';
import { samplingPage, seriousViolations, switchUser } from './support/sampling-page';
import { shell } from './support/shell-page';

const what = 'Record the agreed outcome in every standardisation minute.';

test('the EQA fills in and signs their report on screen, and the centre imports the one file', async ({
  page,
  app,
}) => {
  const workspace = app.workbench.workspace;
  const { data } = await packOfFirstSample(app);
  const { visit, learners } = data;
  const learner = learners[0]!.name;

  const ui = samplingPage(page);
  await page.goto(app.host.url);
  await switchUser(page, `${demoEqa.name} · External quality assurer (read-only)`);
  await shell(page).nav('Sampling').click();
  await ui.tab('EQA visits').click();
  const card = page.getByTestId(`visit-${visit.id}`);
  await card.getByRole('button', { name: 'Write the EQA report' }).click();
  const form = page.getByTestId('eqa-report-form');
  await expect(form.getByTestId('eqa-report-samples')).toContainText(learner);
  // Nothing is answered for the EQA.
  await expect(form.getByRole('radio', { checked: true })).toHaveCount(0);

  await form.getByRole('combobox', { name: 'Your awarding body' }).fill('OCN London');
  await form.getByRole('textbox', { name: 'Date of the visit' }).fill('20/11/2026');
  await form
    .getByRole('radio', { name: new RegExp(`^Agree with the assessor on ${learner}`) })
    .check();
  await form.getByRole('radio', { name: `Disagree with the IQA on ${learner}` }).check();
  await form.getByRole('textbox', { name: `Comment on ${learner}` }).fill('IQA missed 2.3.');
  await form
    .getByRole('textbox', { name: 'Finding 1' })
    .fill('Standardisation minutes lack outcomes.');
  await form.getByRole('button', { name: 'Add an action' }).click();
  await form.getByRole('textbox', { name: 'Action 1: what the centre needs to do' }).fill(what);
  await form.getByRole('textbox', { name: 'Who at the centre' }).fill('Margaret Ellis');
  await form.getByRole('textbox', { name: 'Due by' }).fill('31/12/2099');
  await form.getByRole('radio', { name: 'Medium risk' }).check();
  await form.getByRole('radio', { name: 'Direct claims status maintained' }).check();
  await form
    .locator('input[type=file]')
    .setInputFiles(
      path.join(defaultResourcesDir(), 'demo-identities', 'eqa', 'dr-helen-carter.p12'),
    );
  await form.getByLabel('Its passphrase').fill(DEMO_PASSPHRASE);
  expect(await seriousViolations(page)).toEqual([]);

  const downloading = page.waitForEvent('download');
  await form.getByRole('button', { name: 'Sign and save the report' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^eqa-report-.*\.pdf$/);
  const report = path.join(app.scratchDir, download.suggestedFilename());
  await download.saveAs(report);
  const signed = page.getByTestId('eqa-report-signed');
  await expect(signed).toContainText(`Signed by ${demoEqa.name}`);
  await expect(signed).toContainText('not the centre’s');
  await signed.getByRole('button', { name: 'Done' }).click();

  expect(await pdfsigVerdicts(report)).toEqual(['Signature is Valid.']);
  const text = (await runTool('pdftotext', ['-layout', report, '-'])).stdout;
  expect(text).toContain('Standardisation minutes lack outcomes.');
  expect(text).toContain('Medium risk');
  expect(text).toContain('Disagree');
  // The EQA wrote nothing into the centre's workspace.
  expect((await listVisits(workspace)).visits.find((v) => v.id === visit.id)?.report).toBeNull();

  // The centre's IQA imports the one file; the EQA's action joins the action points.
  await switchUser(page, 'Margaret Ellis · Internal quality assurer');
  await ui.tab('EQA visits').click();
  await page.getByTestId('eqa-report-input').setInputFiles(report);
  await expect(card.getByTestId('eqa-report')).toContainText(
    'Standardisation minutes lack outcomes.',
  );
  await expect(card.getByTestId('eqa-agreement')).toContainText('Disagree');
  await ui.tab(/Action points/).click();
  const eqaRow = ui.actionTable.locator('tbody tr').filter({ hasText: what });
  await expect(eqaRow).toContainText('From the EQA');
  await expect(eqaRow).toContainText('Margaret Ellis');
});
