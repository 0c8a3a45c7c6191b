import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { newCentreFile } from '../../src-main/centre/roster';
import type { CentreFile } from '../../src-main/centre/centre-schema';
import { ulnCheckDigit } from '../../src-main/centre/uln';
import { newPortfolio } from '../../src-main/portfolio/portfolio';
import type { Portfolio } from '../../src-main/portfolio/portfolio-schema';
import {
  listQualifications,
  type StoredQualification,
} from '../../src-main/qualification/qualification-store';
import { planSample } from '../../src-main/sampling/plan-sample';
import { mulberry32 } from '../../src-main/sampling/random';
import { samplingStrategySchema } from '../../src-main/sampling/strategy';
import { loadPopulation } from '../../src-main/sampling/workspace-population';
import type { Actor } from '../../src-main/shared/record';
import { assessmentMethods, type StoredUnit } from '../../src-main/unit/unit-schema';
import { Workspace } from '../../src-main/workspace/workspace';

/**
 * Planning a sample for a centre of 1,000 learners x 10 units x 20 assessors should take no more
 * than half the time it takes to load the same workspace. The workspace is written in the real
 * layout (centre.json, units/, qualifications/, one portfolio.json per learner with registrations,
 * evidence, mappings, decisions and sign-offs), and loading it is what every sampling screen does
 * first: open the workspace and read every portfolio through the sampling adapter.
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
const actor: Actor = { id: 'st-bench', role: 'system' };
const at = '2025-09-01T09:00:00.000Z';
const stamp = { updatedAt: at, updatedBy: actor.id };
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('Cannot pick from an empty list');
  return item;
}

function uln(n: number): string {
  for (let k = n * 10; ; k += 1) {
    const nine = String(100000000 + k).slice(0, 9);
    const check = ulnCheckDigit(nine);
    if (check !== null) return `${nine}${check}`;
  }
}

function unitFile(u: number): StoredUnit {
  return {
    schemaVersion: 1,
    id: `unit-bench-${String(u).padStart(2, '0')}`,
    version: 1,
    title: `Bench unit ${u}`,
    level: '2',
    credits: 3,
    glh: 20,
    codes: { ofqual: null, awardingBody: null },
    outcomes: [
      {
        ref: '1',
        text: 'Be able to work safely',
        kind: 'competence',
        criteria: ['1.1', '1.2', '1.3'].map((ref) => ({
          ref,
          text: `Criterion ${ref}`,
          parts: [],
        })),
      },
    ],
    methods: [],
    guidance: [],
    awardingBody: null,
    builtIn: false,
    source: { fileName: 'bench', text: '', importedAt: at },
  };
}

async function writeCentre(dir: string, learners: number, unitCount: number, assessors: number) {
  const random = mulberry32(20260301);
  const units = Array.from({ length: unitCount }, (_, u) => unitFile(u + 1));
  const centre: CentreFile = newCentreFile({ name: 'Bench College' }, actor, new Date(at));
  // A typical mix: a few unqualified assessors, most qualified; one IQA also assesses.
  const staff = Array.from({ length: assessors }, (_, i) => ({
    id: `st-as${String(i).padStart(3, '0')}`,
    ...stamp,
    name: `Assessor ${i + 1}`,
    roles: i === 0 ? ['assessor' as const, 'iqa' as const] : ['assessor' as const],
    assessorStatus: i % 10 === 2 ? ('working-towards' as const) : ('qualified' as const),
    archived: false,
  }));
  centre.staff.push(...staff, {
    id: 'st-iqa001',
    ...stamp,
    name: 'IQA One',
    roles: ['iqa'],
    archived: false,
  });
  const workplaces = Array.from({ length: 120 }, (_, i) => `Workplace ${i + 1}`);
  const employers = Array.from({ length: 60 }, (_, i) => `Employer ${i + 1}`);
  const needs = ['', '', '', '', '', '', '', '', 'dyslexia', 'hearing impairment', 'anxiety'];
  await mkdir(path.join(dir, 'units'), { recursive: true });
  await mkdir(path.join(dir, 'qualifications'), { recursive: true });
  for (const unit of units)
    await writeFile(path.join(dir, 'units', `${unit.id}-v1.json`), json(unit));
  const qualification: StoredQualification = {
    schemaVersion: 1,
    kind: 'qualification',
    id: 'qual-bench',
    title: 'Bench certificate',
    number: null,
    awardingBody: null,
    demo: false,
    mandatoryUnitIds: units.map((u) => u.id),
    optionalGroups: [],
    minTotalCredits: 0,
    minCreditsAtOrAboveLevel: null,
    ...stamp,
  };
  await writeFile(path.join(dir, 'qualifications', 'qual-bench.json'), json(qualification));

  const writes: Promise<void>[] = [];
  for (let l = 0; l < learners; l++) {
    const id = `ln-${String(l).padStart(6, '0')}`;
    const workplace = pick(random, workplaces);
    const folder = `learners/learner-${l}`;
    const birthYear = 1970 + Math.floor(random() * 40);
    centre.learners.push({
      id,
      ...stamp,
      name: `Learner ${l + 1}`,
      uln: uln(l),
      dateOfBirth: `${birthYear}-0${1 + Math.floor(random() * 9)}-15`,
      employer: pick(random, employers),
      workplace,
      cohort: `Cohort ${1 + (l % 6)}`,
      needs: pick(random, needs),
      portfolio: folder,
      archived: false,
    });
    const assessorId = pick(random, staff).id;
    const p: Portfolio = newPortfolio(id);
    for (const unit of units) {
      p.registrations.push({
        id: `rg-${id}-${unit.id}`,
        ...stamp,
        unitId: unit.id,
        unitVersion: 1,
        assessorId,
        registeredAt: at,
        qualification: '',
        withdrawn: false,
      });
      for (let e = 0; e < 2; e++) {
        const evidenceId = `ev-${id}-${unit.id}-${e}`;
        p.evidence.push({
          id: evidenceId,
          ...stamp,
          title: `Evidence ${e + 1} for ${unit.title}`,
          producedOn: '2025-10-01',
          method: pick(random, assessmentMethods),
          location: random() < 0.9 ? workplace : 'Training centre',
          producedBy: 'the learner',
          notes: '',
          file: null,
          record: 'Observed at work: the learner followed the procedure throughout.',
          addedAt: at,
          archived: false,
        });
        p.mappings.push({
          id: `mp-${evidenceId}`,
          ...stamp,
          evidenceId,
          unitId: unit.id,
          criterionRef: `1.${e + 1}`,
          partRef: null,
          removed: false,
        });
      }
      if (random() < 0.6) {
        const on = `2026-0${1 + Math.floor(random() * 8)}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
        for (const c of unit.outcomes[0]?.criteria ?? []) {
          p.decisions.push({
            id: `dc-${id}-${unit.id}-${c.ref}`,
            ...stamp,
            unitId: unit.id,
            unitVersion: 1,
            criterionRef: c.ref,
            partRef: null,
            outcome: 'met',
            decidedOn: on,
            assessorId,
            feedback: 'Clear and sufficient evidence from work.',
          });
        }
        p.signOffs.push({
          id: `so-${id}-${unit.id}`,
          ...stamp,
          unitId: unit.id,
          unitVersion: 1,
          signedOffAt: `${on}T12:00:00.000Z`,
          signedOffBy: assessorId,
          countersignedAt: null,
          countersignedBy: null,
          voidedAt: null,
          voidedBy: null,
          voidReason: null,
        });
      }
    }
    writes.push(
      mkdir(path.join(dir, folder, 'evidence'), { recursive: true }).then(() =>
        writeFile(path.join(dir, folder, 'portfolio.json'), json(p)),
      ),
    );
  }
  await Promise.all(writes);
  await writeFile(path.join(dir, 'centre.json'), json(centre));
  // Risk ratings live in the sampling strategy: some red and amber, most green.
  return samplingStrategySchema.parse({
    centreId: centre.centre.id,
    qualificationId: qualification.id,
    assessors: staff.map((s, i) => ({
      assessorId: s.id,
      risk: i % 10 === 3 ? 'red' : i % 5 === 4 ? 'amber' : 'green',
    })),
    period,
  });
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
  const runs = options.runs ?? 5;
  const dir = options.dir ?? (await mkdtemp(path.join(os.tmpdir(), 'workbench-bench-sampling-')));
  try {
    const strategy = await writeCentre(dir, size.learners, size.units, size.assessors);
    const load = await time(runs, async () => {
      const workspace = await Workspace.open(dir);
      const { qualifications } = await listQualifications(workspace.dir);
      return loadPopulation(workspace, qualifications[0]!, period.from);
    });
    const population = load.value.population;
    const plan = await time(runs, () => planSample(population, strategy, { seed: 1 }));
    const target = 0.5;
    const ratio = plan.ms / load.ms;
    return {
      ...size,
      assessments: population.assessments.length,
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
    `Sampling plan for ${r.learners} learners x ${r.units} units x ${r.assessors} assessors (${r.assessments} assessments, ${r.samples} samples planned):`,
    `  open the workspace and read every portfolio   ${r.loadMs.toFixed(0)} ms (best of several runs)`,
    `  plan the sample                               ${r.planMs.toFixed(0)} ms`,
    `  ratio                                         ${r.ratio.toFixed(2)}   (target ≤ ${r.target.toFixed(2)}) ${r.withinTarget ? 'met' : 'NOT met'}`,
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
