import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { demoVisit, type DemoVisit } from '../../support/visit-pack';

/** Chromium's own parts (its PDF viewer among them) load from inside the browser, never the network. */
const browserInternal = /^(chrome|chrome-extension):\/\//;

/**
 * A demo workspace with learners chosen for a visit, in a temporary folder made before the
 * spec's tests and removed after them; `make` writes the folder the spec opens (a visit pack, a
 * learner's copy) and says where it is.
 */
export function useDemoVisitFolder(
  prefix: string,
  make: (visit: DemoVisit, root: string) => Promise<string>,
): { visit: DemoVisit; dir: string } {
  const made = {} as { root: string; visit: DemoVisit; dir: string };
  test.beforeAll(async () => {
    made.root = await mkdtemp(path.join(os.tmpdir(), prefix));
    made.visit = await demoVisit(made.root);
    made.dir = await make(made.visit, made.root);
  });
  test.afterAll(async () => {
    await rm(made.root, { recursive: true, force: true, maxRetries: 5 });
  });
  return made;
}

export interface OfflineFolder {
  /** The folder's file:// address, ending in a slash. */
  folder: string;
  /** Every address the page asked for, and those refused because they were not files. */
  requests: string[];
  refused: string[];
}

/** Opens a folder's index.html from the file system with everything but files refused. */
export async function openOffline(
  page: Page,
  context: BrowserContext,
  dir: string,
): Promise<OfflineFolder> {
  const opened: OfflineFolder = {
    folder: `${pathToFileURL(dir).href}/`,
    requests: [],
    refused: [],
  };
  page.on('request', (request) => opened.requests.push(request.url()));
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || browserInternal.test(url)) return route.continue();
    opened.refused.push(url);
    return route.abort();
  });
  await page.goto(`${opened.folder}index.html`);
  return opened;
}

/** Nothing went to the network, and every file the page read was inside the folder. */
export function expectStayedInside({ folder, requests, refused }: OfflineFolder): void {
  expect(refused).toEqual([]);
  for (const url of requests.filter((r) => !browserInternal.test(r))) {
    expect(url.startsWith(folder), url).toBe(true);
  }
}
