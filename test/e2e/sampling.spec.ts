import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { DEMO_PASSPHRASE } from '../../src-main/demo/demo-identities';
import { pdfsigVerdicts } from '../support/record/system-tools';
import type { Locator } from '@playwright/test';
import { vacsrChecks, vacsrLabels } from '../../src-main/sampling/review-schema';
import { expect, test } from './support/fixtures';
import { samplingPage, seriousViolations, switchUser } from './support/sampling-page';
import { markingPage } from './support/marking-page';
import { shell } from './support/shell-page';

interface StoredAction {
  what: string;
  state: string;
  history: { kind: string; text: string }[];
}

async function reviewsFile(workspaceDir: string, prefix: 'reviews' | 'plan'): Promise<string> {
  const folder = path.join(workspaceDir, 'sampling');
  const pattern = new RegExp(`^${prefix}-sp-[0-9a-f]+\\.json$`);
  return path.join(
    folder,
    (await readdir(folder)).find((n) => pattern.test(n))!,
  );
}

interface StoredReview {
  sampleId: string;
  status: string;
  decision: string | null;
  vacsr: Record<'valid' | 'sufficient', { met: boolean | null }>;
}

async function storedReviews(workspaceDir: string): Promise<StoredReview[]> {
  const file = JSON.parse(await readFile(await reviewsFile(workspaceDir, 'reviews'), 'utf8')) as {
    reviews: StoredReview[];
  };
  return file.reviews;
}

async function storedPlan(
  workspaceDir: string,
): Promise<{ samples: { id: string; actualDate?: string }[] }> {
  const file = JSON.parse(await readFile(await reviewsFile(workspaceDir, 'plan'), 'utf8')) as {
    plan: { samples: { id: string; actualDate?: string }[] };
  };
  return file.plan;
}

async function storedActions(workspaceDir: string): Promise<StoredAction[]> {
  const folder = path.join(workspaceDir, 'sampling');
  const name = (await readdir(folder)).find((n) => /^reviews-sp-[0-9a-f]+\.json$/.test(n))!;
  const file = JSON.parse(await readFile(path.join(folder, name), 'utf8')) as {
    reviews: { actionPoints: StoredAction[] }[];
  };
  return file.reviews.flatMap((r) => r.actionPoints);
}

/** Agrees with every decision the assessor made and answers every VACSR check, "No" for one. */
async function answerEverything(form: Locator, notMet: string): Promise<void> {
  const agree = form.getByRole('radio', { name: /^Agree with / });
  for (let i = 0; i < (await agree.count()); i += 1) await agree.nth(i).check();
  for (const check of vacsrChecks) {
    const label = vacsrLabels[check];
    await form
      .getByRole('radiogroup', { name: label })
      .getByRole('radio', { name: label === notMet ? 'No' : 'Yes' })
      .check();
  }
  for (const rating of ['Quality of assessor feedback', 'Quality of assessment records']) {
    await form.getByRole('combobox', { name: rating, exact: true }).click();
    await form.page().getByRole('option', { name: 'Adequate' }).click();
  }
}

