import { readFile } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createDispatcher } from '../../src-main/api/dispatcher';
import { targetsOf } from '../../src-main/decision/targets';
import { portfolioSchema } from '../../src-main/portfolio/portfolio-schema';
import { storedUnitSchema } from '../../src-main/unit/unit-schema';
import { defaultResourcesDir } from '../../src-main/shared/paths';
import { portfolioOnDisk as folded } from '../support/portfolio-on-disk';
import { expect, test, type RunningWorkbench } from './support/fixtures';
import { learnerPage } from './support/learner-page';
import { drawSignature, markingPage } from './support/marking-page';
import { shell, unlockCurrentUser } from './support/shell-page';

const UNIT = 'unit-j-508-4003';

async function unitTargets() {
  const file = path.join(defaultResourcesDir(), 'units', `${UNIT}-v1.json`);
  const unit = storedUnitSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  return targetsOf(unit).map((t) => ({
    label: t.label,
    key: t.partRef ? `${t.criterionRef}|${t.partRef}` : t.criterionRef,
  }));
}

function learnerId(app: RunningWorkbench, name: string) {
  return app.workbench.workspace.centre.learners.find((l) => l.name === name)!.id;
}

async function portfolioOnDisk(app: RunningWorkbench, id: string) {
  const ws = app.workbench.workspace;
  const folder = path.join(ws.dir, ws.learner(id).portfolio);
  return portfolioSchema.parse(await folded(folder, id));
}

/**
 * Presses a key until the detail shows the wanted criterion or part, waiting after each press
 * for the detail to move on, so a slow repaint never makes it press past the target.
 */
async function goTo(page: Page, label: string, key: 'j' | 'k') {
  const ui = markingPage(page);
  for (let i = 0; i < 40; i += 1) {
    const shown = await ui.label.innerText();
    if (shown.split(' ')[0] === label.split(' ')[0]) break;
    await page.keyboard.press(key);
    await expect.poll(() => ui.label.innerText()).not.toBe(shown);
  }
  await expect(ui.label).toContainText(label);
}

