import path from 'node:path';
import { portfolioOnDisk } from '../support/portfolio-on-disk';
import { expect, test, type RunningWorkbench } from './support/fixtures';
import { learnerPage } from './support/learner-page';
import { markingPage } from './support/marking-page';
import {
  internalId,
  isoDate,
  isWhole,
  presentationPage,
  visibleText,
} from './support/presentation-page';
import { shell } from './support/shell-page';

const UNIT = 'unit-j-508-4003';

function learnerId(app: RunningWorkbench, name: string) {
  return app.workbench.workspace.centre.learners.find((l) => l.name === name)!.id;
}

function address(app: RunningWorkbench, query: Record<string, string>) {
  const url = new URL(app.host.url);
  url.search = new URLSearchParams(query).toString();
  return url.toString();
}

test.describe('in a browser set to American English', () => {
  test.use({ locale: 'en-US' });

  test('a date field shows and reads dates the UK way, and stores the day meant', async ({
    page,
    app,
  }) => {
    const ui = presentationPage(page);
    const learners = learnerPage(page);
    await page.goto(app.host.url);
    await shell(page).nav('Learners').click();
    await learners.open('Amara Okafor');
    await learners.fileInput.setInputFiles({
      name: 'rota.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Rota for the week of 2 November.'),
    });
    const produced = ui.dateField('Date produced');
    // Today, written "2 Dec 2026", not 12/02/2026.
    await expect(produced).toHaveValue(/^\d{1,2} [A-Z][a-z]{2} \d{4}$/);

    // Typed day first, as a UK assessor types it: 3/11/2026 is 3 November.
    await produced.fill('3/11/2026');
    await page.getByLabel('Title').click();
    await expect(produced).toHaveValue('3 Nov 2026');
    await page.getByLabel('Title').fill('Weekly rota');
    await page.getByRole('button', { name: 'Add to portfolio' }).click();
    await expect(learners.evidenceRow('Weekly rota')).toContainText('3 Nov 2026');

    const ws = app.workbench.workspace;
    const id = learnerId(app, 'Amara Okafor');
    const folder = path.join(ws.dir, ws.learner(id).portfolio);
    const stored = (await portfolioOnDisk(folder, id)).evidence.find(
      (e) => e.title === 'Weekly rota',
    );
    expect(stored?.producedOn).toBe('2026-11-03');
  });
});

test('no ISO date and no internal id is shown on the main pages', async ({ page, app }) => {
  const lukasz = learnerId(app, 'Łukasz Wójcik');
  const nguyen = learnerId(app, 'Nguyễn Thị Hoa');
  const siobhan = learnerId(app, 'Siobhán Ní Bhriain');
  const pages: Record<string, string>[] = [
    { page: 'centre' },
    { page: 'learners' },
    { page: 'learners', learner: nguyen },
    { page: 'learners', learner: nguyen, tab: 'audit' },
    { page: 'learners', learner: siobhan, tab: 'witness' },
    { page: 'marking', learner: lukasz, unit: UNIT },
    { page: 'marking', view: 'centre' },
    { page: 'sampling' },
    { page: 'sampling', view: 'dashboard' },
    { page: 'records' },
  ];
  for (const query of pages) {
    await page.goto(address(app, query));
    await expect(shell(page).heading).toBeVisible();
    await expect(page.getByText('Loading', { exact: false })).toHaveCount(0);
    // The page has drawn its data: a table, a list or a card past the heading.
    await expect(page.locator('main table, main [data-testid]').first()).toBeVisible();
    const text = await visibleText(page);
    const where = new URLSearchParams(query).toString();
    expect(text.match(isoDate)?.[0] ?? null, `ISO date on ${where}`).toBeNull();
    expect(text.match(internalId)?.[0] ?? null, `internal id on ${where}`).toBeNull();
  }
});

