import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/fixtures';
import { shell } from './support/shell-page';
import { unitsPage } from './support/units-page';

const pasted = `Learning outcome 1: Know how to keep the workplace safe
The learner can:
1.1 List common hazards in the workplace
1.2 Describe how to report a hazard
Learning outcome 2: Be able to work safely
2.1 Follow safe working practices to
a) use equipment safely b) store materials safely
2.2 Wear protective clothing`;

test('an assessor pastes a specification, fixes what is reported and saves the unit', async ({
  page,
  app,
}) => {
  await page.goto(app.host.url);
  await shell(page).nav('Units').click();
  const units = unitsPage(page);
  await units.tab('Import a specification').click();

  await units.specText.fill(pasted);
  await expect(units.diagnostics).toContainText('No unit title was found');
  await expect(units.save).toBeDisabled();
  await expect(units.preview.getByText('use equipment safely')).toBeVisible();

  // Fix the text as the message says, at the top of the pasted text.
  await units.specText.press('ControlOrMeta+Home');
  await units.specText.pressSequentially('Unit title: Health and safety in the workplace\n');
  await expect(page.getByText('Read without problems')).toBeVisible();
  await expect(units.preview.getByText('A unit the library does not have yet')).toBeVisible();
  expect(
    (await new AxeBuilder({ page }).analyze()).violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    ),
  ).toEqual([]);
  await units.save.click();

  await expect(
    page.getByText('Saved Health and safety in the workplace, version 1.'),
  ).toBeVisible();
  await units.unitList.getByText('Health and safety in the workplace').click();
  await expect(units.unitDetail.getByText('store materials safely')).toBeVisible();

  const folder = path.join(app.workbench.workspace.dir, 'units');
  const file = (await readdir(folder)).find((f) =>
    f.startsWith('unit-health-and-safety-in-the-workplace'),
  );
  expect(file).toBe('unit-health-and-safety-in-the-workplace-v1.json');
  const saved = JSON.parse(await readFile(path.join(folder, file!), 'utf8'));
  expect(saved.outcomes.map((o: { ref: string; kind: string }) => `${o.ref}:${o.kind}`)).toEqual([
    '1:knowledge',
    '2:competence',
  ]);
  expect(saved.outcomes[1].criteria[0].parts.map((p: { ref: string }) => p.ref)).toEqual([
    'a',
    'b',
  ]);
  expect(saved.source.text).toContain('Unit title: Health and safety in the workplace');
});

const webPage = `Home > Qualifications > Retail units
Overview
This unit is expiring
Stock rotation in a small shop
Unit reference number
R/650/7781
Level
Entry 3
Credit value:
2
Learning outcomes
The learner will:
Know why stock is rotated
The learner can:
State what is meant by "first in, first out"
Give two reasons for rotating chilled stock
Be able to rotate stock on a shelf
The learner can:
Move older stock to the front of the shelf`;

test('an assessor pastes a unit web page and checks the numbering the workbench inferred before saving', async ({
  page,
  app,
}) => {
  await page.goto(app.host.url);
  await shell(page).nav('Units').click();
  const units = unitsPage(page);
  await units.tab('Import a specification').click();

  await units.specText.fill(webPage);
  await expect(page.getByText('Read without problems')).toBeVisible();
  await expect(
    units.notices.getByRole('button', {
      name: 'line 13: learning outcome 1 was numbered from its order (the first outcome)',
    }),
  ).toBeVisible();
  await expect(units.notices).toContainText(
    'line 15: criterion 1.1 was numbered from its place in the list',
  );
  await expect(units.notices).toContainText(
    'line 19: criterion 2.1 was numbered from its place in the list',
  );
  await expect(units.notices).toContainText('"Overview" is part of the page around the unit');
  await expect(units.preview.getByText('Stock rotation in a small shop').first()).toBeVisible();
  await expect(units.preview.getByText('Level Entry 3 · 2 credits')).toBeVisible();
  expect(
    (await new AxeBuilder({ page }).analyze()).violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    ),
  ).toEqual([]);

  // Each notice takes the assessor to the line it is about.
  await units.notices.getByRole('button', { name: /criterion 2\.1 was numbered/ }).click();
  await expect
    .poll(() =>
      units.specText.evaluate((area) => {
        const text = area as unknown as {
          value: string;
          selectionStart: number;
          selectionEnd: number;
        };
        return text.value.slice(text.selectionStart, text.selectionEnd);
      }),
    )
    .toBe('Move older stock to the front of the shelf');

  await units.save.click();
  await expect(page.getByText('Saved Stock rotation in a small shop, version 1.')).toBeVisible();
  const folder = path.join(app.workbench.workspace.dir, 'units');
  const file = (await readdir(folder)).find((f) => f.startsWith('unit-r-650-7781'));
  expect(file).toBeDefined();
  const saved = JSON.parse(await readFile(path.join(folder, file!), 'utf8'));
  expect(
    saved.outcomes.map(
      (o: { ref: string; kind: string; criteria: { ref: string }[] }) =>
        `${o.ref}:${o.kind}:${o.criteria.map((c) => c.ref).join(',')}`,
    ),
  ).toEqual(['1:knowledge:1.1,1.2', '2:competence:2.1']);
  expect(saved).toMatchObject({ level: 'Entry 3', credits: 2, codes: { ofqual: 'R/650/7781' } });
});

test('the built-in units are in the demo centre and its qualification checks the rules', async ({
  page,
  app,
}) => {
  await page.goto(app.host.url);
  await shell(page).nav('Units').click();
  const units = unitsPage(page);
  await units.unitList
    .getByText('Deliver, Monitor and Evaluate Customer Service to External Customers')
    .click();
  await expect(units.unitDetail.getByText('process problems and complaints')).toBeVisible();
  await expect(
    units.unitDetail.getByRole('cell', { name: 'practical demonstration' }),
  ).toBeVisible();
  await expect(units.unitDetail.getByText(/^Examiner Marking Points:/).first()).toBeVisible();

  await units.tab('Qualifications').click();
  await page.getByText('Certificate in Customer Service (demo)').click();
  const check = page.getByTestId('qualification-check');
  await expect(check.getByText('Not yet achieved', { exact: true })).toBeVisible();
  await check
    .getByLabel('Deliver, Monitor and Evaluate Customer Service to External Customers')
    .check();
  await expect(check.getByText('Qualification achieved')).toBeVisible();
  const serious = (await new AxeBuilder({ page }).analyze()).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(serious.map((v) => v.id)).toEqual([]);
});
