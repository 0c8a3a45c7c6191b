import { assessmentKey, type SamplingPopulation } from './population';
import {
  coverageDimensions,
  type CoverageSummary,
  type CoverageTarget,
  type RateCoverage,
  type Sample,
} from './plan-schema';
import {
  assessorsOf,
  buildFrame,
  isSampleable,
  type FrameTarget,
  type SamplingFrame,
} from './sampling-frame';
import { rateFor, requiredCount, type SamplingStrategy } from './strategy';

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function listNames(ids: string[], names: Map<string, string>): string {
  return ids.map((id) => names.get(id) ?? id).join(', ');
}

/** Why nobody can sample any of these assessments, in words an IQA would use. */
export function whyUnsampleable(frame: SamplingFrame, itemIndexes: number[]): string {
  if (frame.iqas.length === 0) return 'no IQA is named for this plan';
  const iqaIds = new Set(frame.iqas.map((q) => q.id));
  const involved = new Set<string>();
  for (const index of itemIndexes) {
    for (const maker of frame.items[index]?.makers ?? []) {
      if (iqaIds.has(maker)) involved.add(maker);
    }
  }
  const who = [...involved].sort();
  if (frame.iqas.length === 1) {
    return `made by the IQA (${listNames(who, frame.names)}), who cannot sample their own decisions`;
  }
  return `made by IQAs (${listNames(who, frame.names)}), and no IQA samples their own decisions`;
}

function targetGap(frame: SamplingFrame, target: FrameTarget, possible: boolean): string {
  if (!possible) {
    if (frame.iqas.length === 0)
      return `no sample covers ${target.label}: no IQA is named for this plan`;
    const subject =
      target.dimension === 'assessor'
        ? `their assessments were all`
        : target.items.length === 1
          ? 'its only assessment was'
          : 'its only assessments were';
    return `no sample covers ${target.label}: ${subject} ${whyUnsampleable(frame, target.items)}`;
  }
  return `no sample covers ${target.label} yet: add one of its ${plural(target.sampleable, 'assessment')}`;
}

function rateGap(r: RateCoverage): string {
  if (!r.possible) {
    const some = r.sampleable === 0 ? 'none' : `only ${r.sampleable}`;
    return `${r.assessorName}'s ${r.rate}% rate cannot be met: it needs ${r.required} of their ${plural(r.assessments, 'assessment')}, but ${some} can be sampled by an IQA who did not make the decision`;
  }
  return `${r.assessorName}'s ${r.rate}% rate is not met: ${r.planned} of the ${r.required} samples it needs are planned`;
}

/** Which samples take each assessment, and how many samples cover each target. */
function sampledBy(frame: SamplingFrame, samples: readonly Sample[]) {
  // One pass over the samples rather than one per target: a centre has thousands of each.
  const sampledItems: (Sample[] | undefined)[] = new Array(frame.items.length);
  const countByTarget = new Uint32Array(frame.targets.length);
  for (const sample of samples) {
    const index = frame.byKey.get(assessmentKey(sample));
    const item = index === undefined ? undefined : frame.items[index];
    if (index === undefined || !item) continue;
    const list = sampledItems[index];
    if (list) list.push(sample);
    else sampledItems[index] = [sample];
    for (const t of item.targets) countByTarget[t] = (countByTarget[t] ?? 0) + 1;
  }
  return { sampledItems, countByTarget };
}

/** Each CAMERA target, in the order of the dimensions, covered or not. */
function targetCoverage(frame: SamplingFrame, countByTarget: Uint32Array, gaps: string[]) {
  const order = new Map(coverageDimensions.map((d, i) => [d, i]));
  const orderedTargets = [...frame.targets].sort(
    (x, y) =>
      (order.get(x.dimension) ?? 0) - (order.get(y.dimension) ?? 0) ||
      (x.value < y.value ? -1 : x.value > y.value ? 1 : 0),
  );
  return orderedTargets.map((target): CoverageTarget => {
    const samples = countByTarget[target.index] ?? 0;
    const possible = target.sampleable > 0;
    const covered = samples > 0;
    if (!covered) gaps.push(targetGap(frame, target, possible));
    return {
      dimension: target.dimension,
      value: target.value,
      label: target.label,
      possible,
      covered,
      samples,
    };
  });
}

/** One assessor's rate against what is planned for them. */
function rateCoverage(
  frame: SamplingFrame,
  strategy: SamplingStrategy,
  assessor: ReturnType<typeof assessorsOf>[number],
  sampledItems: (Sample[] | undefined)[],
): RateCoverage {
  const { rate, basis } = rateFor(assessor, strategy);
  let assessments = 0;
  let sampleable = 0;
  let planned = 0;
  let interim = 0;
  let summative = 0;
  for (const index of frame.byAssessor.get(assessor.id) ?? []) {
    const item = frame.items[index];
    if (!item) continue;
    assessments++;
    if (isSampleable(item)) sampleable++;
    const taken = sampledItems[index];
    if (!taken) continue;
    planned++;
    if (taken.some((s) => s.type === 'interim')) interim++;
    if (taken.some((s) => s.type === 'summative')) summative++;
  }
  const required = requiredCount(rate, assessments);
  return {
    assessorId: assessor.id,
    assessorName: assessor.name,
    rate,
    basis,
    assessments,
    required,
    sampleable,
    planned,
    interim,
    summative,
    met: planned >= required,
    possible: sampleable >= required,
  };
}

export function summariseFrame(
  frame: SamplingFrame,
  strategy: SamplingStrategy,
  samples: readonly Sample[],
): CoverageSummary {
  const { sampledItems, countByTarget } = sampledBy(frame, samples);
  const gaps: string[] = [];
  const targets = targetCoverage(frame, countByTarget, gaps);
  const rates = assessorsOf(frame).map((assessor) => {
    const entry = rateCoverage(frame, strategy, assessor, sampledItems);
    if (!entry.met) gaps.push(rateGap(entry));
    return entry;
  });
  return {
    targets,
    rates,
    gaps,
    totals: {
      samples: samples.length,
      interim: samples.filter((s) => s.type === 'interim').length,
      summative: samples.filter((s) => s.type === 'summative').length,
      assessments: frame.items.length,
    },
  };
}

/** Coverage of a plan as it stands now, e.g. after the IQA has added or removed samples. */
export function summariseCoverage(
  population: SamplingPopulation,
  strategy: SamplingStrategy,
  plan: { period: { from: string; to: string }; samples: readonly Sample[] },
): CoverageSummary {
  return summariseFrame(buildFrame(population, plan.period), strategy, plan.samples);
}
