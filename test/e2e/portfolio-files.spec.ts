import { appendFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './support/fixtures';
import { learnerPage } from './support/learner-page';
import { shell } from './support/shell-page';

test('a saved change that cannot be read is named on the learner page, above the rest of the portfolio', async ({
  page,
  app,
}) => {
  const workspace = app.workbench.workspace;
  const learner = workspace.centre.learners.find((l) => !l.archived)!;
  const changes = path.join(workspace.dir, learner.portfolio, 'changes');
  const [name] = (await readdir(changes)).filter((n) => n.endsWith('.jsonl'));
  // A line cut short when the folder was copied.
  await appendFile(path.join(changes, name!), '{"id":"w-cut:1","writer":"w-c\n');
  // What the workspace watcher does when a change file grows.
  await workspace.portfolios.noticeChange(learner.id);

  await page.goto(app.host.url);
  await shell(page).nav('Learners').click();
  await learnerPage(page).open(learner.name);
  const alert = page.getByTestId('unreadable-changes');
  await expect(alert).toContainText('One saved change in this portfolio could not be read');
  await expect(alert).toContainText(`changes/${name}`);
  await expect(learnerPage(page).evidenceRow('').first()).toBeVisible();
});
