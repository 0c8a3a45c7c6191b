import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { planSample } from '../../src-main/sampling/plan-sample';
import {
  populationAssessmentSchema,
  populationAssessorSchema,
  populationIqaSchema,
  populationLearnerSchema,
  type PopulationAssessment,
  type PopulationLearner,
  type SamplingPopulation,
} from '../../src-main/sampling/population';
import { mulberry32 } from '../../src-main/sampling/random';
import { defaultStrategy } from '../../src-main/sampling/strategy';
import { assessmentMethods } from '../../src-main/unit/unit-schema';

/**
 * Issue 8's benchmark: planning a sample for a centre of 1,000 learners x 10 units x 20 assessors
 * should add no more than half of the time it takes to load the same workspace. The workspace
 * here is a stand-in with the same shape on disk: one JSON file per learner with their units.
 */

export interface SamplingBenchOptions {
  quick?: boolean;
  /** Where to write the generated centre; a fresh temporary folder by default. */
  dir?: string;
  runs?: number;
}

export interface SamplingBenchResult {
  learners: number;
  units: number;
  assessors: number;
  assessments: number;
  samples: number;
  loadMs: number;
  planMs: number;
  ratio: number;
  target: number;
  withinTarget: boolean;
}

const period = { from: '2025-09-01', to: '2026-08-31' };
const centreFileSchema = z.object({
  assessors: z.array(populationAssessorSchema),
  iqas: z.array(populationIqaSchema),
});
const learnerFileSchema = z.object({
  learner: populationLearnerSchema,
  assessments: z.array(populationAssessmentSchema),
});

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('Cannot pick from an empty list');
  return item;
}

