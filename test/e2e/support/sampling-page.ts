import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { chooseUser } from './shell-page';

/** The sampling screens' landmarks, so the spec reads as what the IQA and assessor do. */
export function samplingPage(page: Page) {
  return {
    tab: (name: string | RegExp) => page.getByRole('tab', { name }),
    plan: page.getByTestId('sampling-plan'),
    strategy: page.getByTestId('sampling-strategy'),
    dashboard: page.getByTestId('sampling-dashboard'),
    actionPoints: page.getByTestId('action-points'),
    sampleRows: page.getByTestId('sampling-plan').getByTestId('sample-table').locator('tbody tr'),
    dialog: page.getByRole('dialog'),
    sampledWork: page.getByTestId('sampled-work'),
    reviewForm: page.getByTestId('review-form'),
    savedReview: page.getByTestId('saved-review'),
    respondCard: page.getByTestId('respond-action'),
    actionTable: page.getByTestId('action-table'),
  };
}

/** Picks a person and role from the header's list, entering their passphrase where asked. */
export async function switchUser(page: Page, option: string): Promise<void> {
  await chooseUser(page, option);
}

/** Serious or critical accessibility problems on the page as it is now, in words. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
