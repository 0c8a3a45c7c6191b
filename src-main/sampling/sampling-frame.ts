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
import type { CoverageDimension, LeftOut } from './plan-schema';

/**
 * The population narrowed to one plan period and indexed once, so that planning a centre of ten
 * thousand assessments stays a small fraction of the time it takes to load them. Targets are
 * numbered so the planner can track coverage in a flat array rather than by string keys.
 */
export interface FrameItem {
  key: string;
  assessment: PopulationAssessment;
  learner: PopulationLearner | undefined;
  /** The methods used, trimmed and each listed once. */
  methods: string[];
  /** IQAs allowed to sample it: everyone but the people who made the decision. */
  eligibleIqas: string[];
  makers: string[];
  /** The coverage targets this assessment would cover, as indexes into `targets`. */
  targets: number[];
}

export interface FrameTarget {
  index: number;
  key: string;
  dimension: CoverageDimension;
  value: string;
  label: string;
  /** Indexes into `items`: every assessment in the period with this value. */
  items: number[];
  /** How many of those some IQA may sample; none means the target cannot be covered. */
  sampleable: number;
}

export interface SamplingFrame {
  /** Sorted by learner and unit, so nothing depends on the order the workspace lists them in. */
  items: FrameItem[];
  byKey: Map<string, number>;
  /** Numbered in order of first appearance among the sorted items. */
  targets: FrameTarget[];
  /** Each assessor's items, in item order. */
  byAssessor: Map<string, number[]>;
  assessors: PopulationAssessor[];
  iqas: PopulationIqa[];
  names: Map<string, string>;
}

const byId = <T extends { id: string }>(a: T, b: T): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

export function targetKey(dimension: CoverageDimension, value: string): string {
  return `${dimension}\u0000${value}`;
}

interface TargetIndex {
  targets: FrameTarget[];
  lookup: Map<CoverageDimension, Map<string, FrameTarget>>;
}

/** The target for this value, created on first sight; none for a value not recorded. */
function findTarget(
  index: TargetIndex,
  dimension: CoverageDimension,
  value: string | undefined,
): FrameTarget | undefined {
  // An empty value is "not recorded", not a group of learners to cover.
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  let values = index.lookup.get(dimension);
  if (!values) {
    values = new Map();
    index.lookup.set(dimension, values);
  }
  let target = values.get(trimmed);
  if (!target) {
    target = {
      index: index.targets.length,
      key: targetKey(dimension, trimmed),
      dimension,
      value: trimmed,
      label: '',
      items: [],
      sampleable: 0,
    };
    values.set(trimmed, target);
    index.targets.push(target);
  }
  return target;
}

function addToTarget(target: FrameTarget, item: FrameItem, at: number): void {
  target.items.push(at);
  if (item.eligibleIqas.length > 0) target.sampleable++;
  item.targets.push(target.index);
}

function cover(
  index: TargetIndex,
  item: FrameItem,
  at: number,
  dimension: CoverageDimension,
  value: string | undefined,
): void {
  const target = findTarget(index, dimension, value);
  if (target) addToTarget(target, item, at);
}

function distinctTrimmed(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    const trimmed = value.trim();
    if (trimmed && !out.includes(trimmed)) out.push(trimmed);
  }
  return out;
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

  // Work with no decision yet has nothing for an IQA to check: `leftOutOf` lists it instead.
  const inScope = population.assessments
    .filter((a) => a.assessed !== false && inPeriod(a, period.from, period.to))
    .map((a) => ({ key: assessmentKey(a), a }))
    .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));

  const items: FrameItem[] = [];
  const byKey = new Map<string, number>();
  const byAssessor = new Map<string, number[]>();
  const index: TargetIndex = { targets: [], lookup: new Map() };
  // Most assessments are made by one person, so who made it and which IQAs may sample it are
  // shared lists rather than rebuilt for each of thousands of assessments.
  const people = new Map<string, { makers: string[]; eligibleIqas: string[] }>();
  const learnerTargets = new Map<string, FrameTarget[]>();

  for (const { key, a } of inScope) {
    unitTitles.set(a.unitId, a.unitTitle);
    const learner = learners.get(a.learnerId);
    const peopleKey =
      a.decidedBy || a.alsoDecidedBy?.length
        ? [a.assessorId, a.decidedBy ?? '', ...(a.alsoDecidedBy ?? [])].join('\u0000')
        : a.assessorId;
    let who = people.get(peopleKey);
    if (!who) {
      const makers = madeBy(a);
      who = { makers, eligibleIqas: iqas.filter((q) => !makers.includes(q.id)).map((q) => q.id) };
      people.set(peopleKey, who);
    }
    const at = items.length;
    const item: FrameItem = {
      key,
      assessment: a,
      learner,
      methods: distinctTrimmed(a.methods),
      eligibleIqas: who.eligibleIqas,
      makers: who.makers,
      targets: [],
    };
    cover(index, item, at, 'assessor', a.assessorId);
    cover(index, item, at, 'unit', a.unitId);
    for (const method of item.methods) cover(index, item, at, 'method', method);
    cover(index, item, at, 'location', a.location);
    // A learner's characteristics are the same on each of their units: look them up once.
    let characteristics = learnerTargets.get(a.learnerId);
    if (!characteristics) {
      characteristics = [
        findTarget(index, 'cohort', learner?.cohort),
        findTarget(index, 'employer', learner?.employer),
        findTarget(index, 'needs', learner?.needs),
        findTarget(index, 'ageBand', learner?.ageBand),
        findTarget(index, 'gender', learner?.gender),
      ].filter((t) => t !== undefined);
      learnerTargets.set(a.learnerId, characteristics);
    }
    for (const target of characteristics) addToTarget(target, item, at);

    items.push(item);
    byKey.set(key, at);
    const theirs = byAssessor.get(a.assessorId);
    if (theirs) theirs.push(at);
    else byAssessor.set(a.assessorId, [at]);
  }
  const { targets } = index;
  for (const target of targets) {
    target.label = labelFor(target.dimension, target.value, names, unitTitles);
  }
  return { items, byKey, targets, byAssessor, assessors, iqas, names };
}

/** The units in the period that have nothing assessed yet, so are not sampled. */
export function leftOutOf(
  population: SamplingPopulation,
  period: { from: string; to: string },
): LeftOut[] {
  return population.assessments
    .filter((a) => a.assessed === false && inPeriod(a, period.from, period.to))
    .map((a) => ({
      learnerId: a.learnerId,
      unitId: a.unitId,
      assessorId: a.assessorId,
      reason: NOTHING_ASSESSED,
    }))
    .sort((x, y) => (assessmentKey(x) < assessmentKey(y) ? -1 : 1));
}

export const NOTHING_ASSESSED =
  'nothing assessed yet: the assessor has recorded no decision on it, so there is nothing to sample';

export function isSampleable(item: FrameItem): boolean {
  return item.eligibleIqas.length > 0;
}

/** Assessors from the staff list, plus any the assessments name that the list does not. */
export function assessorsOf(frame: SamplingFrame): PopulationAssessor[] {
  const known = new Set(frame.assessors.map((a) => a.id));
  const extra = new Set<string>();
  for (const id of frame.byAssessor.keys()) {
    if (!known.has(id)) extra.add(id);
  }
  return [
    ...frame.assessors,
    ...[...extra].sort().map((id) => ({ id, name: frame.names.get(id) ?? id })),
  ];
}
