import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src-main/api/dispatcher';
import { DEMO_PASSPHRASE } from '../../../src-main/demo/demo-identities';
import type { PlanView } from '../../../src-main/sampling/sampling-contract';
import { checkPackFolder } from '../../../src-main/visit-pack/verify-pack';
import { useTempDirs } from '../../support/temp-dir';
import { bootWorkbench } from '../../support/workbench';

describe('visit:make-pack', () => {
  const tempDir = useTempDirs();

  it("writes the IQA's signed pack into visits/, and refuses anyone but an IQA", async () => {
    const workbench = await bootWorkbench(await tempDir());
    const dispatch = createDispatcher(workbench);
    const overview = (await dispatch('sampling:overview', {})) as {
      ok: true;
      data: { plans: { id: string }[] };
    };
    const plan = (await dispatch('sampling:get-plan', { planId: overview.data.plans[0]!.id })) as {
      ok: true;
      data: PlanView;
    };
    const sample = plan.data.samples[0]!;
    const staff = (name: string) =>
      workbench.workspace.centre.staff.find((s) => s.name === name)!.id;
    const input = {
      samples: [{ learnerId: sample.learnerId, unitId: sample.unitId }],
      sign: true,
      passphrase: DEMO_PASSPHRASE,
    };

    await dispatch('session:set-user', {
      personId: staff('Priya Sharma'),
      role: 'assessor',
      passphrase: DEMO_PASSPHRASE,
    });
    expect(await dispatch('visit:make-pack', input)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    await dispatch('session:set-user', {
      personId: staff('Margaret Ellis'),
      role: 'iqa',
      passphrase: DEMO_PASSPHRASE,
    });
    const made = await dispatch('visit:make-pack', input);
    expect(made, JSON.stringify(made)).toMatchObject({
      ok: true,
      data: { learners: 1, signedBy: 'Margaret Ellis' },
    });
    const data = (made as { ok: true; data: { folder: string; zip: string } }).data;
    expect(data.folder).toMatch(/^visits\/\d{4}-\d{2}-\d{2}-pack$/);
    expect(data.zip).toBe(`${data.folder}.zip`);
    const check = await checkPackFolder(path.join(workbench.workspace.dir, data.folder), null);
    expect(check.problems).toEqual([]);
  });
});
