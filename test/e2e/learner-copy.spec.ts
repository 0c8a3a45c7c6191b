import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { main } from '../../src-main/cli/main';
import { capture, demoVisit, type DemoVisit } from '../support/visit-pack';

const browserInternal = /^(chrome|chrome-extension):\/\//;

let root: string;
let visit: DemoVisit;
let copy: string;

test.beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'workbench-copy-'));
  visit = await demoVisit(root);
  copy = path.join(root, 'copy');
  const run = capture();
  const code = await main(
    ['export-learner', visit.dir, '--learner', visit.chosen[0]!.learnerId, '--out', copy],
    run.io,
  );
  if (code !== 0) throw new Error(run.err.join('\n'));
});

test.afterAll(async () => {
  await rm(root, { recursive: true, force: true, maxRetries: 5 });
});

test("the learner's copy opens from the file system with the network blocked and names no one else", async ({
  page,
  context,
}) => {
  const me = visit.chosen[0]!;
  const folder = `${pathToFileURL(copy).href}/`;
  const requests: string[] = [];
  const refused: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || browserInternal.test(url)) return route.continue();
    refused.push(url);
    return route.abort();
  });

  await page.goto(`${folder}index.html`);
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

  expect(refused).toEqual([]);
  for (const url of requests.filter((r) => !browserInternal.test(r))) {
    expect(url.startsWith(folder), url).toBe(true);
  }
});
