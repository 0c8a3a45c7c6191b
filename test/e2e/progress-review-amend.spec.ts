import path from 'node:path';
import { Workspace } from '../../src-main/workspace/workspace';
import { portfolioOnDisk } from '../support/portfolio-on-disk';
import { expect, test } from './support/fixtures';
import { signInAsTomOnLearners } from './support/progress-review-page';
import { learnerPage } from './support/learner-page';
import { drawSignature } from './support/marking-page';
import { shell } from './support/shell-page';

const shots = process.env.REVIEW_SHOTS;

test('the centre sets the review interval on the Centre page, and the caseload’s flags follow it', async ({
  page,
  app,
}) => {
  await signInAsTomOnLearners(page, app);
  const daniel = shell(page).learnerTable.getByRole('row').filter({ hasText: 'Daniel Hughes' });
  // Daniel's last review was thirteen weeks ago: overdue at the default of twelve.
  await expect(daniel.getByTestId('review-due-badge')).toHaveText('Review overdue');

  await shell(page).nav('Centre').click();
  const section = page.getByTestId('review-interval');
  await expect(section.getByTestId('review-interval-now')).toContainText(
    'Every 12 weeks (the workbench’s default)',
  );
  const weeks = section.getByRole('textbox', { name: 'Weeks between reviews' });
  const save = section.getByRole('button', { name: 'Save the interval' });
  await weeks.fill('60');
  await save.click();
  await expect(section).toContainText(
    'The review interval is a whole number of weeks from 1 to 52.',
  );
  await expect(weeks).toHaveAttribute('aria-invalid', 'true');
  expect(app.workbench.workspace.centre.centre.reviewIntervalWeeks).toBe(12);

  await weeks.fill('14');
  await save.click();
  await expect(section.getByTestId('review-interval-now')).toContainText('Every 14 weeks: ');
  await expect(section.getByTestId('review-interval-now')).toContainText('due from week 12');
  if (shots) await section.screenshot({ path: path.join(shots, 'centre-interval.png') });
  // On disk, through the centre's change log, as another computer would read it.
  const reopened = await Workspace.open(app.workbench.workspace.dir);
  expect(reopened.centre.centre.reviewIntervalWeeks).toBe(14);

  await shell(page).nav('Learners').click();
  await expect(daniel.getByTestId('review-due-badge')).toHaveText('Review due');
});

test('a signed review is amended as a new version signed again; the signed one is kept and superseded', async ({
  page,
  app,
}) => {
  await signInAsTomOnLearners(page, app);
  const ui = learnerPage(page);
  await ui.open('Łukasz Wójcik');
  await ui.tab('Reviews').click();
  const cards = page.getByTestId('review-card');
  await expect(cards).toHaveCount(2);
  // Only the latest can be amended: the later review answered the first one's targets.
  await expect(cards.nth(1).getByTestId('amend-review')).toHaveCount(0);
  const workspace = app.workbench.workspace;
  const learner = workspace.centre.learners.find((l) => l.name === 'Łukasz Wójcik')!;
  const folder = path.join(workspace.dir, learner.portfolio);
  const before = await portfolioOnDisk(folder, learner.id);
  const signedId = await cards.first().getAttribute('data-review');
  const signed = before.progressReviews.find((r) => r.id === signedId)!;

  await cards.first().getByTestId('amend-review').click();
  const ask = page.getByRole('dialog');
  await expect(ask.getByTestId('amend-submit')).toBeDisabled();
  await ask.getByTestId('amend-reason').fill('The learner’s view was written as the employer’s.');
  await ask.getByTestId('amend-submit').click();
  const form = page.getByRole('dialog', { name: /Amend the review of .* \(version 2\)/ });
  await expect(form).toBeVisible();
  // The amendment starts from what was signed, answers and all.
  await expect(form.getByLabel('What went well')).toHaveValue(signed.wentWell);
  await expect(form.getByRole('radio', { checked: true })).toHaveCount(
    signed.previousTargets.length,
  );
  await form.getByLabel('The learner’s view').fill('I want more practice with difficult callers.');
  await form.getByTestId('save-review').click();
  await expect(form).toHaveCount(0);

  await expect(cards).toHaveCount(3);
  const amendment = cards.first();
  await expect(amendment.getByTestId('review-state')).toHaveText('Amendment awaiting signatures');
  await expect(amendment.getByTestId('review-version-note')).toContainText(
    'Why: The learner’s view was written as the employer’s.',
  );
  await expect(cards.nth(1).getByTestId('review-state')).toHaveText('Signed');
  await expect(cards.nth(1).getByTestId('review-version-note')).toContainText(
    'An amendment of this review is waiting for signatures.',
  );

  for (const [role, name] of [
    ['Learner', 'Łukasz Wójcik'],
    ['Assessor', 'Tom Fletcher'],
  ] as const) {
    await amendment.getByRole('radio', { name: new RegExp(`${role}: ${name}`) }).check();
    await drawSignature(page, amendment.getByTestId('review-signature-canvas'));
    await amendment.getByRole('button', { name: new RegExp(`Sign as ${name}`) }).click();
    await expect(amendment.getByTestId('review-signed').filter({ hasText: role })).toHaveCount(1);
  }
  await expect(amendment.getByTestId('review-state')).toHaveText('Signed');
  const old = cards.nth(1);
  await expect(old.getByTestId('review-state')).toHaveText('Superseded');
  await expect(old.getByTestId('review-version-note')).toContainText(
    'Amended by version 2, signed',
  );
  await expect(old.getByTestId('review-signing')).toHaveCount(0);
  await expect(old.getByTestId('amend-review')).toHaveCount(0);
  if (shots)
    await page.screenshot({ path: path.join(shots, 'reviews-amended.png'), fullPage: true });

  // On disk: the signed version unchanged but for the mark, the amendment signed over its words.
  const after = await portfolioOnDisk(folder, learner.id);
  const kept = after.progressReviews.find((r) => r.id === signedId)!;
  const made = after.progressReviews.find((r) => r.revises === signedId)!;
  expect(kept.supersededBy).toBe(made.id);
  expect(kept.signatures).toEqual(signed.signatures);
  expect(kept.learnerView).toBe(signed.learnerView);
  expect(made.learnerView).toBe('I want more practice with difficult callers.');
  expect(made.signatures.map((s) => [s.role, s.method])).toEqual([
    ['learner', 'drawn'],
    ['assessor', 'drawn'],
  ]);
});
