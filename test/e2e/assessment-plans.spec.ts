import { createDispatcher } from '../../src-main/api/dispatcher';
import { expect, test } from './support/fixtures';
import { learnerPage } from './support/learner-page';
import { drawSignature } from './support/marking-page';
import { chooseUser, shell } from './support/shell-page';
import { witnessPage } from './support/witness-page';

// Written against the Plans tab but not yet seen passing: its first run did not finish in time.
test.fixme('A plan agreed with an expert witness makes that witness’s testimony count as expert; the same witness without such a plan does not', async ({
  page,
  app,
}) => {
  await page.goto(app.host.url);
  await chooseUser(page, 'Priya Sharma · Assessor');
  await shell(page).nav('Learners').click();
  const ui = learnerPage(page);
  await ui.open('Amara Okafor');
  const learnerId = app.workbench.workspace.centre.learners.find(
    (l) => l.name === 'Amara Okafor',
  )!.id;
  const expert = app.workbench.workspace.centre.witnesses.find((w) => w.expert)!;
  const unitId = (await app.workbench.workspace.portfolio(learnerId)).data.registrations[0]!.unitId;
  const today = new Date().toISOString().slice(0, 10);
  const dispatch = createDispatcher(app.workbench);
  const testimony = (venue: string) =>
    dispatch('witness:record-typed', {
      learnerId,
      typed: {
        formId: null,
        unitId,
        activityDate: today,
        activityTime: '',
        venue,
        description: 'Amara greeted each customer and dealt with a complaint.',
        criteria: [{ criterionRef: '7.1', partRef: null, how: 'Seen at the desk.' }],
        witness: {
          witnessId: expert.id,
          name: expert.name,
          jobTitle: '',
          relationship: '',
          contact: '0113 496 0123',
          competence: '',
          claimsExpert: true,
        },
        declaredNotRelated: true,
        declaredOwnAccount: true,
        signedOn: today,
        otherFields: {},
      },
    });

  // Without a plan naming her, the expert's testimony is ordinary witness testimony.
  expect((await testimony('Before any plan')).ok).toBe(true);

  await ui.tab('Plans').click();
  await page.getByTestId('plan-new').click();
  const form = page.getByTestId('plan-form');
  await form.getByRole('textbox', { name: 'Place' }).fill('Customer desk');
  await page.getByTestId('plan-experts').click();
  await page.getByRole('option', { name: expert.name }).click();
  await page.keyboard.press('Escape');
  await page.getByTestId('plan-save').click();
  const card = page.getByTestId('plan-card').first();
  await expect(card.getByTestId('plan-status')).toHaveText(/Draft/);

  for (const who of ['learner', 'assessor']) {
    await card.getByTestId('plan-signer').click();
    await page.getByRole('option', { name: who, exact: true }).click();
    await expect(card.getByTestId('plan-declaration')).toBeVisible();
    await drawSignature(page, card.getByTestId('plan-signature-canvas'));
    await card.getByRole('button', { name: /^Sign as/ }).click();
  }
  await expect(card.getByTestId('plan-status')).toHaveText(/Agreed/);
  await expect(card.getByTestId('plan-signatures')).toContainText('Amara Okafor (learner)');

  expect((await testimony('After the plan')).ok).toBe(true);
  await ui.tab('Witness testimony').click();
  const cards = witnessPage(page).testimonies;
  const badge = (venue: string) =>
    cards.filter({ hasText: venue }).getByText('Expert witness', { exact: true });
  await expect(badge('After the plan')).toHaveCount(1);
  await expect(cards.filter({ hasText: 'Before any plan' })).toHaveCount(1);
  await expect(badge('Before any plan')).toHaveCount(0);

  const portfolio = (await app.workbench.workspace.portfolio(learnerId)).data;
  const methods = portfolio.testimonies.map((t) => [
    t.description.slice(0, 12),
    t.witness.countsAsExpert,
  ]);
  expect(methods).toEqual(
    expect.arrayContaining([
      ['Before any p', false],
      ['After the pl', true],
    ]),
  );
});
