import path from 'node:path';
import { portfolioSchema } from '../../src-main/portfolio/portfolio-schema';
import { portfolioOnDisk as folded } from '../support/portfolio-on-disk';
import { expect, test, type RunningWorkbench } from './support/fixtures';
import { markingPage } from './support/marking-page';

const UNIT = 'unit-j-508-4003';

function learnerId(app: RunningWorkbench, name: string) {
  return app.workbench.workspace.centre.learners.find((l) => l.name === name)!.id;
}

async function portfolioOnDisk(app: RunningWorkbench, id: string) {
  const ws = app.workbench.workspace;
  const folder = path.join(ws.dir, ws.learner(id).portfolio);
  return portfolioSchema.parse(await folded(folder, id));
}

test('Ctrl+Z undoes only the last change, several levels deep, and Ctrl+Shift+Z or Ctrl+Y redoes', async ({
  page,
  app,
}) => {
  const id = learnerId(app, 'Siobhán Ní Bhriain');
  const ui = markingPage(page);
  const saved = page.getByText('Saved as you type.').first();
  await ui.open(app.host.url, id, UNIT);
  await ui.target('4.1').click();
  await expect(ui.label).toContainText('4.1');
  await expect(ui.mappedEvidence).not.toHaveCount(0);

  // A decision, then feedback typed and left.
  await page.keyboard.press('m');
  await expect(ui.status).toHaveText('Met');
  await page.keyboard.press('f');
  await expect(ui.feedback).toBeFocused();
  await page.keyboard.type('Explained the service offer clearly.');
  await page.keyboard.press('Escape');
  await expect(saved).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo the feedback on 4.1' })).toBeEnabled();

  // Undo takes back the feedback only: the decision stands, and the screen says what it undid.
  await page.keyboard.press('Control+z');
  await expect(ui.feedback).toHaveValue('');
  await expect(ui.status).toHaveText('Met');
  await expect(page.getByText('Undone: the feedback on 4.1.')).toBeVisible();

  // A second level: the decision itself.
  await page.keyboard.press('Control+z');
  await expect(ui.status).toHaveText('Not yet assessed');
  await expect(ui.feedback).toHaveValue('');

  // Redo, both ways of asking for it.
  await page.keyboard.press('Control+Shift+z');
  await expect(ui.status).toHaveText('Met');
  await expect(ui.feedback).toHaveValue('');
  await page.keyboard.press('Control+y');
  await expect(ui.feedback).toHaveValue('Explained the service offer clearly.');
  await expect(ui.status).toHaveText('Met');
  await expect(page.getByRole('button', { name: 'Redo' })).toBeDisabled();

  // In the feedback box, Ctrl+Z is the browser's own undo of the typing, and nothing else.
  await ui.feedback.focus();
  await page.keyboard.press('End');
  await page.keyboard.type(' More');
  await expect(ui.feedback).toHaveValue('Explained the service offer clearly. More');
  // (How much one press takes back is the browser's to choose: press until the typing is gone.)
  for (let i = 0; i < 10; i += 1) {
    const now = await ui.feedback.inputValue();
    if (now === 'Explained the service offer clearly.') break;
    await page.keyboard.press('Control+z');
    await expect(ui.feedback).not.toHaveValue(now);
    await expect(ui.feedback).toBeFocused();
  }
  await expect(ui.feedback).toHaveValue('Explained the service offer clearly.');
  await expect(ui.status).toHaveText('Met');
  await page.keyboard.press('Escape');

  // On disk: every step is a decision of its own, and the audit trail says what each was.
  const final = 'Explained the service offer clearly.';
  await expect
    .poll(async () => (await portfolioOnDisk(app, id)).decisions.at(-1)?.feedback)
    .toBe(final);
  const onFile = await portfolioOnDisk(app, id);
  const actions = onFile.audit
    .filter((a) => a.subject?.unitId === UNIT && a.subject.criterionRef === '4.1')
    .map((a) => a.action)
    .filter((a) => a !== 'mapped evidence');
  // Typing saves in pauses: a slow machine may save the feedback more than once.
  const steps = actions.filter((a, i) => !(a === 'changed feedback' && actions[i - 1] === a));
  expect(steps.slice(0, 6)).toEqual([
    'recorded decision',
    'changed feedback',
    'undid decision',
    'undid decision',
    'redid decision',
    'redid decision',
  ]);
  // What the browser's text undo did in the box is saved as feedback, never as an undo.
  expect(steps.slice(6).every((a) => a === 'changed feedback')).toBe(true);
  const p = await portfolioOnDisk(app, id);
  const mine = p.decisions.filter((d) => d.unitId === UNIT && d.criterionRef === '4.1');
  expect(mine.filter((d) => d.revises).map((d) => d.revises?.kind)).toEqual([
    'undo',
    'undo',
    'redo',
    'redo',
  ]);
  expect(mine.at(-1)).toMatchObject({ outcome: 'met', feedback: final });
});
