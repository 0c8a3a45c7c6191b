import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { switchUser } from './support/sampling-page';
import { shell } from './support/shell-page';

test('the IQA records a standardisation meeting and a CPD entry with its certificate, kept on disk', async ({
  page,
  app,
}) => {
  await page.goto(app.host.url);
  await switchUser(page, 'Margaret Ellis · Internal quality assurer');
  await shell(page).nav('Centre').click();
  await expect(page.getByTestId('competence-Tom Fletcher')).toContainText(
    'Customer Service Practitioner licence expired on',
  );

  await page.getByRole('button', { name: 'Record standardisation' }).click();
  const form = page.getByRole('dialog', { name: 'Record standardisation' });
  await form.getByRole('textbox', { name: 'Date', exact: true }).fill('20/11/2026');
  await page.keyboard.press('Tab');
  await form.getByRole('combobox', { name: 'Who attended' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('option', { name: 'Priya Sharma' }).click();
  await page.getByRole('option', { name: 'Tom Fletcher' }).click();
  await page.keyboard.press('Tab');
  await form.getByRole('combobox', { name: 'Unit' }).click();
  await page.getByRole('option', { name: /External Customers/ }).click();
  await form.getByLabel('Criteria covered').fill('9.1');
  await form.getByLabel('Evidence judged').fill('An anonymised observation record');
  const choose = async (label: string, option: string) => {
    await form.getByRole('combobox', { name: label }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  };
  await choose("Priya Sharma's decision", 'Met');
  await form.getByLabel("Priya Sharma's reasoning").fill('The procedure was followed in time.');
  await choose("Tom Fletcher's decision", 'Not yet met');
  await form.getByLabel("Tom Fletcher's reasoning").fill('Part c was not seen.');
  await choose('Agreed outcome', 'Met');
  await form.getByLabel('Why the group agreed it').fill('Part c is in the second observation.');
  await form
    .getByRole('textbox', { name: 'Action', exact: true })
    .fill('Read the second observation again');
  await choose('Action owner', 'Tom Fletcher');
  await form.getByLabel('Action due').fill('18/12/2026');
  await page.keyboard.press('Tab');
  await expectAccessible(page, 'the standardisation form');
  await form.getByRole('button', { name: 'Save the record' }).click();
  await expect(form).toHaveCount(0);

  const folder = path.join(app.workbench.workspace.dir, 'standardisation');
  const files = (await readdir(folder)).filter((n) => n.endsWith('.json'));
  expect(files).toHaveLength(2);
  const saved = await Promise.all(
    files.map(async (n) => JSON.parse(await readFile(path.join(folder, n), 'utf8'))),
  );
  const meeting = saved.find((m) => m.sample.description === 'An anonymised observation record');
  const staff = app.workbench.workspace.centre.staff;
  const idOf = (name: string) => staff.find((s) => s.name === name)!.id;
  expect(meeting).toMatchObject({
    date: '2026-11-20',
    criteria: ['9.1'],
    agreed: { decision: 'met' },
    judgements: [
      { assessorId: idOf('Priya Sharma'), decision: 'met' },
      { assessorId: idOf('Tom Fletcher'), decision: 'not-yet-met' },
    ],
    actions: [{ ownerId: idOf('Tom Fletcher'), dueOn: '2026-12-18', closedOn: null }],
  });
  await expect(page.getByTestId(`meeting-${meeting.id}`)).toContainText('differed');

  await page.getByRole('button', { name: "Open Tom Fletcher's staff record" }).click();
  const record = page.getByTestId('staff-record');
  await expect(record.getByRole('row').filter({ hasText: '20 Nov 2026' })).toContainText(
    'Met (differed)',
  );
  await record.getByRole('button', { name: 'Add a CPD entry' }).click();
  const cpd = page.getByRole('form', { name: 'Add a CPD entry' });
  await cpd.getByLabel('Date of the activity').fill('25/11/2026');
  await page.keyboard.press('Tab');
  await cpd
    .getByRole('textbox', { name: 'Activity', exact: true })
    .fill('Webinar on complaint handling');
  await cpd.getByLabel('Hours').fill('1.5');
  await cpd.getByLabel('What was learned').fill('Escalation routes for complaints.');
  const certificate = Buffer.from('%PDF-1.4 certificate of attendance, demo');
  await cpd.getByTestId('cpd-file').setInputFiles({
    name: 'webinar certificate.pdf',
    mimeType: 'application/pdf',
    buffer: certificate,
  });
  await expectAccessible(page, 'the CPD form');
  await cpd.getByRole('button', { name: 'Save' }).click();
  const row = record.getByRole('row').filter({ hasText: 'Webinar on complaint handling' });
  const sha = createHash('sha256').update(certificate).digest('hex');
  await expect(row).toContainText(`SHA-256 ${sha.slice(0, 12)}`);

  const onDisk = JSON.parse(
    await readFile(
      path.join(app.workbench.workspace.dir, 'staff', idOf('Tom Fletcher'), 'record.json'),
      'utf8',
    ),
  );
  const entry = onDisk.cpd.find(
    (c: { activity: string }) => c.activity === 'Webinar on complaint handling',
  );
  expect(entry).toMatchObject({ date: '2026-11-25', hours: 1.5, evidence: [{ sha256: sha }] });
  const kept = await readFile(
    path.join(app.workbench.workspace.dir, 'staff', idOf('Tom Fletcher'), entry.evidence[0].path),
  );
  expect(kept.equals(certificate)).toBe(true);
  await page.screenshot({ path: 'staff-e2e.tmp.png', fullPage: false });
});
