import type { Page } from '@playwright/test';
import type { RunningWorkbench } from './fixtures';
import { chooseUser, shell } from './shell-page';

/** Tom, the assessor who holds the demo's progress reviews, signed in on the Learners page. */
export async function signInAsTomOnLearners(page: Page, app: RunningWorkbench): Promise<void> {
  await page.goto(app.host.url);
  await chooseUser(page, 'Tom Fletcher · Assessor');
  await shell(page).nav('Learners').click();
}
