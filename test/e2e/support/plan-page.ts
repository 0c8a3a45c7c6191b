import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';
import { drawSignature } from './marking-page';

/** The Plans tab of a learner: a new plan's form, and signing a plan's card. */
export function planPage(page: Page) {
  const form = page.getByTestId('plan-form');
  const place = form.getByRole('textbox', { name: 'Place' });
  return {
    form,
    /** Starts a plan, fills in the place and the expert witnesses named, and saves it as a draft. */
    async saveNew(details: { place: string; experts?: string[] }): Promise<Locator> {
      await page.getByTestId('plan-new').click();
      await place.fill(details.place);
      for (const name of details.experts ?? []) {
        await page.getByTestId('plan-experts').click();
        await page.getByRole('option', { name }).click();
        // Closes the list by moving on (Escape would close the whole form).
        await place.click();
      }
      await page.getByTestId('plan-save').click();
      return page.getByTestId('plan-card').filter({ hasText: `Place: ${details.place}` });
    },
    /** Signs the plan on its card as each of `who`, drawing a signature after the declaration. */
    async sign(card: Locator, who: readonly string[]): Promise<void> {
      for (const role of who) {
        await card.getByTestId('plan-signer').click();
        await page.getByRole('option', { name: role, exact: true }).click();
        await expect(card.getByTestId('plan-declaration')).toBeVisible();
        await drawSignature(page, card.getByTestId('plan-signature-canvas'));
        await card.getByRole('button', { name: /^Sign as/ }).click();
      }
    },
  };
}
