import { portfolioOnDisk } from '../support/portfolio-on-disk';
import { expect, test } from './support/fixtures';
import { signInAsTomOnLearners } from './support/progress-review-page';
import { learnerPage } from './support/learner-page';
import { drawSignature } from './support/marking-page';
import { shell } from './support/shell-page';
import { unitProgress } from '../../src-main/decision/progress';
import path from 'node:path';

const shots = process.env.REVIEW_SHOTS;

test('a review shows the previous targets and the portfolio progress without re-typing, flags a target past its date, and is signed on screen', async ({
  page,
  app,
}) => {
  await signInAsTomOnLearners(page, app);
  // Daniel's last review was thirteen weeks ago: the caseload says so.
  const daniel = shell(page).learnerTable.getByRole('row').filter({ hasText: 'Daniel Hughes' });
  await expect(daniel.getByTestId('review-due-badge')).toHaveText('Review overdue');
  if (shots) await page.screenshot({ path: path.join(shots, 'learners.png'), fullPage: true });

  const ui = learnerPage(page);
  await ui.open('Łukasz Wójcik');
  await ui.tab('Reviews').click();
  const cards = page.getByTestId('review-card');
  await expect(cards).toHaveCount(2);
  // The latest review answered the first review's targets: two missed, both past their date.
  const carried = cards.first().getByTestId('carried-targets');
  await expect(carried.getByRole('row').filter({ hasText: 'Not met' })).toContainText(
    'Past its date',
  );
  await expect(carried.getByRole('row').filter({ hasText: 'Partly met' })).toContainText(
    'Past its date',
  );
  const metRow = carried.getByRole('row').filter({ hasText: 'Arrange an observation' });
  await expect(metRow).toContainText('Met');
  await expect(metRow).not.toContainText('Past its date');
  if (shots) await page.screenshot({ path: path.join(shots, 'reviews.png'), fullPage: true });

  // A new review starts from the portfolio's progress and the last review's targets.
  await page.getByTestId('new-review').click();
  const form = page.getByRole('dialog');
  const workspace = app.workbench.workspace;
  const learner = workspace.centre.learners.find((l) => l.name === 'Łukasz Wójcik')!;
  const folder = path.join(workspace.dir, learner.portfolio);
  const before = await portfolioOnDisk(folder, learner.id);
  const { units } = await workspace.listUnits();
  const external = units.find((u) => u.title.includes('External Customers'))!;
  const met = unitProgress(before, external, workspace.centre.staff).criteria;
  await expect(
    form.getByTestId('review-units').getByRole('row').filter({ hasText: 'External Customers' }),
  ).toContainText(`${met.met} of ${met.total}`);
  const previous = form.getByTestId('previous-target');
  await expect(previous).toHaveCount(2);
  await expect(previous.nth(0)).toContainText('Answer the written questions');
  await expect(previous.nth(1)).toContainText('Add the second customer feedback form');
  // Nothing is chosen for the assessor.
  await expect(form.getByRole('radio', { checked: true })).toHaveCount(0);
  if (shots) await page.screenshot({ path: path.join(shots, 'form.png'), fullPage: true });

  for (const [i, answer] of (['Met', 'Partly met'] as const).entries()) {
    await previous.nth(i).getByRole('radio', { name: answer, exact: true }).check();
  }
  await form.getByLabel('What went well').fill('Feedback form added; written questions half done.');
  await form.getByLabel('Target 1: what').fill('Finish the written questions.');
  await form.getByLabel('By when').fill('30/1/2027');
  await form.getByLabel('Who', { exact: true }).fill('Łukasz');
  await form.getByTestId('save-review').click();
  await expect(form).toHaveCount(0);
  await expect(cards).toHaveCount(3);

  const newest = cards.first();
  await newest.getByRole('radio', { name: /Learner: Łukasz Wójcik/ }).check();
  await expect(newest.getByTestId('review-declaration')).toContainText(
    'I took part in this review',
  );
  await drawSignature(page, newest.getByTestId('review-signature-canvas'));
  await newest.getByRole('button', { name: /Sign as Łukasz Wójcik/ }).click();
  await expect(newest.getByTestId('review-signed')).toContainText('Learner: Łukasz Wójcik, drawn');

  const after = await portfolioOnDisk(folder, learner.id);
  const saved = after.progressReviews.find(
    (r) => !before.progressReviews.some((b) => b.id === r.id),
  )!;
  expect(saved.units.find((u) => u.unitId === external.id)).toMatchObject({
    met: met.met,
    total: met.total,
  });
  expect(saved.previousTargets.map((t) => t.outcome)).toEqual(['met', 'partly-met']);
  expect(saved.targets).toEqual([
    expect.objectContaining({ what: 'Finish the written questions.', byWhen: '2027-01-30' }),
  ]);
  expect(saved.signatures.map((s) => [s.role, s.method])).toEqual([['learner', 'drawn']]);
});
