import path from 'node:path';
import { expect, test } from '@playwright/test';
import { makePack } from '../support/visit-pack';
import { expectStayedInside, openOffline, useDemoVisitFolder } from './support/offline-folder';

const made = useDemoVisitFolder('workbench-pack-', async (visit, root) => {
  const pack = path.join(root, 'visit');
  await makePack(visit, pack);
  return pack;
});

test('the visit pack opens from the file system and is browsed with the network blocked', async ({
  page,
  context,
}) => {
  const { visit } = made;
  const opened = await openOffline(page, context, made.dir);
  const learners = page.getByTestId('learner-list');
  await expect(learners).toBeVisible();
  const [first] = visit.chosen;
  await learners.getByRole('link', { name: first!.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: first!.name })).toBeVisible();

  // Learner → unit → a criterion's evidence, previewed in place.
  await page
    .getByRole('link', { name: /J\/508\/4003|Deliver, Monitor/ })
    .first()
    .click();
  const criteria = page.locator('table.criteria').first();
  await expect(criteria).toBeVisible();
  await expect(criteria.getByRole('rowheader').first()).toBeVisible();
  const imageEvidence = page.locator('table.criteria a', { hasText: /photo/i }).first();
  await expect(imageEvidence).toBeVisible();
  await imageEvidence.click();
  const preview = page.getByTestId('evidence-preview').locator('img');
  await expect(preview).toBeVisible();
  await expect
    .poll(() =>
      preview.evaluate((img) => {
        // The node's own fields: this file is typechecked without the DOM library.
        const image = img as unknown as { complete: boolean; naturalWidth: number };
        return image.complete ? image.naturalWidth : 0;
      }),
    )
    .toBeGreaterThan(0);

  // Back up the trail by the breadcrumbs, then to a signed record.
  await page
    .getByRole('navigation', { name: 'Where you are' })
    .getByRole('link', { name: 'Visit pack' })
    .click();
  await page.getByRole('link', { name: 'Signed records' }).click();
  const signed = page
    .getByTestId('record-list')
    .getByRole('link', { name: /, signed$/ })
    .first();
  await expect(signed).toBeVisible();
  await signed.click();
  const frame = page.getByTestId('record-preview').locator('iframe');
  await expect(frame).toBeVisible();
  const src = await frame.getAttribute('src');
  expect(src).toMatch(/\.pdf$/);
  await expect.poll(() => opened.requests.some((r) => r.endsWith(src!))).toBe(true);

  // Search finds the learner's evidence by its words.
  await page.getByLabel('Search the pack').fill('reflective');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByTestId('search-results').getByRole('link').first()).toBeVisible();

  expectStayedInside(opened);
  expect(opened.requests.length).toBeGreaterThan(2);
});
