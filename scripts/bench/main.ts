import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { decisionBench } from './decision-bench';
import { ingestBench } from './ingest-bench';
import { markingBench } from './marking-bench';
import { mergeBench, saveBench } from './merge-bench';
import { openBench } from './open-bench';
import { recordsBench } from './records-bench';
import { benchSamplingPlan, describeResult } from './sampling-plan';
import { startupBench } from './startup-bench';
import { visitPackBench } from './visit-pack-bench';

// The quick size by default; the full size (1 GB, 500 learners) with `npm run bench:full`.
const full = process.argv.includes('--full') || process.env.BENCH_FULL === '1';
const ingestBytes = Number(process.env.BENCH_INGEST_MB ?? (full ? 1024 : 256)) * 1024 * 1024;
const learners = Number(process.env.BENCH_LEARNERS ?? (full ? 500 : 150));

/** Each benchmark by the name `--only NAME` picks it with, in the order they run. */
const benches: [string, (root: string) => Promise<string>][] = [
  ['startup', async (root) => (await startupBench(root)).text],
  ['ingest', async (root) => (await ingestBench(root, ingestBytes)).text],
  ['open', async (root) => (await openBench(root, learners)).text],
  ['save', async (root) => (await saveBench(root)).text],
  ['merge', async (root) => (await mergeBench(root, learners)).text],
  ['visit-pack', async (root) => (await visitPackBench(root)).text],
  [
    'records',
    async (root) => (await recordsBench(root, Number(process.env.BENCH_RECORDS ?? 100))).text,
  ],
  [
    'sampling',
    async (root) =>
      describeResult(await benchSamplingPlan({ dir: await mkdtemp(path.join(root, 'sampling-')) })),
  ],
  ['decision', async (root) => (await decisionBench(root)).text],
  ['marking', async (root) => (await markingBench(root)).text],
];

const only = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1]
  : undefined;
const chosen = benches.filter(([name]) => !only || name === only);
if (chosen.length === 0) {
  console.error(
    `There is no benchmark called "${only ?? ''}". Choose one of: ${benches.map(([n]) => n).join(', ')}.`,
  );
  process.exit(2);
}

const root = await mkdtemp(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'workbench-bench-'));
try {
  console.log(
    `Benchmarks (${full ? 'full size' : 'quick size; npm run bench:full for the full size'}), in ${root}\n`,
  );
  for (const [, run] of chosen) console.log(`${await run(root)}\n`);
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(`Peak memory of this process (max RSS): ${peak.toFixed(0)} MB`);
} finally {
  await rm(root, { recursive: true, force: true });
}