test('marks a whole unit by keyboard, meets each blocking rule, signs off with drawn signatures and unlocks with a reason', async ({
  page,
  app,
}) => {
  const id = learnerId(app, 'Siobhán Ní Bhriain');
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const added = await createDispatcher(app.workbench)('evidence:add-record', {
    learnerId: id,
    details: {
      title: 'Practical demonstration at the contact centre',
      producedOn: yesterday,
      method: 'practical demonstration',
      record:
        'Siobhán handled six calls while observed, including two complaints, by the procedure.',
    },
  });
  expect(added.ok).toBe(true);
  const targets = await unitTargets();
  const ui = markingPage(page);
  await ui.open(app.host.url, id, UNIT);
  await expect(ui.workspace).toBeVisible();
  await expect(ui.label).toContainText('1.1');

  // The shortcuts are listed in the app.
  await page.keyboard.press('?');
  await expect(
    ui.shortcuts.getByText('Mark not yet met (further evidence required)'),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(ui.shortcuts).toHaveCount(0);

  // Blocking rule: met needs evidence mapped.
  await page.keyboard.press('m');
  await expect(ui.decisionError).toContainText(
    'Criterion 1.1 has no evidence mapped to it. Map at least one evidence item before marking it met.',
  );
  await expect(ui.status).toHaveText('Not yet assessed');

  // First pass: mark what already has evidence; leave the rest.
  const evidenced: string[] = [];
  for (const [i, t] of targets.entries()) {
    await expect(ui.label).toContainText(t.label);
    if ((await ui.mappedEvidence.count()) > 0) {
      evidenced.push(t.label);
      await page.keyboard.press('m');
      await expect(ui.status).toHaveText('Met');
    }
    if (i < targets.length - 1) await page.keyboard.press('j');
  }
  // The demo's evidence, and her line manager's returned testimony (7.4, 9.1 a and b).
  expect(evidenced).toEqual([
    '4.1',
    '5.1',
    '5.3',
    '5.4',
    '7.1',
    '7.2',
    '7.3',
    '7.4',
    '9.1 a',
    '9.1 b',
  ]);

  // Not yet met with feedback, then undo back to met.
  await goTo(page, '7.4', 'k');
  await page.keyboard.press('n');
  await expect(ui.status).toHaveText('Not yet met');
  await page.keyboard.press('Control+z');
  await expect(ui.status).toHaveText('Met');
  await page.keyboard.press('o');
  await expect(ui.inlinePreview).toContainText('asked open questions');
  await page.keyboard.press('f');
  await expect(ui.feedback).toBeFocused();
  await page.keyboard.type('Agreed what happens if needs are not met, as observed.');
  await page.keyboard.press('Escape');

  // Blocking rules at sign-off: not met, no evidence, parts without evidence, the prescribed
  // method unused, and both declarations unsigned.
  await page.keyboard.press('s');
  await expect(ui.signOffButton).toBeFocused();
  await page.keyboard.press('Enter');
  for (const message of [
    'Criterion 1.1 has no evidence.',
    'Criterion 1.1 is not marked met.',
    'Part 9.1 c has no evidence.',
    'The unit prescribes practical demonstration, and no evidence mapped to this unit uses it.',
    'The learner has not signed the declaration that the evidence is their own work.',
    "The assessor's declaration is not signed.",
  ]) {
    await expect(ui.signOffError).toContainText(message);
  }

  // Second pass, from the top: map the demonstration where there is no evidence, and mark.
  await goTo(page, '1.1', 'k');
  for (const [i, t] of targets.entries()) {
    await expect(ui.label).toContainText(t.label);
    if (!evidenced.includes(t.label)) {
      await page.keyboard.press('e');
      await expect(ui.chooser).toBeVisible();
      // Typed only once the search has the focus, or the letters would reach the screen's keys.
      await expect(ui.chooser.getByLabel('Find evidence')).toBeFocused();
      await page.keyboard.type('Practical');
      await page.keyboard.press('Enter');
      await expect(
        ui.chooser.getByRole('checkbox', { name: /Practical demonstration at the contact centre/ }),
      ).toBeChecked();
      await page.keyboard.press('Control+Enter');
      await expect(ui.chooser).toHaveCount(0);
      await expect(ui.mappedEvidence).toHaveCount(1);
      await page.keyboard.press('m');
      await expect(ui.status).toHaveText('Met');
    }
    if (i < targets.length - 1) await page.keyboard.press('j');
  }
  await expect(ui.metCount).toHaveText('27 of 27 criteria met');
  await expect(ui.gaps).toContainText('Every prescribed method is used.');

  // Signed on screen: the learner, then the assessor, drawing with the pointer.
  await drawSignature(page, ui.signatureCanvas('learner-signature'));
  await ui.signButton('learner-signature').click();
  await expect(ui.signed('learner-declaration')).toBeVisible();
  await drawSignature(page, ui.signatureCanvas('assessor-signature'));
  await ui.signButton('assessor-signature').click();
  await expect(ui.signed('assessor-declaration')).toBeVisible();
  // A sign-off is recorded only for an assessor who has proved who they are this session.
  await unlockCurrentUser(page);
  await ui.signOffButton.click();
  // Asked first, naming what will happen.
  const confirm = page.getByRole('dialog', { name: 'Sign off this unit?' });
  await expect(confirm).toContainText('The unit is then locked');
  await confirm.getByRole('button', { name: 'Sign off and lock' }).click();
  await expect(ui.signOffStatus).toHaveText('Signed off');
  await expect(ui.lockedBadge).toBeVisible();

  // Locked in the handlers, whatever the screen does.
  const refused = await createDispatcher(app.workbench)('decision:record', {
    learnerId: id,
    unitId: UNIT,
    criterionRef: '1.1',
    partRef: null,
    outcome: 'not-yet-met',
  });
  expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });

  const signedOff = await portfolioOnDisk(app, id);
  expect(signedOff.signOffs.at(-1)?.signOffProof).toMatchObject({ algorithm: 'RSA-SHA256' });
  const signatures = signedOff.signatures.filter((s) => s.unitId === UNIT);
  expect(signatures.map((s) => [s.purpose, s.role, s.method])).toEqual([
    ['learner-declaration', 'learner', 'drawn'],
    ['assessor-declaration', 'assessor', 'drawn'],
  ]);
  for (const s of signatures) {
    expect(s.image).toMatch(/^data:image\/png;base64,/);
    expect(Buffer.from(s.image!.split(',')[1]!, 'base64').subarray(1, 4).toString()).toBe('PNG');
    expect(s.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(s.voidedAt).toBeNull();
  }

  // Unlock with a reason: audited, and the signatures become void.
  const reason = 'The learner asked to add a better example for 9.1 b.';
  await ui.unlockReason.fill(reason);
  await ui.unlockButton.click();
  await expect(ui.signOffStatus).toHaveText('Open');
  await expect(ui.lockedBadge).toHaveCount(0);
  await expect(ui.signOff.getByText(reason)).toBeVisible();
  await expect(ui.signed('learner-declaration')).toHaveCount(0);

  const saved = await portfolioOnDisk(app, id);
  const latest = new Map<string, string>();
  for (const d of saved.decisions.filter((d) => d.unitId === UNIT)) {
    latest.set(d.partRef ? `${d.criterionRef}|${d.partRef}` : d.criterionRef, d.outcome);
  }
  expect(targets.every((t) => latest.get(t.key) === 'met')).toBe(true);
  expect(saved.decisions.find((d) => d.criterionRef === '7.4' && d.feedback)?.feedback).toBe(
    'Agreed what happens if needs are not met, as observed.',
  );
  const demo = saved.evidence.find((e) => e.method === 'practical demonstration')!;
  const demoTargets = saved.mappings.filter((m) => m.evidenceId === demo.id && !m.removed);
  expect(demoTargets).toHaveLength(targets.length - evidenced.length);
  expect(saved.signatures.every((s) => s.voidedAt)).toBe(true);
  expect(saved.signOffs).toHaveLength(1);
  expect(saved.signOffs[0]).toMatchObject({ voidReason: reason, voidedAt: expect.any(String) });
  const actions = saved.audit.map((a) => a.action);
  expect(actions.filter((a) => a === 'signed')).toHaveLength(2);
  expect(actions).toContain('undid decision');
  expect(actions.slice(-2)).toEqual(['signed off unit', 'unlocked unit']);
  expect(saved.audit.at(-1)).toMatchObject({
    role: 'assessor',
    after: { reason, signaturesVoided: 2 },
  });

  // The learner's audit trail on screen shows the sign-off and the unlock with its reason.
  await shell(page).nav('Learners').click();
  const learner = learnerPage(page);
  await learner.open('Siobhán Ní Bhriain');
  await learner.tab('Audit trail').click();
  await expect(learner.auditTrail.getByText('unlocked unit')).toBeVisible();
  await expect(learner.auditTrail.getByText('signed off unit')).toBeVisible();
  await expect(learner.auditTrail.getByText(reason, { exact: false })).toBeVisible();
});

test('the marking screen and the centre progress matrix have no serious accessibility violations', async ({
  page,
  app,
}) => {
  const check = async () => {
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    expect(
      serious.map(
        (v) =>
          `${v.id}: ${v.help} at ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary ?? ''})`).join(', ')}`,
      ),
    ).toEqual([]);
  };
  const ui = markingPage(page);
  await ui.open(app.host.url, learnerId(app, 'Łukasz Wójcik'), UNIT);
  await expect(ui.workspace).toBeVisible();
  await check();
  await ui.open(app.host.url, learnerId(app, 'Amara Okafor'), UNIT);
  await expect(ui.signatureCanvas('learner-signature')).toBeVisible();
  await check();
  await page.keyboard.press('?');
  await expect(ui.shortcuts).toBeVisible();
  await check();
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: 'Centre progress' }).click();
  await expect(ui.matrix).toBeVisible();
  await check();
});
