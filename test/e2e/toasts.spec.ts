import { expect, test } from './support/fixtures';
import { shell } from './support/shell-page';

test('an error message goes once a later change succeeds, and no message covers the user and role list', async ({
  page,
  app,
}) => {
  await page.goto(app.host.url);
  const ui = shell(page);
  await ui.nav('Learners').click();
  await page.getByRole('button', { name: 'Add learner' }).click();
  const form = page.getByRole('dialog', { name: 'Add a learner' });
  await form.getByLabel('Name').fill('Harriet Okonjo');
  await form.getByLabel('ULN').fill('1234567890');
  await form.getByRole('button', { name: 'Add learner' }).click();

  const failed = page.getByRole('alert').filter({ hasText: 'The learner was not added' });
  await expect(failed).toContainText('check digit does not match');
  // Messages sit clear of the header's list of who is using the workbench.
  const toast = await failed.boundingBox();
  const picker = await ui.userSelect.boundingBox();
  expect(toast && picker).toBeTruthy();
  const overlaps =
    toast!.x < picker!.x + picker!.width &&
    picker!.x < toast!.x + toast!.width &&
    toast!.y < picker!.y + picker!.height &&
    picker!.y < toast!.y + toast!.height;
  expect(overlaps).toBe(false);

  await form.getByLabel('ULN').fill('1234567899');
  await form.getByRole('button', { name: 'Add learner' }).click();
  await expect(page.getByText('Added Harriet Okonjo.')).toBeVisible();
  await expect(failed).toHaveCount(0);
  expect(app.workbench.workspace.centre.learners.map((l) => l.name)).toContain('Harriet Okonjo');
});
