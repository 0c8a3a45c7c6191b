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

const root = await mkdtemp(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'workbench-bench-'));
try {
  console.log(
    `Benchmarks (${full ? 'full size' : 'quick size; npm run bench:full for the full size'}), in ${root}\n`,
  );
  const startup = await startupBench(root);
  console.log(`${startup.text}\n`);
  const ingest = await ingestBench(root, ingestBytes);
  console.log(`${ingest.text}\n`);
  const open = await openBench(root, learners);
  console.log(`${open.text}\n`);
  const save = await saveBench(root);
  console.log(`${save.text}\n`);
  const merge = await mergeBench(root, learners);
  console.log(`${merge.text}\n`);
  const pack = await visitPackBench(root);
  console.log(`${pack.text}\n`);
  const records = await recordsBench(root, Number(process.env.BENCH_RECORDS ?? 100));
  console.log(`${records.text}\n`);
  const sampling = await benchSamplingPlan({ dir: await mkdtemp(path.join(root, 'sampling-')) });
  console.log(`${describeResult(sampling)}\n`);
  const decision = await decisionBench(root);
  console.log(`${decision.text}\n`);
  const marking = await markingBench(root);
  console.log(`${marking.text}\n`);
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(`Peak memory of this process (max RSS): ${peak.toFixed(0)} MB`);
} finally {
  await rm(root, { recursive: true, force: true });
}
