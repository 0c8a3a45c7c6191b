// `npm run soak`: kills a process saving decisions with SIGKILL 1,000 times (SOAK_CYCLES to
// change it) and prints, after each hundred, the acknowledged saves lost and the files that do
// not read. Both must stay 0; the exit code is 1 otherwise.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { defaultResourcesDir } from '../../src-main/shared/paths';
import { createDemoCentre } from '../../src-main/demo/demo-centre';
import { Workspace } from '../../src-main/workspace/workspace';
import { killCycles, temporaryFiles } from './kill-cycles';

const cycles = Number(process.env.SOAK_CYCLES ?? 1000);
const root = await mkdtemp(path.join(os.tmpdir(), 'workbench-soak-'));
try {
  const workspace = await createDemoCentre(
    path.join(root, 'centre'),
    defaultResourcesDir(),
    new Date(),
  );
  await workspace.portfolios.flush();
  const learnerId = workspace.centre.learners[0]!.id;
  const folder = await workspace.portfolioFolder(learnerId);
  const result = await killCycles(workspace.dir, folder, learnerId, cycles, (cycle, r) => {
    if ((cycle + 1) % 100 === 0 || cycle + 1 === cycles) {
      console.log(
        `cycle ${cycle + 1}/${cycles}: ${r.acknowledged} acknowledged saves, ${r.lost.length} lost, ${r.unreadable.length} unreadable files`,
      );
    }
  });
  await (await Workspace.open(workspace.dir)).portfolio(learnerId);
  const left = await temporaryFiles(folder);
  console.log(`lost saves: ${result.lost.length}`);
  console.log(`unreadable files: ${result.unreadable.length}`);
  console.log(`temporary files left after reopening: ${left.length}`);
  for (const line of [...result.lost, ...result.unreadable, ...left]) console.log(`  ${line}`);
  process.exitCode = result.lost.length || result.unreadable.length || left.length ? 1 : 0;
} finally {
  await rm(root, { recursive: true, force: true });
}
