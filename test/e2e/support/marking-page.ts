import { expect, type Page } from '@playwright/test';
import { createDispatcher } from '../../../src-main/api/dispatcher';
import type { Workbench } from '../../../src-main/app/workbench';

/** The marking screen's landmarks, so specs read as the assessor's steps. */
export function markingPage(page: Page) {
  const signOff = page.getByTestId('sign-off-panel');
  return {
    /** Opens one learner's unit straight from a link, as the centre progress matrix does. */
    open: (hostUrl: string, learnerId: string, unitId: string) => {
      const url = new URL(hostUrl);
      url.search = `?learner=${encodeURIComponent(learnerId)}&unit=${encodeURIComponent(unitId)}`;
      return page.goto(url.toString());
    },
    workspace: page.getByTestId('marking-workspace'),
    outline: page.getByTestId('marking-outline'),
    target: (key: string) => page.getByTestId(`target-${key}`),
    label: page.getByTestId('criterion-label'),
    status: page.getByTestId('decision-status'),
    decisionError: page.getByTestId('decision-error'),
    mappedEvidence: page.getByTestId('mapped-evidence'),
    inlinePreview: page.getByTestId('inline-preview'),
    chooser: page.getByTestId('evidence-chooser'),
    feedback: page.getByLabel(/^Feedback on /),
    metCount: page.getByTestId('met-count'),
    shortcuts: page.getByTestId('shortcuts'),
    gaps: page.getByTestId('gap-analysis'),
    signOff,
    signOffStatus: page.getByTestId('sign-off-status'),
    signOffError: page.getByTestId('sign-off-error'),
    signOffButton: signOff.getByRole('button', { name: 'Sign off unit' }),
    signatureCanvas: (who: 'learner-signature' | 'assessor-signature' | 'countersignature') =>
      page.getByTestId(`${who}-canvas`),
    signButton: (who: 'learner-signature' | 'assessor-signature' | 'countersignature') =>
      page.getByTestId(who).getByRole('button', { name: /^Sign as / }),
    signed: (purpose: string) => page.getByTestId(`signed-${purpose}`),
    unlockReason: signOff.getByLabel('Reason for unlocking'),
    unlockButton: signOff.getByRole('button', { name: 'Unlock unit' }),
    lockedBadge: page.getByTestId('locked-badge'),
    matrix: page.getByTestId('progress-matrix'),
  };
}

/** Draws a signature-like stroke across a canvas with the mouse, as a person would. */
export async function drawSignature(page: Page, canvas: ReturnType<Page['getByTestId']>) {
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('The signature box is not on screen.');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 30, y);
  await page.mouse.down();
  for (let i = 1; i <= 24; i += 1) {
    await page.mouse.move(box.x + 30 + i * 12, y + Math.sin(i / 2) * 30, { steps: 2 });
  }
  await page.mouse.up();
}

/**
 * Signs the learner's and the assessor's declarations on a unit through the operations the
 * screen uses, so a spec can go straight to what comes after them.
 */
export async function signDeclarations(
  workbench: Workbench,
  learnerId: string,
  unitId: string,
): Promise<void> {
  const dispatch = createDispatcher(workbench);
  for (const purpose of ['learner-declaration', 'assessor-declaration'] as const) {
    const signed = await dispatch('decision:sign', {
      learnerId,
      unitId,
      purpose,
      method: 'drawn',
      image: `data:image/png;base64,${Buffer.from('\x89PNG signature').toString('base64')}`,
    });
    expect(signed.ok).toBe(true);
  }
}
