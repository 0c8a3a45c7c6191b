import { expect, test, type RunningWorkbench } from './support/fixtures';
import { learnerPage } from './support/learner-page';
import { markingPage } from './support/marking-page';
import { shell } from './support/shell-page';

const UNIT = 'unit-j-508-4003';

function learnerId(app: RunningWorkbench, name: string) {
  return app.workbench.workspace.centre.learners.find((l) => l.name === name)!.id;
}

/** The app's address with a query, carrying the launch token as the printed address does. */
function address(app: RunningWorkbench, query: Record<string, string>) {
  const url = new URL(app.host.url);
  url.search = new URLSearchParams(query).toString();
  return url.toString();
}

test('every page and learner has an address: Back, Forward and reload return to it', async ({
  page,
  app,
}) => {
  const ui = shell(page);
  const learners = learnerPage(page);
  await page.goto(app.host.url);
  await expect(ui.heading).toHaveText('Centre');

  await ui.nav('Learners').click();
  await expect(ui.heading).toHaveText('Learners');
  expect(new URL(page.url()).searchParams.get('page')).toBe('learners');
  await learners.open('Amara Okafor');
  await expect(page.getByTestId('learner-name')).toContainText('Amara Okafor');
  expect(new URL(page.url()).searchParams.get('learner')).toBe(learnerId(app, 'Amara Okafor'));
  await learners.tab('Audit trail').click();
  await expect(learners.auditTrail).toBeVisible();

  // Reload keeps the learner and the tab (the token stays in this tab's session).
  await page.reload();
  await expect(page.getByTestId('learner-name')).toContainText('Amara Okafor');
  await expect(learners.tab('Audit trail')).toHaveAttribute('aria-selected', 'true');

  // Back steps through the tab, then the learner, to the list; Forward returns.
  await page.goBack();
  await expect(learners.tab('Evidence')).toHaveAttribute('aria-selected', 'true');
  await page.goBack();
  await expect(ui.learnerTable).toBeVisible();
  await page.goForward();
  await expect(page.getByTestId('learner-name')).toContainText('Amara Okafor');

  // The Learners item, with a portfolio open, returns to the list.
  await ui.nav('Learners').click();
  await expect(ui.learnerTable).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('learner-name')).toContainText('Amara Okafor');
  await page.goBack();
  await expect(ui.learnerTable).toBeVisible();
  await page.goBack();
  await expect(ui.heading).toHaveText('Centre');
});

test('a learner’s unit opens from its address in a second tab, and Marking keeps it while away', async ({
  page,
  app,
  context,
}) => {
  const ui = shell(page);
  const marking = markingPage(page);
  const id = learnerId(app, 'Siobhán Ní Bhriain');
  await page.goto(address(app, { page: 'marking', learner: id, unit: UNIT }));
  await expect(marking.workspace).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Learner', exact: true })).toHaveValue(
    'Siobhán Ní Bhriain',
  );

  // Away to Centre and back through the menu: the same learner and unit, not an empty screen.
  await ui.nav('Centre').click();
  await expect(ui.heading).toHaveText('Centre');
  await ui.nav('Marking').click();
  await expect(marking.workspace).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Learner', exact: true })).toHaveValue(
    'Siobhán Ní Bhriain',
  );
  const url = new URL(page.url());
  expect([url.searchParams.get('learner'), url.searchParams.get('unit')]).toEqual([id, UNIT]);

  // The same address in a second tab shows the same unit.
  const second = await context.newPage();
  await second.goto(address(app, { page: 'marking', learner: id, unit: UNIT }));
  await expect(markingPage(second).workspace).toBeVisible();
  await expect(second.getByRole('combobox', { name: 'Learner', exact: true })).toHaveValue(
    'Siobhán Ní Bhriain',
  );

  // The criterion shown is kept in the address too: a reload returns to it.
  await marking.target('3.2').click();
  await expect(marking.label).toContainText('3.2');
  await page.reload();
  await expect(marking.label).toContainText('3.2');

  // Choosing the unit already shown keeps it on screen.
  const unitBox = page.getByRole('combobox', { name: 'Unit', exact: true });
  await unitBox.click();
  await page.getByRole('option', { selected: true }).click();
  await expect(marking.workspace).toBeVisible();
});
