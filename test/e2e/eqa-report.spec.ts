import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { listVisits } from '../../src-main/visit-pack/visit-store';
import { fillAnswers, makeEqaIdentity, signReport } from '../support/eqa-report';
import { packOfFirstSample } from './support/eqa-visit-pack';
import { expect, test } from './support/fixtures';
import { samplingPage, seriousViolations, switchUser } from './support/sampling-page';
import { shell } from './support/shell-page';

const what = 'Add the date of each observation to the assessor’s feedback.';

test('the IQA imports the EQA’s signed report on the Sampling page and its action joins the IQA’s', async ({
  page,
  app,
}) => {
  const workspace = app.workbench.workspace;
  const { pack, data } = await packOfFirstSample(app);
  const { visit } = data;
  const due = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const answers = await fillAnswers(pack, path.join(app.scratchDir, 'answers.json'), [
    { what, owner: 'Priya Sharma', due },
  ]);
  const report = path.join(app.scratchDir, 'EQA report.pdf');
  const signed = await signReport(answers, report, await makeEqaIdentity(app.scratchDir));
  expect(signed.code, signed.text).toBe(0);

  const ui = samplingPage(page);
  await page.goto(app.host.url);
  await switchUser(page, 'Margaret Ellis · Internal quality assurer');
  await shell(page).nav('Sampling').click();
  await ui.tab('EQA visits').click();
  await page.getByTestId('eqa-report-input').setInputFiles(report);
  const card = page.getByTestId(`visit-${visit.id}`);
  await expect(card.getByTestId('eqa-report')).toContainText(
    'Standardisation minutes lacked the agreed outcome',
  );
  await expect(card).toContainText('Direct claims status maintained');
  await expect(card).toContainText('Low risk');
  await expect(card.getByTestId('eqa-agreement')).toContainText('Disagree');
  await expect(card).toContainText('not one this centre issued');
  expect(await seriousViolations(page)).toEqual([]);

  // Kept with the visit: the very file, and the report on the visit's record.
  const kept = await readFile(path.join(workspace.dir, 'visits', visit.id, 'eqa-report.pdf'));
  expect(kept.equals(await readFile(report))).toBe(true);
  const { visits } = await listVisits(workspace);
  expect(visits.find((v) => v.id === visit.id)?.report?.signer.name).toBe('Priya Natarajan');

  // Beside the IQA's action points, in the same table with the same close-out steps.
  await ui.tab(/Action points/).click();
  const rows = ui.actionTable.locator('tbody tr');
  const eqaRow = rows.filter({ hasText: what });
  await expect(eqaRow).toContainText('From the EQA');
  await expect(eqaRow).toContainText('Priya Sharma');
  await expect(eqaRow.getByRole('button', { name: 'Close' })).toBeVisible();
  await expect(rows.filter({ hasNotText: 'From the EQA' }).first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
