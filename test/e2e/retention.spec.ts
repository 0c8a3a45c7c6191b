import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { DEMO_PASSPHRASE } from '../../src-main/demo/demo-identities';
import { checkRecordFile } from '../../src-main/record/issue/check-record-file';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { chooseUser, shell } from './support/shell-page';

const LEARNER = 'Łukasz Wójcik';

test('the IQA sets the retention periods, sees who is past them and erases one learner with a signed record', async ({
  page,
  app,
}) => {
  await page.goto(app.host.url);
  await chooseUser(page, 'Margaret Ellis · Internal quality assurer');
  await shell(page).nav('Centre').click();
  const section = page.getByTestId('retention-section');
  await expect(
    section.getByText('No learner’s data has passed its retention period.'),
  ).toBeVisible();

  // Every period set to none at all, from the learner's last activity: a warning in plain words.
  await section.getByTestId('retention-policy-edit').click();
  const periods = page.getByRole('dialog', { name: 'Retention periods' });
  for (const kind of ['evidence', 'portfolio', 'qa', 'witnessContacts']) {
    await periods.getByTestId(`retention-years-${kind}`).fill('0');
    await periods.getByTestId(`retention-from-${kind}`).click();
    await page.getByRole('option', { name: 'last activity' }).click();
  }
  await expect(periods.getByTestId('retention-warnings')).toContainText(
    'Awarding bodies usually require assessment decisions and QA records to be kept for at least 3 years',
  );
  await expectAccessible(page, 'the retention periods dialog');
  await periods.getByTestId('retention-policy-save').click();
  await expect(periods).toHaveCount(0);
  await expect(section).toContainText('Portfolio and decisions: 0 years from last activity');

  // Listed, with what would go and what must stay.
  const row = section.getByRole('row').filter({ hasText: LEARNER });
  await expect(row).toContainText('evidence file');
  await expect(row).toContainText('replaced by a pseudonym');
  await expect(row).toContainText('assessment decisions, sign-offs and their signatures’ hashes');
  await page.screenshot({ path: test.info().outputPath('retention-section.png'), fullPage: true });

  await row.getByRole('button', { name: `Erase ${LEARNER}'s data` }).click();
  const dialog = page.getByRole('dialog', { name: `Erase ${LEARNER}'s data` });
  const confirm = dialog.getByTestId('erase-confirm');
  const erase = dialog.getByTestId('erase-submit');
  // Nothing is ticked or written for the IQA: erasing waits for a reason and a confirmation.
  await expect(confirm).not.toBeChecked();
  await expect(erase).toBeDisabled();
  await dialog
    .getByTestId('erase-reason')
    .fill('Retention period ended; the centre closed the file');
  await expect(erase).toBeDisabled();
  await expectAccessible(page, 'the erasure dialog');
  await dialog.getByTestId('erase-passphrase').fill(DEMO_PASSPHRASE);
  await confirm.check();
  await page.screenshot({ path: test.info().outputPath('erase-dialog.png') });
  await expect(erase).toBeEnabled();
  await erase.click();
  await expect(page.getByText(/Erased\. The signed erasure record is erasure-/)).toBeVisible();
  await expect(dialog).toHaveCount(0);

  // The learner shows as erased, by their pseudonym; their name is gone from the list.
  const erasedRow = section.getByRole('row').filter({ hasText: /^Learner [0-9A-F]{4}/ });
  await expect(erasedRow.getByText(/^Erased /)).toBeVisible();
  await expect(section.getByRole('row').filter({ hasText: LEARNER })).toHaveCount(0);

  // The erasure record verifies, and names who erased what and why.
  const workspace = app.workbench.workspace;
  const [name] = await readdir(path.join(workspace.dir, 'erasures'));
  const checked = await checkRecordFile(
    await readFile(path.join(workspace.dir, 'erasures', name!)),
    name!,
    workspace,
  );
  expect(checked.problems).toEqual([]);
  expect(checked.ok).toBe(true);
  expect(checked.signatures[0]?.signerName).toBe('Margaret Ellis');
});
