import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEMO_PASSPHRASE } from '../../../src-main/demo/demo-identities';
import { openIdentity } from '../../../src-main/record/identity-store/identity-store';
import { samplingStore } from '../../../src-main/sampling/sampling-store';
import type { PackData } from '../../../src-main/visit-pack/pack-model';
import { writeVisitPack } from '../../../src-main/visit-pack/write-pack';
import type { RunningWorkbench } from './fixtures';

/**
 * The IQA's visit pack for the EQA, of the first sample of the demo's plan, written into the
 * test's scratch folder as the centre would hand it over (a folder, not a zip).
 */
export async function packOfFirstSample(
  app: RunningWorkbench,
): Promise<{ pack: string; data: PackData }> {
  const workspace = app.workbench.workspace;
  const [plan] = (await samplingStore(workspace).listPlans()).plans;
  const sample = plan!.plan.samples[0]!;
  const pack = path.join(app.scratchDir, 'pack');
  await writeVisitPack(workspace, {
    out: pack,
    samples: [{ learner: sample.learnerId, unit: sample.unitId }],
    actor: { id: 'test', role: 'system' },
    madeBy: 'Margaret Ellis',
    now: new Date(),
    zip: false,
  });
  const data = JSON.parse(await readFile(path.join(pack, 'pack.json'), 'utf8')) as PackData;
  return { pack, data };
}

/**
 * The pack the demo's IQA makes of every sample in the plan, signed with her identity, as a
 * folder in the test's scratch folder and, when asked, the `.zip` beside it.
 */
export async function signedPackOfPlan(
  app: RunningWorkbench,
  zip: boolean,
): Promise<{ pack: string; zip: string | null; data: PackData }> {
  const workspace = app.workbench.workspace;
  const iqa = workspace.centre.staff.find((s) => s.name === 'Margaret Ellis')!;
  const [plan] = (await samplingStore(workspace).listPlans()).plans;
  const pack = path.join(app.scratchDir, 'visit-pack');
  const written = await writeVisitPack(workspace, {
    out: pack,
    samples: plan!.plan.samples.map((s) => ({ learner: s.learnerId, unit: s.unitId })),
    identity: await openIdentity(workspace.dir, iqa.id, iqa.name, DEMO_PASSPHRASE),
    actor: { id: iqa.id, role: 'iqa' },
    madeBy: iqa.name,
    now: new Date(),
    zip,
  });
  const data = JSON.parse(await readFile(path.join(pack, 'pack.json'), 'utf8')) as PackData;
  return { pack, zip: written.zip ?? null, data };
}
