import { readFile } from 'node:fs/promises';
import path from 'node:path';
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
