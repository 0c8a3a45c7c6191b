import { expect, type Page } from '@playwright/test';
import { DEMO_PASSPHRASE } from '../../../src-main/demo/demo-identities';

/** The app shell's landmarks, kept in one place so specs read as user steps. */
export function shell(page: Page) {
  return {
    workspaceName: page.getByTestId('workspace-name'),
    nav: (label: string) =>
      page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label }),
    heading: page.getByRole('heading', { level: 1 }),
    learnerTable: page.getByTestId('learner-table'),
    unitList: page.getByTestId('unit-list'),
    unitDetail: page.getByTestId('unit-detail'),
    userSelect: page.getByRole('combobox', { name: 'Current user and role' }),
  };
}

/** Enters a signing passphrase in the header's unlock dialog, as the person working does. */
async function enterPassphrase(page: Page, passphrase: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('session-passphrase').fill(passphrase);
  await dialog.getByTestId('session-unlock-submit').click();
  await expect(dialog).toHaveCount(0);
}

/**
 * Chooses who is working from the header's "Current user and role" list; an assessor or IQA
 * proves it with their signing passphrase (the demo's unless given), an EQA needs none.
 */
export async function chooseUser(
  page: Page,
  option: string,
  passphrase = DEMO_PASSPHRASE,
): Promise<void> {
  const select = shell(page).userSelect;
  await select.click();
  await page.getByRole('option', { name: option }).click();
  if (!option.includes('External quality assurer')) await enterPassphrase(page, passphrase);
  await expect(select).toHaveValue(option);
}

/** Unlocks the signing key of whoever the header shows, so what they sign is recorded. */
export async function unlockCurrentUser(page: Page, passphrase = DEMO_PASSPHRASE): Promise<void> {
  await page.getByTestId('session-unlock').click();
  await enterPassphrase(page, passphrase);
  await expect(page.getByTestId('session-unlock')).toHaveCount(0);
}
