import { createDispatcher } from '../../src-main/api/dispatcher';
import { expect, test, type RunningWorkbench } from './support/fixtures';
import { markingPage, signDeclarations } from './support/marking-page';
import { unlockCurrentUser } from './support/shell-page';

const UNIT = 'unit-j-508-4003';

function learnerId(app: RunningWorkbench, name: string) {
  return app.workbench.workspace.centre.learners.find((l) => l.name === name)!.id;
}

test('choosing the unit or learner already shown keeps the screen as it was', async ({
  page,
  app,
}) => {
  const ui = markingPage(page);
  await ui.open(app.host.url, learnerId(app, 'Łukasz Wójcik'), UNIT);
  await ui.target('5.1').click();
  await expect(ui.label).toContainText('5.1');

  await page.getByRole('combobox', { name: 'Unit' }).click();
  await page.getByRole('option', { name: /J\/508\/4003/ }).click();
  await expect(ui.workspace).toBeVisible();
  await expect(ui.label).toContainText('5.1');

  await page.getByRole('combobox', { name: 'Learner' }).click();
  await page.getByRole('option', { name: 'Łukasz Wójcik' }).click();
  await expect(ui.workspace).toBeVisible();
  await expect(ui.label).toContainText('5.1');
  expect(new URL(page.url()).searchParams.get('unit')).toBe(UNIT);
});

test("a locked unit's fields say it is locked and why, never that they save as you type", async ({
  page,
  app,
}) => {
  const ui = markingPage(page);
  await ui.open(app.host.url, learnerId(app, 'Nguyễn Thị Hoa'), UNIT);
  await expect(ui.lockedBadge).toBeVisible();
  await expect(ui.feedback).toBeDisabled();
  await expect(page.getByTestId('criterion-feedback-state')).toHaveText(
    /^Locked: this unit is signed off.*unlock it with a reason in the sign-off section\.$/,
  );
  await expect(page.getByTestId('unit-feedback-text-state')).toContainText('Locked');
  await expect(page.getByText('Saved as you type.')).toHaveCount(0);
});

test('the declarations say what is actually missing when every criterion is met but the prescribed method is not used', async ({
  page,
  app,
}) => {
  const id = learnerId(app, 'Amara Okafor');
  const dispatch = createDispatcher(app.workbench);
  const portfolio = await app.workbench.workspace.portfolio(id);
  const demo = portfolio.data.evidence.find((e) => e.method === 'practical demonstration')!;
  const changed = await dispatch('evidence:update', {
    learnerId: id,
    evidenceId: demo.id,
    change: { method: 'direct observation' },
  });
  expect(changed.ok).toBe(true);

  const ui = markingPage(page);
  await ui.open(app.host.url, id, UNIT);
  await expect(ui.metCount).toHaveText('27 of 27 criteria met');
  await expect(page.getByTestId('declaration-waits-for')).toHaveText(
    'Not signed. The learner signs once the unit is otherwise ready to sign off; still to do: The unit prescribes practical demonstration, and no evidence mapped to this unit uses it.',
  );
  await expect(page.getByText('signs once every criterion and part is met')).toHaveCount(0);
});

test('sign-off asks first, naming what will happen, and Cancel changes nothing', async ({
  page,
  app,
}) => {
  const id = learnerId(app, 'Amara Okafor');
  const ui = markingPage(page);
  await ui.open(app.host.url, id, UNIT);
  // The declarations are signed through the same operations the screen uses.
  await signDeclarations(app.workbench, id, UNIT);
  await page.reload();
  await expect(ui.signed('assessor-declaration')).toBeVisible();
  // Signing off is recorded only for the person who proved who they are.
  await unlockCurrentUser(page);

  await ui.signOffButton.click();
  const confirm = page.getByRole('dialog', { name: 'Sign off this unit?' });
  await expect(confirm).toContainText('for Amara Okafor as achieved. The unit is then locked');
  await confirm.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(confirm).toHaveCount(0);
  await expect(ui.signOffStatus).toHaveText('Open');
  const before = await app.workbench.workspace.portfolio(id);
  expect(before.data.signOffs.filter((s) => s.unitId === UNIT)).toHaveLength(0);

  await ui.signOffButton.click();
  await confirm.getByRole('button', { name: 'Sign off and lock' }).click();
  await expect(ui.signOffStatus).toHaveText('Signed off');
  await expect(ui.lockedBadge).toBeVisible();
});
