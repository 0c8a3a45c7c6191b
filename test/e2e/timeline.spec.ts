import type { Locator, Page } from '@playwright/test';
import type { InputOf, ResultOf } from '../../src-main/api/contract';
import { createDispatcher } from '../../src-main/api/dispatcher';
import { listVisits } from '../../src-main/visit-pack/visit-store';
import { expectAccessible } from './support/axe';
import { expect, test, type RunningWorkbench } from './support/fixtures';
import { learnerPage } from './support/learner-page';
import { markingPage } from './support/marking-page';
import { shell } from './support/shell-page';

const UNIT = 'unit-j-508-4003';

function learnerId(app: RunningWorkbench, name: string) {
  return app.workbench.workspace.centre.learners.find((l) => l.name === name)!.id;
}

/** The timeline as the workbench answers it, to know what the screen must show. */
async function listed(app: RunningWorkbench, input: InputOf<'timeline:list'>) {
  const answer = await createDispatcher(app.workbench)('timeline:list', input);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data as ResultOf<'timeline:list'>;
}

function timeline(page: Page) {
  const panel = page.getByTestId('timeline');
  return {
    panel,
    entries: panel.getByTestId('timeline-entry'),
    entry: (kind: string, text: string | RegExp) =>
      panel
        .locator(`[data-testid="timeline-entry"][data-kind="${kind}"]`)
        .filter({ hasText: text }),
    filter: (label: RegExp) => panel.getByRole('checkbox', { name: label }),
    chip: (label: RegExp) => panel.locator('label').filter({ hasText: label }),
  };
}

/** The moments of the entries on screen, in the order shown. */
async function instantsShown(entries: Locator): Promise<number[]> {
  const ats = await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-at') ?? ''));
  return ats.map((at) => Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(at) ? `${at}T00:00Z` : at));
}