async function writeCentre(dir: string, learners: number, units: number, assessors: number) {
  const random = mulberry32(20260301);
  // A typical mix: a few new or unqualified assessors and a few rated red or amber, most
  // experienced and green. Under the default rates about half the assessments are sampled.
  const staff = Array.from({ length: assessors }, (_, i) => ({
    id: `as-${String(i).padStart(3, '0')}`,
    name: `Assessor ${i + 1}`,
    status:
      i % 10 === 1
        ? ('new' as const)
        : i % 10 === 2
          ? ('working-towards' as const)
          : ('experienced' as const),
    risk: i % 10 === 3 ? ('red' as const) : i % 5 === 4 ? ('amber' as const) : ('green' as const),
  }));
  // One IQA also assesses, so the planner has to keep them off their own learners.
  const iqas = [
    { id: 'iq-001', name: 'IQA One' },
    { id: staff[0]?.id ?? 'as-000', name: staff[0]?.name ?? 'Assessor 1' },
  ];
  await writeFile(path.join(dir, 'centre.json'), JSON.stringify({ assessors: staff, iqas }));
  const folder = path.join(dir, 'learners');
  await mkdir(folder, { recursive: true });
  const workplaces = Array.from({ length: 120 }, (_, i) => `Workplace ${i + 1}`);
  const employers = Array.from({ length: 60 }, (_, i) => `Employer ${i + 1}`);
  const needs = ['', '', '', '', '', '', '', '', 'dyslexia', 'hearing impairment', 'anxiety'];
  const writes: Promise<void>[] = [];
  for (let l = 0; l < learners; l++) {
    const id = `ln-${String(l).padStart(5, '0')}`;
    const workplace = pick(random, workplaces);
    const learner: PopulationLearner = {
      id,
      name: `Learner ${l + 1}`,
      cohort: `Cohort ${1 + (l % 6)}`,
      employer: pick(random, employers),
      workplace,
      needs: pick(random, needs),
      ageBand: pick(random, ['16-18', '19-23', '24+']),
      gender: pick(random, ['female', 'male']),
    };
    const assessor = pick(random, staff).id;
    const assessments: PopulationAssessment[] = Array.from({ length: units }, (_, u) => {
      const completed = random() < 0.6;
      const day = 1 + Math.floor(random() * 28);
      const month = 1 + Math.floor(random() * 8);
      return {
        learnerId: id,
        unitId: `unit-${String(u + 1).padStart(2, '0')}`,
        unitTitle: `Unit ${u + 1}`,
        assessorId: assessor,
        methods: [pick(random, assessmentMethods), pick(random, assessmentMethods)],
        location: random() < 0.9 ? workplace : 'Training centre',
        stage: completed ? 'completed' : 'in-progress',
        decidedAt: completed
          ? `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
          : undefined,
      };
    });
    writes.push(
      writeFile(path.join(folder, `${id}.json`), JSON.stringify({ learner, assessments }, null, 2)),
    );
  }
  await Promise.all(writes);
}

/** The baseline: read and validate every file, as opening the workspace does. */
async function loadCentre(dir: string): Promise<SamplingPopulation> {
  const centre = centreFileSchema.parse(
    JSON.parse(await readFile(path.join(dir, 'centre.json'), 'utf8')),
  );
  const folder = path.join(dir, 'learners');
  const names = (await readdir(folder)).filter((n) => n.endsWith('.json')).sort();
  const files = await Promise.all(
    names.map(async (n) =>
      learnerFileSchema.parse(JSON.parse(await readFile(path.join(folder, n), 'utf8'))),
    ),
  );
  return {
    ...centre,
    learners: files.map((f) => f.learner),
    assessments: files.flatMap((f) => f.assessments),
  };
}

/**
 * The best of several timed runs, after one untimed run to warm the caches and the JIT. The
 * best time is the least disturbed by garbage collection and by other work on the machine, and
 * both sides of the ratio are measured the same way.
 */
async function time<T>(
  runs: number,
  work: () => Promise<T> | T,
): Promise<{ ms: number; value: T }> {
  let value = await work();
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    value = await work();
    best = Math.min(best, performance.now() - start);
  }
  return { ms: best, value };
}

export async function benchSamplingPlan(
  options: SamplingBenchOptions = {},
): Promise<SamplingBenchResult> {
  const size = options.quick
    ? { learners: 100, units: 10, assessors: 5 }
    : { learners: 1000, units: 10, assessors: 20 };
  const runs = options.runs ?? 10;
  const dir = options.dir ?? (await mkdtemp(path.join(os.tmpdir(), 'workbench-bench-sampling-')));
  try {
    await writeCentre(dir, size.learners, size.units, size.assessors);
    const load = await time(runs, () => loadCentre(dir));
    const strategy = defaultStrategy('centre-bench', 'qual-bench', period);
    const plan = await time(runs, () => planSample(load.value, strategy, { seed: 1 }));
    const target = 0.5;
    const ratio = plan.ms / load.ms;
    return {
      ...size,
      assessments: load.value.assessments.length,
      samples: plan.value.plan.samples.length,
      loadMs: load.ms,
      planMs: plan.ms,
      ratio,
      target,
      withinTarget: ratio <= target,
    };
  } finally {
    if (!options.dir) await rm(dir, { recursive: true, force: true });
  }
}

export function describeResult(r: SamplingBenchResult): string {
  return [
    `Sampling plan for ${r.learners} learners x ${r.units} units x ${r.assessors} assessors (${r.assessments} assessments, ${r.samples} samples planned)`,
    `  load and validate the workspace: ${r.loadMs.toFixed(1)} ms (best of several runs)`,
    `  plan the sample:                 ${r.planMs.toFixed(1)} ms`,
    `  planning / loading: ${r.ratio.toFixed(2)} (target <= ${r.target}) ${r.withinTarget ? 'within target' : 'OVER TARGET'}`,
  ].join('\n');
}

const invokedDirectly =
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;

if (invokedDirectly) {
  const result = await benchSamplingPlan({ quick: process.argv.includes('--quick') });
  process.stdout.write(`${describeResult(result)}\n`);
  if (!result.withinTarget) process.exitCode = 1;
}
