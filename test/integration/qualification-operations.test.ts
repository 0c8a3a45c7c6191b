import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src-main/api/dispatcher';
import { useTempDirs } from '../support/temp-dir';
import { bootWorkbench } from '../support/workbench';

describe('qualifications in a workspace', () => {
  const tempDir = useTempDirs();

  it('gives the demo centre a customer-service qualification labelled as demo data, and says what is missing', async () => {
    const dispatch = createDispatcher(await bootWorkbench(await tempDir()));
    const listed = await dispatch('qualification:list', {});
    expect(listed).toMatchObject({
      ok: true,
      data: { qualifications: [{ title: 'Certificate in Customer Service (demo)', demo: true }] },
    });

    const nothing = await dispatch('qualification:assess', {
      qualificationId: 'qual-demo-customer-service-l3',
      achievedUnitIds: [],
    });
    expect(nothing).toMatchObject({ ok: true, data: { achieved: false } });
    expect(JSON.stringify(nothing)).toContain(
      'Mandatory unit \\"Deliver, Monitor and Evaluate Customer Service to External Customers\\" is not yet achieved.',
    );
    const done = await dispatch('qualification:assess', {
      qualificationId: 'qual-demo-customer-service-l3',
      achievedUnitIds: ['unit-j-508-4003'],
    });
    expect(done).toMatchObject({ ok: true, data: { achieved: true, creditsAchieved: 3 } });
  });

  it('saves new rules of combination, and refuses units the workspace does not hold', async () => {
    const dispatch = createDispatcher(await bootWorkbench(await tempDir()));
    const saved = await dispatch('qualification:save', {
      title: 'Award in Customer Service',
      mandatoryUnitIds: ['unit-principles-of-customer-service'],
      minTotalCredits: 0,
    });
    expect(saved).toMatchObject({
      ok: true,
      data: { title: 'Award in Customer Service', id: expect.stringMatching(/^qual-/) },
    });
    const listed = await dispatch('qualification:list', {});
    expect(JSON.stringify(listed)).toContain('Award in Customer Service');

    const refused = await dispatch('qualification:save', {
      title: 'Broken',
      mandatoryUnitIds: ['unit-nowhere'],
    });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'The rules name units this workspace does not hold (unit-nowhere).',
      },
    });
  });
});