test('the audit trail says who and when in words, and a unit is counted the same on every screen', async ({
  page,
  app,
}) => {
  const nguyen = learnerId(app, 'Nguyễn Thị Hoa');
  await page.goto(address(app, { page: 'learners', learner: nguyen, tab: 'audit' }));
  const trail = learnerPage(page).auditTrail;
  const signedOff = trail.getByRole('row').filter({ hasText: 'signed off unit' });
  await expect(signedOff).toContainText('unit J/508/4003');
  await expect(signedOff).toContainText(
    /signed off by: Priya Sharma; signed off at: \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}/,
  );

  // Łukasz is part-way through J/508/4003: the same count, in criteria, on all three screens.
  const lukasz = learnerId(app, 'Łukasz Wójcik');
  const marking = markingPage(page);
  await marking.open(app.host.url, lukasz, UNIT);
  await expect(marking.metCount).toHaveText(/^\d+ of 27 criteria met$/);
  const count = (await marking.metCount.innerText()).trim();

  await page.goto(address(app, { page: 'learners' }));
  const row = shell(page).learnerTable.getByRole('row').filter({ hasText: 'Łukasz Wójcik' });
  await expect(
    row.getByTestId('learner-unit-progress').filter({ hasText: 'J/508/4003' }),
  ).toContainText(count);

  await page.goto(address(app, { page: 'marking', view: 'centre' }));
  const cell = marking.matrix
    .getByTestId('matrix-row')
    .filter({ hasText: 'Łukasz Wójcik' })
    .getByRole('button', { name: /J\/508\/4003 for Łukasz Wójcik/ });
  await expect(cell).toContainText(count);
});

test("the Learners page shows each unit's progress, the qualification's position and the assessor's caseload", async ({
  page,
  app,
}) => {
  const ui = presentationPage(page);
  await page.goto(address(app, { page: 'learners' }));
  // Priya Sharma, the qualified assessor, is the demo's first user: her caseload.
  await expect(ui.caseload.getByRole('heading', { name: 'Your caseload' })).toBeVisible();
  await expect(ui.ready).toContainText('Amara Okafor');
  await expect(ui.ready).not.toContainText('Daniel Hughes');

  const nguyen = shell(page).learnerTable.getByRole('row').filter({ hasText: 'Nguyễn Thị Hoa' });
  await expect(nguyen.getByTestId('criteria-progress').first()).toContainText(
    '27 of 27 criteria met',
  );
  await expect(nguyen.getByTestId('qualification-position')).toContainText(
    'Rules of combination met',
  );
  await expect(nguyen.getByTestId('qualification-position')).toContainText(
    '3 of 3 credits achieved · 1 of 1 mandatory units',
  );
  const siobhan = shell(page).learnerTable.getByRole('row').filter({ hasText: 'Siobhán' });
  await expect(siobhan.getByTestId('qualification-position')).toContainText('Still needed:');

  // A unit ready to sign off opens on the marking screen.
  await ui.ready.getByRole('button', { name: 'Amara Okafor' }).click();
  await expect(markingPage(page).metCount).toHaveText('27 of 27 criteria met');
});

test('at 1024 pixels wide the header and the sample table are whole', async ({ page, app }) => {
  await page.setViewportSize({ width: 1024, height: 800 });
  // The plan's own tab: an assessor with an action point waiting would otherwise land on those.
  await page.goto(address(app, { page: 'sampling', view: 'plan' }));
  const change = page.getByRole('button', { name: 'Change workspace' });
  await expect(change).toBeVisible();
  expect(await isWhole(change)).toBe(true);
  expect(await isWhole(page.getByText('Demo data', { exact: true }).first())).toBe(true);
  expect(await isWhole(shell(page).userSelect)).toBe(true);

  const table = page.getByTestId('sampling-plan').getByTestId('sample-table');
  await expect(table).toBeVisible();
  const fits = await table.evaluate(
    (el) => el.getBoundingClientRect().right <= el.ownerDocument.documentElement.clientWidth,
  );
  expect(fits).toBe(true);
  expect(await isWhole(page.getByRole('combobox', { name: 'Sampling plan' }))).toBe(true);

  await page.goto(address(app, { page: 'marking', view: 'centre' }));
  expect(await isWhole(page.getByRole('combobox', { name: 'Sort by' }))).toBe(true);
});
