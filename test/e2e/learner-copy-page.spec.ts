import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './support/fixtures';
import { learnerPage } from './support/learner-page';
import { shell } from './support/shell-page';

test("an assessor marks evidence as holding others' data, then makes the learner's copy choosing to leave it out", async ({
  page,
  app,
}) => {
  await page.goto(app.host.url);
  await shell(page).nav('Learners').click();
  const ui = learnerPage(page);
  await ui.open('Amara Okafor');

  const row = page.getByTestId('evidence-row').first();
  await expect(row).toBeVisible();
  const title = (await row.locator('p').first().innerText()).trim();
  const mark = row.getByRole('checkbox', { name: `${title} holds other people's personal data` });
  await expect(mark).not.toBeChecked();
  // The box shows the mark once it is saved.
  await mark.click();
  await expect(mark).toBeChecked();
  await ui.tab('Audit trail').click();
  await expect(
    ui.auditTrail.getByText("marked evidence as holding other people's personal data").first(),
  ).toBeVisible();

  await page.getByRole('button', { name: "Make the learner's copy…" }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('the audit trail of every change, in plain words')).toBeVisible();
  const choice = dialog.getByRole('radiogroup', { name: title });
  // Nothing is chosen for the assessor, and the copy waits for their answer.
  await expect(choice.getByRole('radio', { name: 'Leave it out' })).not.toBeChecked();
  await expect(choice.getByRole('radio', { name: 'Include it' })).not.toBeChecked();
  const make = dialog.getByRole('button', { name: 'Make the copy' });
  await expect(make).toBeDisabled();
  await choice.getByRole('radio', { name: 'Leave it out' }).check();
  await page.screenshot({ path: test.info().outputPath('learner-copy-dialog.png') });
  await make.click();
  const made = page.getByTestId('learner-copy-made');
  await expect(made).toContainText('1 item left out');

  const workspace = app.workbench.workspace.dir;
  const [folder] = (await readdir(path.join(workspace, 'learner-copies'))).filter(
    (f) => !f.endsWith('.zip'),
  );
  expect(folder).toMatch(/^\d{4}-\d{2}-\d{2}-amara-okafor$/);
  const html = await readFile(
    path.join(workspace, 'learner-copies', folder!, 'index.html'),
    'utf8',
  );
  expect(html).toContain(`${title}: left out: contains other people's personal data`);
  expect(await readdir(path.join(workspace, 'learner-copies'))).toContain(`${folder}.zip`);
});
