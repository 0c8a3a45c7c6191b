import path from 'node:path';
import { expect, test } from '@playwright/test';
import { main } from '../../src-main/cli/main';
import { capture } from '../support/visit-pack';
import { expectStayedInside, openOffline, useDemoVisitFolder } from './support/offline-folder';

const made = useDemoVisitFolder('workbench-copy-', async (visit, root) => {
  const copy = path.join(root, 'copy');
  const run = capture();
  const code = await main(
    ['export-learner', visit.dir, '--learner', visit.chosen[0]!.learnerId, '--out', copy],
    run.io,
  );
  if (code !== 0) throw new Error(run.err.join('\n'));
  return copy;
});

test("the learner's copy opens from the file system with the network blocked and names no one else", async ({
  page,
  context,
}) => {
  const { visit } = made;
  const me = visit.chosen[0]!;
  const opened = await openOffline(page, context, made.dir);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(me.name);
  await expect(page.getByRole('heading', { name: 'About you' })).toBeVisible();
  await expect(page.getByText(me.uln).first()).toBeVisible();
  await expect(page.locator('table.criteria').first()).toBeVisible();
  await expect(page.locator('table.audit tbody tr').first()).toBeVisible();

  // An image of the learner's evidence previews in place once opened.
  const item = page
    .getByTestId('evidence-item')
    .filter({ has: page.locator('img') })
    .first();
  await item.locator('summary').click();
  const image = item.locator('img');
  await expect(image).toBeVisible();
  await expect
    .poll(() =>
      image.evaluate((img) => {
        const element = img as unknown as { complete: boolean; naturalWidth: number };
        return element.complete ? element.naturalWidth : 0;
      }),
    )
    .toBeGreaterThan(0);

  // A record opens from its link, from the folder itself.
  const record = page.locator('#records ~ table a').first();
  await expect(record).toBeVisible();
  expect(await record.getAttribute('href')).toMatch(/\.pdf$/);

  const text = await page.locator('body').innerText();
  for (const other of [...visit.others, visit.chosen[1]!]) {
    expect(text).not.toContain(other.name);
    if (other.uln) expect(text).not.toContain(other.uln);
  }

  expectStayedInside(opened);
});
