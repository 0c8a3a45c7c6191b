import { createDispatcher } from '../../src-main/api/dispatcher';
import { expect, test } from './support/fixtures';
import { learnerPage } from './support/learner-page';
import { planPage } from './support/plan-page';
import { shell, unlockCurrentUser } from './support/shell-page';
import { ukToday } from '../../src-main/kernel/dates';
import { witnessPage } from './support/witness-page';

test('A plan agreed with an expert witness makes that witness’s testimony count as expert; the same witness without such a plan does not', async ({
  page,
  app,
}) => {
  await page.goto(app.host.url);
  // Priya, Amara's assessor, is the demo's person working; she proves it to sign.
  await expect(shell(page).userSelect).toHaveValue('Priya Sharma · Assessor');
  await unlockCurrentUser(page);
  await shell(page).nav('Learners').click();
  const ui = learnerPage(page);
  await ui.open('Amara Okafor');
  const learnerId = app.workbench.workspace.centre.learners.find(
    (l) => l.name === 'Amara Okafor',
  )!.id;
  const expert = app.workbench.workspace.centre.witnesses.find((w) => w.expert)!;
  const unitId = (await app.workbench.workspace.portfolio(learnerId)).data.registrations[0]!.unitId;
  const today = ukToday();
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
  const plans = planPage(page);
  const card = await plans.saveNew({ place: 'Customer desk', experts: [expert.name] });
  // Amara's demo plan is there too: this is the new one.
  await expect(card.getByTestId('plan-status')).toHaveText(/Draft/);
  await plans.sign(card, ['learner', 'assessor']);
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
  const counted = portfolio.testimonies.map((t) => [t.venue, t.witness.countsAsExpert]);
  expect(counted).toEqual(
    expect.arrayContaining([
      ['Before any plan', false],
      ['After the plan', true],
    ]),
  );
});