test('a sample nobody has reviewed opens with nothing answered, and a half-done review stays a draft that counts nowhere', async ({
  page,
  app,
}) => {
  const ui = samplingPage(page);
  const workspaceDir = app.workbench.workspace.dir;
  await page.goto(app.host.url);
  await switchUser(page, 'Margaret Ellis · Internal quality assurer');
  await shell(page).nav('Sampling').click();
  await expect(ui.plan).toBeVisible();
  const row = ui.sampleRows.filter({ hasText: 'not reviewed' }).first();
  const sampleId = (await row.getAttribute('data-testid'))!.replace(/^sample-/, '');
  await row.getByRole('button', { name: /^Open sample of/ }).click();
  await expect(ui.reviewForm).toBeVisible();

  // Nothing is agreed, ticked, rated or decided on the IQA's behalf.
  await expect(ui.reviewForm.getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(ui.reviewForm.getByRole('checkbox', { checked: true })).toHaveCount(0);
  for (const rating of ['Quality of assessor feedback', 'Quality of assessment records']) {
    await expect(ui.reviewForm.getByRole('combobox', { name: rating, exact: true })).toHaveValue(
      '',
    );
  }

  // Half done: one VACSR answer, then saved as a draft.
  await ui.reviewForm
    .getByRole('radiogroup', { name: vacsrLabels.valid })
    .getByRole('radio', { name: 'Yes' })
    .check();
  await ui.reviewForm.getByRole('button', { name: 'Save as draft' }).click();
  await expect(ui.savedReview).toContainText('Draft');
  await expect(ui.reviewForm.getByTestId('draft-notice')).toBeVisible();
  await page.keyboard.press('Escape');

  // On disk it is a draft; the plan does not count the sample as done or decided.
  const stored = await storedReviews(workspaceDir);
  const draft = stored.find((r) => r.sampleId === sampleId)!;
  expect(draft).toMatchObject({ status: 'draft', decision: null });
  expect(draft.vacsr.valid.met).toBe(true);
  expect(draft.vacsr.sufficient.met).toBeNull();
  await expect(ui.plan.getByTestId(`sample-${sampleId}`)).toContainText(
    'not reviewed (draft begun)',
  );
  const plan = await storedPlan(workspaceDir);
  expect(plan.samples.find((s) => s.id === sampleId)?.actualDate).toBeUndefined();
});

test('an IQA reviews a sample and raises an action point, which the assessor answers and the IQA closes', async ({
  page,
  app,
}) => {
  // Three people take turns on one screen with four accessibility scans: give it room.
  test.slow();
  const ui = samplingPage(page);
  const workspaceDir = app.workbench.workspace.dir;
  const what = 'Ask oral questions to back up the witness testimony for 7.3';
  await page.goto(app.host.url);
  await switchUser(page, 'Margaret Ellis · Internal quality assurer');
  await shell(page).nav('Sampling').click();
  await expect(ui.plan).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // A sample of the external-customers unit that nobody has reviewed yet.
  const row = ui.sampleRows
    .filter({ hasText: 'not reviewed' })
    .filter({ hasText: 'External Customers' })
    .first();
  const assessor = /Assessor: (.+)/.exec(await row.locator('th').innerText())![1]!.trim();
  await row.getByRole('button', { name: /^Open sample of/ }).click();
  await expect(ui.sampledWork).toBeVisible();
  // The assessor's work is shown read-only: nothing in it can be typed into or ticked.
  await expect(ui.sampledWork.locator('input, textarea, select')).toHaveCount(0);
  await expect(
    ui.sampledWork.getByText('Witness testimony from line manager', { exact: true }),
  ).toBeVisible();

  await answerEverything(ui.reviewForm, 'Sufficient (covers the criterion fully)');
  await ui.reviewForm.getByLabel('Assessor to action').check();
  await ui.reviewForm
    .getByLabel('Feedback to the assessor')
    .fill('7.3 rests on the witness testimony alone.');
  await ui.reviewForm.getByRole('button', { name: 'Add an action point' }).click();
  await ui.reviewForm.getByLabel('Action point 1: what needs doing').fill(what);
  await ui.reviewForm.getByLabel('Action point 1: due').fill('2099-01-31');
  expect(await seriousViolations(page)).toEqual([]);
  await ui.reviewForm.getByRole('button', { name: 'Complete the review' }).click();
  await expect(ui.savedReview).toContainText('Assessor to action');
  await expect(ui.savedReview).toContainText(what);
  expect((await storedActions(workspaceDir)).find((a) => a.what === what)?.state).toBe('open');
  await page.keyboard.press('Escape');

  await switchUser(page, `${assessor} · Assessor`);
  // The assessor is told where they mark that learner's unit.
  const folder = path.join(workspaceDir, 'sampling');
  const reviewsName = (await readdir(folder)).find((n) => /^reviews-sp-[0-9a-f]+\.json$/.test(n))!;
  const raisedOn = (
    JSON.parse(await readFile(path.join(folder, reviewsName), 'utf8')) as {
      reviews: { learnerId: string; unitId: string; actionPoints: StoredAction[] }[];
    }
  ).reviews.find((r) => r.actionPoints.some((a) => a.what === what))!;
  const marking = markingPage(page);
  await marking.open(app.host.url, raisedOn.learnerId, raisedOn.unitId);
  await expect(page.getByTestId('marking-action-points')).toContainText(what);
  await page.getByRole('link', { name: 'Answer them on the Sampling page' }).click();
  await expect(ui.actionPoints).toBeVisible();
  const badge = ui.tab(/Action points/).getByLabel(/waiting for your answer/);
  const waitingBefore = Number(await badge.innerText());
  expect(waitingBefore).toBeGreaterThan(0);
  const card = ui.respondCard.filter({ hasText: what });
  await card.getByLabel('What you have done').fill('Asked three oral questions; answers recorded.');
  expect(await seriousViolations(page)).toEqual([]);
  await card.getByRole('button', { name: 'Send answer' }).click();
  await expect(ui.actionPoints.getByText(`${what}: answered, waiting for the IQA`)).toBeVisible();
  // The badge counts what still waits for the assessor: one fewer once answered.
  if (waitingBefore === 1) await expect(badge).toHaveCount(0);
  else await expect(badge).toHaveText(String(waitingBefore - 1));
  const answered = (await storedActions(workspaceDir)).find((a) => a.what === what)!;
  expect(answered.state).toBe('answered');
  expect(answered.history[0]).toMatchObject({
    kind: 'response',
    text: 'Asked three oral questions; answers recorded.',
  });

  await switchUser(page, 'Margaret Ellis · Internal quality assurer');
  await shell(page).nav('Sampling').click();
  await ui.tab(/Action points/).click();
  const line = ui.actionTable.locator('tbody tr').filter({ hasText: what });
  await line.getByRole('button', { name: 'Close' }).click();
  await expect(line).toContainText('closed');
  expect((await storedActions(workspaceDir)).find((a) => a.what === what)?.state).toBe('closed');
  // Each point links to its learner's unit on the marking screen.
  await line.getByRole('link').click();
  await expect(marking.workspace).toBeVisible();
  const address = new URL(page.url()).searchParams;
  expect([address.get('page'), address.get('learner'), address.get('unit')]).toEqual([
    'marking',
    raisedOn.learnerId,
    raisedOn.unitId,
  ]);
  await page.goBack();

  // The IQA signs the sampling report with their own identity, and pdfsig accepts it.
  await ui.tab('Plan and reviews').click();
  await page.getByLabel('Passphrase of your signing identity').fill(DEMO_PASSPHRASE);
  await page.getByRole('button', { name: 'Save the signed sampling report (PDF)' }).click();
  await expect(page.getByText(/Saved and signed in the workspace folder as/)).toBeVisible();
  const reports = path.join(workspaceDir, 'sampling', 'reports');
  const [report] = (await readdir(reports)).filter((n) => n.endsWith('.pdf'));
  expect(await pdfsigVerdicts(path.join(reports, report!))).toEqual(['Signature is Valid.']);
});

test('the strategy and dashboard screens have no serious accessibility violations', async ({
  page,
  app,
}) => {
  const ui = samplingPage(page);
  await page.goto(app.host.url);
  await switchUser(page, 'Margaret Ellis · Internal quality assurer');
  await shell(page).nav('Sampling').click();
  await ui.tab('Strategy').click();
  await expect(ui.strategy).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await ui.tab('Dashboard').click();
  await expect(ui.dashboard).toBeVisible();
  await expect(ui.dashboard.getByTestId('matrix-method')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await ui.tab(/Action points/).click();
  await expect(ui.actionPoints).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
