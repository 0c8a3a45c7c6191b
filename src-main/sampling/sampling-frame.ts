import {
  assessmentKey,
  inPeriod,
  madeBy,
  type PopulationAssessment,
  type PopulationAssessor,
  type PopulationIqa,
  type PopulationLearner,
  type SamplingPopulation,
} from './population';
import type { CoverageDimension } from './plan-schema';

/**
 * The population narrowed to one plan period and indexed once, so that planning a centre of ten
 * thousand assessments stays a small fraction of the time it takes to load them.
 */
export interface FrameItem {
  key: string;
  assessment: PopulationAssessment;
  learner: PopulationLearner | undefined;
  /** IQAs allowed to sample it: everyone but the people who made the decision. */
  eligibleIqas: string[];
  makers: string[];
  /** The coverage targets this assessment would cover, as target keys. */
  targetKeys: string[];
}

export interface FrameTarget {
  key: string;
  dimension: CoverageDimension;
  value: string;
  label: string;
  /** Indexes into `items`: every assessment in the period with this value. */
  items: number[];
}

export interface SamplingFrame {
  items: FrameItem[];
  byKey: Map<string, number>;
  targets: FrameTarget[];
  targetByKey: Map<string, FrameTarget>;
  assessors: PopulationAssessor[];
  iqas: PopulationIqa[];
  names: Map<string, string>;
}

const byId = <T extends { id: string }>(a: T, b: T): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

export function targetKey(dimension: CoverageDimension, value: string): string {
  return `${dimension}\u0000${value}`;
}

export function dimensionValues(
  a: PopulationAssessment,
  learner: PopulationLearner | undefined,
): [CoverageDimension, string][] {
  const pairs: [CoverageDimension, string][] = [
    ['assessor', a.assessorId],
    ['unit', a.unitId],
  ];
  for (const method of new Set(a.methods.map((m) => m.trim()))) {
    if (method) pairs.push(['method', method]);
  }
  const optional: [CoverageDimension, string | undefined][] = [
    ['location', a.location],
    ['cohort', learner?.cohort],
    ['employer', learner?.employer],
    ['needs', learner?.needs],
    ['ageBand', learner?.ageBand],
    ['gender', learner?.gender],
  ];
  // An empty value is "not recorded", not a group of learners to cover.
  for (const [dimension, value] of optional) {
    const trimmed = value?.trim();
    if (trimmed) pairs.push([dimension, trimmed]);
  }
  return pairs;
}

function labelFor(
  dimension: CoverageDimension,
  value: string,
  names: Map<string, string>,
  unitTitles: Map<string, string>,
): string {
  switch (dimension) {
    case 'assessor':
      return `assessor ${names.get(value) ?? value}`;
    case 'unit':
      return `unit '${unitTitles.get(value) ?? value}'`;
    case 'method':
      return `method '${value}'`;
    case 'location':
      return `location '${value}'`;
    case 'cohort':
      return `cohort '${value}'`;
    case 'employer':
      return `employer '${value}'`;
    case 'needs':
      return `learners with needs '${value}'`;
    case 'ageBand':
      return `age band '${value}'`;
    case 'gender':
      return `gender '${value}'`;
  }
}

export function buildFrame(
  population: SamplingPopulation,
  period: { from: string; to: string },
  iqaIds?: readonly string[],
): SamplingFrame {
  const assessors = [...population.assessors].sort(byId);
  const iqas = [...population.iqas].filter((q) => !iqaIds || iqaIds.includes(q.id)).sort(byId);
  const names = new Map<string, string>();
  for (const person of [...population.assessors, ...population.iqas]) {
    names.set(person.id, person.name);
  }
  const learners = new Map(population.learners.map((l) => [l.id, l]));
  const unitTitles = new Map<string, string>();

  const inScope = population.assessments
    .filter((a) => inPeriod(a, period.from, period.to))
    .map((a) => ({ key: assessmentKey(a), a }))
    .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));

  const items: FrameItem[] = [];
  const byKey = new Map<string, number>();
  const targetByKey = new Map<string, FrameTarget>();
  for (const { key, a } of inScope) {
    unitTitles.set(a.unitId, a.unitTitle);
    const learner = learners.get(a.learnerId);
    const makers = madeBy(a);
    const index = items.length;
    const targetKeys: string[] = [];
    for (const [dimension, value] of dimensionValues(a, learner)) {
      const tk = targetKey(dimension, value);
      let target = targetByKey.get(tk);
      if (!target) {
        target = { key: tk, dimension, value, label: '', items: [] };
        targetByKey.set(tk, target);
      }
      target.items.push(index);
      targetKeys.push(tk);
    }
    items.push({
      key,
      assessment: a,
      learner,
      makers,
      eligibleIqas: iqas.filter((q) => !makers.includes(q.id)).map((q) => q.id),
      targetKeys,
    });
    byKey.set(key, index);
  }
  for (const target of targetByKey.values()) {
    target.label = labelFor(target.dimension, target.value, names, unitTitles);
  }
  const targets = [...targetByKey.values()].sort((x, y) =>
    x.key < y.key ? -1 : x.key > y.key ? 1 : 0,
  );
  return { items, byKey, targets, targetByKey, assessors, iqas, names };
}

export function isSampleable(item: FrameItem): boolean {
  return item.eligibleIqas.length > 0;
}

/** Assessors from the staff list, plus any the assessments name that the list does not. */
export function assessorsOf(frame: SamplingFrame): PopulationAssessor[] {
  const known = new Set(frame.assessors.map((a) => a.id));
  const extra = new Set<string>();
  for (const item of frame.items) {
    if (!known.has(item.assessment.assessorId)) extra.add(item.assessment.assessorId);
  }
  return [
    ...frame.assessors,
    ...[...extra].sort().map((id) => ({ id, name: frame.names.get(id) ?? id })),
  ];
}
