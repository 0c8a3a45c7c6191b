import type { Locator, Page } from '@playwright/test';

/** A calendar date written the ISO way, as nobody in the UK writes one. */
export const isoDate = /\b\d{4}-\d{2}-\d{2}\b/;

/** Internal ids: people, learners, evidence, registrations, witnesses. */
export const internalId = /\b(st|ln|ev|rg|wt|wf|ap)-[0-9a-f]{10}\b|\bunit-[a-z0-9]+(-[a-z0-9]+)+/;

/**
 * What the page says, less evidence file names (named on disk by the date they were produced,
 * "2026-10-23-shift-report.pdf", and shown as the file is called).
 */
export async function visibleText(page: Page): Promise<string> {
  const text = await page.locator('body').innerText();
  return text.replace(/\S*\d{4}-\d{2}-\d{2}-[^\s;,]+\.[a-z0-9]{2,5}\b/gi, '[file]');
}

/** Whether an element shows all its text: nothing cut off by its own box or by the window. */
export async function isWhole(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return (
      el.scrollWidth <= el.clientWidth + 1 &&
      box.right <= el.ownerDocument.documentElement.clientWidth
    );
  });
}

export function presentationPage(page: Page) {
  return {
    caseload: page.getByTestId('caseload'),
    visits: page.getByTestId('caseload-visits'),
    ready: page.getByTestId('caseload-ready'),
    unitProgress: page.getByTestId('learner-unit-progress'),
    qualification: page.getByTestId('qualification-position'),
    dateField: (label: string) => page.getByRole('textbox', { name: label, exact: true }),
  };
}
