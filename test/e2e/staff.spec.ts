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

// A 2×2 PNG, drawn through the checked file route when the CPD file is shown.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==',
  'base64',
);

test('staff entries are changed and archived on screen, kept on disk, and CPD files open in place', async ({
  page,
  app,
}) => {
  await page.goto(app.host.url);
  await switchUser(page, 'Margaret Ellis · Internal quality assurer');
  await shell(page).nav('Centre').click();
  await page.getByRole('button', { name: "Open Priya Sharma's staff record" }).click();
  const record = page.getByTestId('staff-record');
  const priyaId = app.workbench.workspace.centre.staff.find((s) => s.name === 'Priya Sharma')!.id;
  const onDisk = async () =>
    JSON.parse(
      await readFile(
        path.join(app.workbench.workspace.dir, 'staff', priyaId, 'record.json'),
        'utf8',
      ),
    ) as {
      checks: { id: string; name: string; reference: string }[];
      experience: { role: string; archived: boolean }[];
      cpd: { activity: string; evidence: { sha256: string }[] }[];
    };
  const before = await onDisk();

  // Edit: the same entry is changed in place.
  await record.getByRole('button', { name: 'Edit the check DBS enhanced check' }).click();
  const check = page.getByRole('form', { name: 'Change a check' });
  await expect(check.getByLabel('Reference')).toHaveValue('DEMO-001234');
  await check.getByLabel('Reference').fill('DEMO-009999');
  await check.getByRole('button', { name: 'Save' }).click();
  await expect(record.getByRole('row').filter({ hasText: 'DBS enhanced check' })).toContainText(
    'DEMO-009999',
  );
  const changed = await onDisk();
  expect(changed.checks).toHaveLength(before.checks.length);
  expect(changed.checks.find((c) => c.id === before.checks[0]!.id)).toMatchObject({
    name: 'DBS enhanced check',
    reference: 'DEMO-009999',
  });

  // Archive: asked first, hidden afterwards, never deleted, and shown on request.
  const role = 'Customer service team leader';
  await record.getByRole('button', { name: `Archive the experience ${role}` }).click();
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toContainText('stays on the record');
  await confirm.getByRole('button', { name: 'Archive' }).click();
  await expect(record.getByRole('row').filter({ hasText: role })).toHaveCount(0);
  expect((await onDisk()).experience.find((e) => e.role === role)).toMatchObject({
    archived: true,
  });
  await record.getByRole('switch', { name: 'Show archived entries' }).check({ force: true });
  const archived = record.getByRole('row').filter({ hasText: role });
  await expect(archived).toContainText('(archived)');
  await expect(
    archived.getByRole('button', { name: `Restore the experience ${role}` }),
  ).toBeVisible();
  await expectAccessible(page, 'the staff record with archived entries');

  // The demo's CPD certificate (a text file) is shown in place.
  const cpdRow = record.getByRole('row').filter({ hasText: 'Awarding body update' });
  await cpdRow
    .getByRole('button', { name: /^Show / })
    .first()
    .click();
  const preview = page.getByTestId('cpd-file-preview');
  await expect(preview.getByTestId('cpd-preview-text')).toContainText('Certificate of attendance');
  await page.getByRole('button', { name: 'Close the preview' }).click();
  await expect(preview).toHaveCount(0);

  // Changing the CPD entry can add a file; an image is drawn from the file route.
  await cpdRow
    .getByRole('button', { name: 'Edit the CPD entry Awarding body update', exact: false })
    .click();
  const cpd = page.getByRole('form', { name: 'Change a CPD entry' });
  await expect(cpd.getByLabel('Hours')).toHaveValue('3');
  await cpd.getByTestId('cpd-file').setInputFiles({
    name: 'slide photo.png',
    mimeType: 'image/png',
    buffer: PNG,
  });
  await cpd.getByRole('button', { name: 'Save' }).click();
  const sha = createHash('sha256').update(PNG).digest('hex');
  await expect(cpdRow).toContainText(`SHA-256 ${sha.slice(0, 12)}`);
  expect(
    (await onDisk()).cpd.find((c) => c.activity.startsWith('Awarding body update'))!.evidence,
  ).toContainEqual(expect.objectContaining({ sha256: sha }));
  // The file is kept under a name made from the activity; it is the entry's second file.
  await cpdRow
    .getByRole('button', { name: /^Show / })
    .nth(1)
    .click();
  const image = page.getByTestId('cpd-file-preview').getByRole('img', { name: 'slide photo.png' });
  await expect(image).toBeVisible();
  await expect
    .poll(() => image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
    .toBe(2);
  await page.screenshot({ path: 'staff-archive-e2e.tmp.png', fullPage: false });
});