/** Opens a learner's Timeline tab from the Learners page, moving to the tab with the keyboard. */
async function openTimeline(page: Page, app: RunningWorkbench, name: string) {
  const learners = learnerPage(page);
  await page.goto(app.host.url);
  await shell(page).nav('Learners').click();
  await learners.open(name);
  await expect(page.getByTestId('learner-name')).toContainText(name);
  await learners.tab('Witness testimony').focus();
  await page.keyboard.press('ArrowRight');
  await expect(learners.tab('Timeline')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(learners.tab('Timeline')).toHaveAttribute('aria-selected', 'true');
  await expect(timeline(page).entries.first()).toBeVisible();
}

test('the EQA reads a learner’s journey newest first, and each entry opens its item', async ({
  page,
  app,
}) => {
  const eqa = app.workbench.workspace.centre.staff.find((s) => s.roles.includes('eqa'))!;
  await app.workbench.signIn({ personId: eqa.id, role: 'eqa' });
  const name = "Zoë O'Brien";
  const id = learnerId(app, name);
  await openTimeline(page, app, name);
  const t = timeline(page);

  // Every event of the portfolio, newest first, on one page.
  const answer = { data: await listed(app, { learnerId: id }) };
  await expect(t.entries).toHaveCount(answer.data.total);
  await expect(page.getByTestId('timeline-count')).toHaveText(
    `Entries 1 to ${answer.data.total} of ${answer.data.total}, newest first.`,
  );
  const instants = await instantsShown(t.entries);
  expect(instants).toEqual([...instants].sort((a, b) => b - a));
  await expectAccessible(page, 'the Timeline tab');

  // An evidence entry opens the item on the Evidence tab, marked as the one opened.
  const evidence = t.entry('evidence', 'Practical demonstration');
  await evidence.getByRole('link').click();
  await expect(learnerPage(page).tab('Evidence')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[data-testid="evidence-row"][aria-current="true"]')).toContainText(
    'Practical demonstration: a full customer service shift',
  );
  await page.goBack();
  await expect(learnerPage(page).tab('Timeline')).toHaveAttribute('aria-selected', 'true');

  // A burst of decisions is one entry; opened, each decision leads to its criterion.
  const burst = t.entry('decision', /^.*\d+ decisions on J\/508\/4003/);
  await burst.getByRole('button', { name: /Show the \d+ decisions/ }).click();
  await expect(burst.getByRole('button', { name: /Hide the/ })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  const item = burst.getByTestId('timeline-item').filter({ hasText: /^3\.2 met/ });
  await item.getByRole('link').click();
  const marking = markingPage(page);
  await expect(marking.workspace).toBeVisible();
  await expect(marking.label).toContainText('3.2');
  const url = new URL(page.url());
  expect([url.searchParams.get('learner'), url.searchParams.get('unit')]).toEqual([id, UNIT]);
  await page.goBack();

  // A sign-off entry opens the unit on the marking screen; the countersignature is there too.
  await expect(t.entry('sign-off', /^.*Countersigned the sign-off of J\/508\/4003/)).toHaveCount(1);
  await t
    .entry('sign-off', /^.*Signed off J\/508\/4003/)
    .getByRole('link')
    .click();
  await expect(marking.workspace).toBeVisible();
  await expect(marking.signOffStatus).toBeVisible();
  await page.goBack();

  // The filter keeps to the kinds chosen, from the keyboard.
  const signOffs = t.filter(/^Sign-offs \(/);
  await signOffs.focus();
  await page.keyboard.press('Space');
  await expect(signOffs).toBeChecked();
  await expect(t.entries).toHaveCount(answer.data.counts['sign-off']!);
  const kinds = await t.entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
  expect(new Set(kinds)).toEqual(new Set(['sign-off']));
  await expectAccessible(page, 'the Timeline tab, filtered');
});

test('an IQA sample of a learner’s work opens the sample from the timeline', async ({
  page,
  app,
}) => {
  // Which learners the demo's plan samples is random: find one from the sampling files.
  let sampled: { name: string; what: string } | null = null;
  for (const learner of app.workbench.workspace.centre.learners) {
    const answer = await listed(app, { learnerId: learner.id, kinds: ['iqa-sample'] });
    const entry = answer.entries.find((e) => e.link.query.sample);
    if (entry) {
      sampled = { name: learner.name, what: entry.what };
      break;
    }
  }
  expect(sampled, 'the demo plan samples some learner').not.toBeNull();
  await openTimeline(page, app, sampled!.name);
  const t = timeline(page);
  await t.chip(/^IQA samples/).click();
  await expect(t.filter(/^IQA samples/)).toBeChecked();
  await t.entry('iqa-sample', sampled!.what).first().getByRole('link').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`Sample: ${sampled!.name}`);
  expect(new URL(page.url()).searchParams.get('page')).toBe('sampling');
});

test('a progress review and an EQA visit on the timeline open the review and the visit', async ({
  page,
  app,
}) => {
  const shots = process.env.REVIEW_SHOTS;
  // Which learners the demo's EQA visit sampled is random: find one from the visit's own file.
  const { visits } = await listVisits(app.workbench.workspace);
  const visit = visits.find((v) => v.report)!;
  const learners = app.workbench.workspace.centre.learners;
  const sampled = learners.find((l) => l.id === visit.samples[0]!.learnerId)!;
  await openTimeline(page, app, sampled.name);
  const t = timeline(page);
  // The whole journey is there, newest first, the visit's entries among it.
  const answer = await listed(app, { learnerId: sampled.id });
  await expect(t.entries).toHaveCount(answer.total);
  const instants = await instantsShown(t.entries);
  expect(instants).toEqual([...instants].sort((a, b) => b - a));
  await expect(t.entry('eqa-visit', /EQA visit pack made/)).toHaveCount(1);
  await expect(t.entry('eqa-visit', /signed report .* imported/)).toHaveCount(1);
  // Only the EQA's actions that name the learner or a unit of theirs the visit sampled.
  const units = visit.samples.filter((s) => s.learnerId === sampled.id).map((s) => s.unit);
  const aboutThem = visit.actions.filter((a) =>
    [sampled.name, ...units, ...units.map((u) => u.split(' ')[0]!)].some((w) =>
      a.what.toLowerCase().includes(w.toLowerCase()),
    ),
  );
  await expect(t.entry('action-point', /EQA action for/)).toHaveCount(aboutThem.length);
  for (const a of visit.actions.filter((x) => !aboutThem.includes(x))) {
    await expect(t.entry('action-point', a.what)).toHaveCount(0);
  }
  if (shots) await page.screenshot({ path: `${shots}/timeline-visit.png`, fullPage: true });

  await t
    .entry('eqa-visit', /^.*EQA visit by /)
    .getByRole('link')
    .click();
  await expect(page.getByRole('tab', { name: 'EQA visits' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.locator('[aria-current="true"]')).toHaveAttribute(
    'data-testid',
    `visit-${visit.id}`,
  );
  await page.goBack();

  // Łukasz has had two reviews, each signed: held and signed entries open the review itself.
  const lukasz = learners.find((l) => l.name === 'Łukasz Wójcik')!;
  await openTimeline(page, app, lukasz.name);
  const reviews = await listed(app, { learnerId: lukasz.id, kinds: ['review'] });
  const held = reviews.entries.filter((e) => e.key.startsWith('review:'));
  expect(held).toHaveLength(2);
  await t.chip(/^Progress reviews/).click();
  await expect(t.entries).toHaveCount(reviews.total);
  if (shots) await page.screenshot({ path: `${shots}/timeline-reviews.png`, fullPage: true });
  const oldest = held.at(-1)!;
  await t.entry('review', oldest.what).getByRole('link').click();
  await expect(learnerPage(page).tab('Reviews')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[data-testid="review-card"][aria-current="true"]')).toHaveAttribute(
    'data-review',
    oldest.link.query.review!,
  );
});
