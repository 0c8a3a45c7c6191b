import { expect, test } from './support/fixtures';
import { expectAccessible } from './support/axe';
import { learnerPage } from './support/learner-page';
import { markingPage, signDeclarations } from './support/marking-page';
import { samplingPage, switchUser } from './support/sampling-page';
import { shell, unlockCurrentUser } from './support/shell-page';

const UNIT = 'unit-j-508-4003';

test('every page has no accessibility violations', async ({ page, app }) => {
  await page.goto(app.host.url);
  const ui = shell(page);
  for (const name of ['Centre', 'Learners', 'Units', 'Sampling', 'Records']) {
    await ui.nav(name).click();
    await expect(ui.heading).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, `the ${name} page`);
  }
  for (const tab of ['Import a specification', 'Qualifications']) {
    await ui.nav('Units').click();
    await page.getByRole('tab', { name: tab }).click();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, `Units, ${tab}`);
  }
  await ui.nav('Sampling').click();
  for (const tab of ['Strategy', 'Dashboard', /^Action points/, 'Plan and reviews']) {
    await page.getByRole('tab', { name: tab }).click();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, `Sampling, ${String(tab)}`);
  }

  await ui.nav('Learners').click();
  const learner = learnerPage(page);
  await learner.open('Łukasz Wójcik');
  for (const tab of ['Evidence', 'Units', 'Criteria', 'Witness testimony', 'Audit trail']) {
    const found = learner.tab(tab);
    if ((await found.count()) === 0) continue;
    await found.click();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, `the learner's ${tab} tab`);
  }

  const marking = markingPage(page);
  const id = app.workbench.workspace.centre.learners.find((l) => l.name === 'Nguyễn Thị Hoa')!.id;
  await marking.open(app.host.url, id, UNIT);
  await expect(marking.lockedBadge).toBeVisible();
  await expectAccessible(page, 'the marking screen of a locked unit');
  await page.getByRole('tab', { name: 'Centre progress' }).click();
  await expect(marking.matrix).toBeVisible();
  await expectAccessible(page, 'the centre progress matrix');

  // The IQA's review of a sample.
  await switchUser(page, 'Margaret Ellis · Internal quality assurer');
  await ui.nav('Sampling').click();
  const sampling = samplingPage(page);
  await expect(sampling.plan).toBeVisible();
  await sampling.sampleRows
    .first()
    .getByRole('button', { name: /^Open sample of/ })
    .click();
  await expect(sampling.reviewForm).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expectAccessible(page, 'the review of a sample');
});

test('every dialog has no accessibility violations', async ({ page, app }) => {
  await page.goto(app.host.url);
  const ui = shell(page);
  const dialog = page.getByRole('dialog');
  const open = async (what: string, button: () => Promise<void>) => {
    await button();
    await expect(dialog.first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, what);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  };

  await ui.nav('Centre').click();
  await open('Add staff member', () =>
    page.getByRole('button', { name: 'Add staff member' }).click(),
  );
  await open('Add a witness', () =>
    page
      .getByRole('button', { name: /^Add (a )?witness/ })
      .first()
      .click(),
  );
  await open('a staff record', () =>
    page.getByRole('button', { name: "Open Tom Fletcher's staff record" }).click(),
  );
  await open('Record standardisation', () =>
    page.getByRole('button', { name: 'Record standardisation' }).click(),
  );

  await ui.nav('Learners').click();
  await open('Add a learner', () => page.getByRole('button', { name: 'Add learner' }).click());
  const learner = learnerPage(page);
  await learner.open('Łukasz Wójcik');
  await open('Write a record', () => page.getByRole('button', { name: /^Write a record/ }).click());
  await open('Map to criteria', () =>
    page
      .getByRole('button', { name: /^Map to criteria: / })
      .first()
      .click(),
  );
  await open('Preview evidence', () =>
    page
      .getByTestId('evidence-row')
      .first()
      .getByRole('button', { name: /^Preview / })
      .click(),
  );

  const marking = markingPage(page);
  const id = app.workbench.workspace.centre.learners.find((l) => l.name === 'Amara Okafor')!.id;
  await marking.open(app.host.url, id, UNIT);
  await expect(marking.workspace).toBeVisible();
  await open('Keyboard shortcuts', () => page.keyboard.press('?'));
  await open('Map evidence (E)', () => page.keyboard.press('e'));

  await ui.nav('Records').click();
  await open('New signing identity', () =>
    page
      .getByRole('button', { name: /^Replace .* signing identity$/ })
      .first()
      .click(),
  );
  await open('Revoke signing identity', () =>
    page
      .getByRole('button', { name: /^Revoke / })
      .first()
      .click(),
  );
});

test('the sign-off, Import .p12 and sampling dialogs have no accessibility violations', async ({
  page,
  app,
}) => {
  const dialog = page.getByRole('dialog');
  const check = async (what: string) => {
    await expect(dialog.first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, what);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  };

  // Sign-off confirmation: Amara's unit, both declarations signed, by an unlocked assessor.
  const id = app.workbench.workspace.centre.learners.find((l) => l.name === 'Amara Okafor')!.id;
  await signDeclarations(app.workbench, id, UNIT);
  const marking = markingPage(page);
  await marking.open(app.host.url, id, UNIT);
  await unlockCurrentUser(page);
  await marking.signOffButton.click();
  await expect(page.getByRole('dialog', { name: 'Sign off this unit?' })).toBeVisible();
  await check('the sign-off confirmation');

  // Import .p12 on the Records page.
  const ui = shell(page);
  await ui.nav('Records').click();
  await page
    .getByRole('button', { name: /^Import a \.p12 for / })
    .first()
    .click();
  await check('Import .p12');

  // The IQA's sampling: a new plan previewed, and taking a sample out of the plan.
  await switchUser(page, 'Margaret Ellis · Internal quality assurer');
  await ui.nav('Sampling').click();
  const sampling = samplingPage(page);
  await expect(sampling.plan).toBeVisible();
  await page.getByRole('button', { name: 'Preview plan' }).click();
  await expect(page.getByTestId('new-plan').getByText('Proposed samples')).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expectAccessible(page, 'a new sampling plan, previewed');
  // A sample not yet done: only those can be taken out.
  const remove = sampling.plan.getByRole('button', { name: /^Remove sample of/ }).first();
  await expect(remove).toBeVisible();
  await remove.click();
  await expect(page.getByRole('dialog', { name: 'Take the sample out of the plan' })).toBeVisible();
  await check('removing a sample from the plan');
});
