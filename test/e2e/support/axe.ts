import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Every accessibility violation axe finds, of any impact, in words a reader can act on. */
export async function axeViolations(page: Page, scope?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  if (scope) builder = builder.include(scope);
  const results = await builder.analyze();
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'unrated'}): ${v.help} at ${v.nodes
        .map((n) => `${n.target.join(' ')} [${n.failureSummary ?? ''}]`)
        .join('; ')}`,
  );
}

/**
 * Asserts the page as it is now has no accessibility violations at all: the whole page, or
 * with a dialog open, the dialog (what a screen-reader user is held inside).
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const dialogs = page.getByRole('dialog');
  const scope = (await dialogs.count()) > 0 ? '[role="dialog"]' : undefined;
  expect(await axeViolations(page, scope), `accessibility of ${what}`).toEqual([]);
}
