import { summariseFrame } from './coverage';
import { addDays, daysBetween, earlierOf, laterOf } from '../kernel/dates';
import { coverageReason, methodDecisions, rateReason, unitDecisions } from './plan-reasons';
import type { PlanProposal, Sample } from './plan-schema';
import { sampleTypeFor, type PopulationAssessor, type SamplingPopulation } from './population';
import { derivedId, hashString, keyedDraw, seedNumber } from './random';
import {
  assessorsOf,
  buildFrame,
  isSampleable,
  leftOutOf,
  type FrameItem,
  type SamplingFrame,
} from './sampling-frame';
import { rateFor, requiredCount, type SamplingStrategy } from './strategy';

export interface PlanOptions {
  seed: number | string;
  /** Defaults to the strategy's plan period. */
  from?: string;
  to?: string;
  /**
   * The day the plan is made: samples are planned from then on, never in the past, so nothing
   * is overdue the moment the plan exists. Without it, dates spread over the whole period.
   */
  today?: string;
  /** Plan for these IQAs only; by default every IQA in the population shares the sample. */
  iqaIds?: string[];
}

/** The choices made so far; each chosen assessment keeps the reasons it was chosen. */
interface Selection {
  frame: SamplingFrame;
  draw: number[];
  chosen: Map<number, string[]>;
  /** covered[t] is 1 once some chosen assessment covers target t. */
  covered: Uint8Array;
  perAssessor: Map<string, number>;
}

function take(sel: Selection, index: number, reasons: string[]): void {
  const item = sel.frame.items[index];
  if (!item) return;
  sel.chosen.set(index, reasons);
  for (const t of item.targets) sel.covered[t] = 1;
  const assessor = item.assessment.assessorId;
  sel.perAssessor.set(assessor, (sel.perAssessor.get(assessor) ?? 0) + 1);
}

function uncoveredCount(sel: Selection, item: FrameItem): number {
  let n = 0;
  for (const t of item.targets) if (!sel.covered[t]) n++;
  return n;
}

/** Lower draw first; the draw depends only on the seed and the assessment itself. */
function earlier(sel: Selection, x: number, y: number): boolean {
  const dx = sel.draw[x] ?? 0;
  const dy = sel.draw[y] ?? 0;
  return dx < dy || (dx === dy && x < y);
}

/**
 * Coverage first, rarest target first: a location only one learner works at can be covered only
 * one way, while the many ways of covering a common unit usually come free with other samples.
 */
function coverTargets(
  sel: Selection,
  strategy: SamplingStrategy,
  required: Map<string, number>,
): void {
  const { frame } = sel;
  const coverable = frame.targets
    .filter((target) => target.sampleable > 0)
    .sort((x, y) => x.sampleable - y.sampleable || (x.key < y.key ? -1 : 1));

  for (const target of coverable) {
    if (sel.covered[target.index]) continue;
    let best = -1;
    let bestScore = -1;
    for (const index of target.items) {
      const item = frame.items[index];
      if (!item || !isSampleable(item)) continue;
      const assessor = item.assessment.assessorId;
      const helpsRate = (sel.perAssessor.get(assessor) ?? 0) < (required.get(assessor) ?? 0);
      // Covering more at once keeps the plan small; counting towards a rate costs nothing extra.
      const score = uncoveredCount(sel, item) * 2 + (helpsRate ? 1 : 0);
      if (score > bestScore || (score === bestScore && earlier(sel, index, best))) {
        best = index;
        bestScore = score;
      }
    }
    const item = frame.items[best];
    if (!item) continue;
    const reasons: string[] = [];
    for (const t of item.targets) {
      const covering = frame.targets[t];
      if (covering && !sel.covered[t]) reasons.push(coverageReason(frame, covering));
    }
    const assessorId = item.assessment.assessorId;
    if ((sel.perAssessor.get(assessorId) ?? 0) < (required.get(assessorId) ?? 0)) {
      const assessor = frame.assessors.find((a) => a.id === assessorId);
      reasons.push(
        rateReason(assessor?.name ?? assessorId, assessor ? rateFor(assessor, strategy).rate : 0),
      );
    }
    take(sel, best, reasons);
  }
}

/** What the item adds to the assessor's sample, recording it as seen. */
function spreadReasons(
  item: FrameItem,
  assessor: PopulationAssessor,
  methods: Set<string>,
  units: Set<string>,
  rate: number,
): string[] {
  const reasons: string[] = [];
  for (const m of item.methods) {
    if (methods.has(m)) continue;
    reasons.push(methodDecisions(assessor.name, m));
    methods.add(m);
  }
  if (!units.has(item.assessment.unitId)) {
    reasons.push(unitDecisions(assessor.name, item.assessment.unitTitle));
    units.add(item.assessment.unitId);
  }
  reasons.push(rateReason(assessor.name, rate));
  return reasons;
}

/**
 * Picks `count` from `pool`, first those that add a method or unit not yet in this assessor's
 * sample (so every kind of decision they make is looked at), then at random.
 */
function pickSpread(
  sel: Selection,
  assessor: PopulationAssessor,
  pool: number[],
  count: number,
  rate: number,
): void {
  const { frame } = sel;
  const methods = new Set<string>();
  const units = new Set<string>();
  for (const index of frame.byAssessor.get(assessor.id) ?? []) {
    const item = frame.items[index];
    if (!item || !sel.chosen.has(index)) continue;
    for (const m of item.methods) methods.add(m);
    units.add(item.assessment.unitId);
  }
  const spreadScore = (item: FrameItem) => {
    let score = units.has(item.assessment.unitId) ? 0 : 1;
    for (const m of item.methods) if (!methods.has(m)) score++;
    return score;
  };
  let taken = 0;
  const free = pool.filter((index) => !sel.chosen.has(index));
  if (count >= free.length) {
    // All of it is taken anyway; one pass in draw order still says what each sample adds.
    for (const index of free) {
      const item = frame.items[index];
      if (item) take(sel, index, spreadReasons(item, assessor, methods, units, rate));
    }
    return;
  }
  // Each pass adds at least one new method or unit, so there are few passes however big the pool.
  while (taken < count) {
    let best = -1;
    let bestScore = 0;
    for (const index of free) {
      const item = frame.items[index];
      if (!item || sel.chosen.has(index)) continue;
      const score = spreadScore(item);
      if (score > bestScore) {
        best = index;
        bestScore = score;
      }
    }
    const item = frame.items[best];
    if (!item) break;
    take(sel, best, spreadReasons(item, assessor, methods, units, rate));
    taken++;
  }
  const plain = [rateReason(assessor.name, rate)];
  for (const index of free) {
    if (taken >= count) break;
    if (sel.chosen.has(index)) continue;
    take(sel, index, [...plain]);
    taken++;
  }
}

function meetRates(
  sel: Selection,
  strategy: SamplingStrategy,
  assessors: PopulationAssessor[],
  required: Map<string, number>,
): void {
  const { frame } = sel;
  const byDraw = (x: number, y: number) => (earlier(sel, x, y) ? -1 : 1);
  for (const assessor of assessors) {
    const need = (required.get(assessor.id) ?? 0) - (sel.perAssessor.get(assessor.id) ?? 0);
    if (need <= 0) continue;
    const interimPool: number[] = [];
    const summativePool: number[] = [];
    let haveInterim = 0;
    let haveSummative = 0;
    for (const index of frame.byAssessor.get(assessor.id) ?? []) {
      const item = frame.items[index];
      if (!item) continue;
      const interim = sampleTypeFor(item.assessment) === 'interim';
      if (sel.chosen.has(index)) {
        if (interim) haveInterim++;
        else haveSummative++;
      } else if (isSampleable(item)) {
        (interim ? interimPool : summativePool).push(index);
      }
    }
    interimPool.sort(byDraw);
    summativePool.sort(byDraw);
    const total = required.get(assessor.id) ?? 0;
    const wantInterim = Math.round((total * strategy.interimShare) / 100);
    const pickInterim = Math.min(Math.max(0, wantInterim - haveInterim), need, interimPool.length);
    const pickSummative = Math.min(
      Math.max(0, total - wantInterim - haveSummative),
      need - pickInterim,
      summativePool.length,
    );
    const { rate } = rateFor(assessor, strategy);
    pickSpread(sel, assessor, interimPool, pickInterim, rate);
    pickSpread(sel, assessor, summativePool, pickSummative, rate);
    // When one kind of work is short, the rate still matters more than the split.
    const short = need - pickInterim - pickSummative;
    if (short > 0) {
      pickSpread(sel, assessor, [...interimPool, ...summativePool].sort(byDraw), short, rate);
    }
  }
}

/** Shares the work between IQAs, never giving anyone their own decision to sample. */
function assignIqas(sel: Selection, seed: number): Map<number, string> {
  const load = new Map<string, number>();
  const assigned = new Map<number, string>();
  for (const index of [...sel.chosen.keys()].sort((x, y) => x - y)) {
    const item = sel.frame.items[index];
    if (!item) continue;
    let best: string | undefined;
    let bestLoad = Infinity;
    let bestDraw = Infinity;
    for (const iqa of item.eligibleIqas) {
      const l = load.get(iqa) ?? 0;
      const d = hashString(iqa, (sel.draw[index] ?? 0) ^ seed);
      if (l < bestLoad || (l === bestLoad && d < bestDraw)) {
        best = iqa;
        bestLoad = l;
        bestDraw = d;
      }
    }
    if (!best) continue;
    load.set(best, bestLoad + 1);
    assigned.set(index, best);
  }
  return assigned;
}

/**
 * Dates are spread evenly over what is left of the period (from `today` when the period has
 * begun) in a seeded order. A summative sample is never planned before the unit decision it
 * checks: the IQA's date follows the assessor's.
 */
function planDates(
  sel: Selection,
  indexes: number[],
  period: { from: string; to: string },
  today: string | undefined,
): Map<number, string> {
  // A period that has already ended keeps its own dates: there is no future left in it.
  const start = today && today > period.from && today <= period.to ? today : period.from;
  const order = [...indexes].sort((x, y) => (sel.draw[x] ?? 0) - (sel.draw[y] ?? 0) || x - y);
  const days = daysBetween(start, period.to) + 1;
  const dates = new Map<number, string>();
  const dayCache = new Map<number, string>();
  order.forEach((index, slot) => {
    const offset = Math.floor(((slot + 0.5) * days) / order.length);
    // Thousands of samples share a few hundred days; work each day out once.
    let date = dayCache.get(offset);
    if (date === undefined) {
      date = addDays(start, offset);
      dayCache.set(offset, date);
    }
    const a = sel.frame.items[index]?.assessment;
    if (a && sampleTypeFor(a) === 'summative' && a.decidedAt) {
      date = earlierOf(laterOf(date, a.decidedAt), period.to);
    }
    dates.set(index, date);
  });
  return dates;
}

/**
 * Proposes an IQA sampling plan: every assessor's rate met over their assessments in the period,
 * CAMERA covered wherever some IQA may sample, and each sample saying why it was chosen. The same
 * population, strategy and seed always give the same plan, whatever order the inputs are listed in.
 */
export function planSample(
  population: SamplingPopulation,
  strategy: SamplingStrategy,
  options: PlanOptions,
): PlanProposal {
  const period = {
    from: options.from ?? strategy.period.from,
    to: options.to ?? strategy.period.to,
  };
  const seed = seedNumber(options.seed);
  const frame = buildFrame(population, period, options.iqaIds);
  const sel: Selection = {
    frame,
    draw: frame.items.map((item) => keyedDraw(seed, item.key)),
    chosen: new Map(),
    covered: new Uint8Array(frame.targets.length),
    perAssessor: new Map(),
  };

  const assessors = assessorsOf(frame);
  const required = new Map(
    assessors.map((a) => [
      a.id,
      requiredCount(rateFor(a, strategy).rate, frame.byAssessor.get(a.id)?.length ?? 0),
    ]),
  );

  coverTargets(sel, strategy, required);
  meetRates(sel, strategy, assessors, required);

  const iqas = assignIqas(sel, seed);
  const chosen = [...sel.chosen.keys()].filter((i) => iqas.has(i));
  const dates = planDates(sel, chosen, period, options.today);
  const samples: Sample[] = [];
  for (const index of chosen) {
    const item = frame.items[index];
    const iqaId = iqas.get(index);
    const plannedDate = dates.get(index);
    if (!item || !iqaId || !plannedDate) continue;
    const a = item.assessment;
    const type = sampleTypeFor(a);
    samples.push({
      id: derivedId('sm', `${item.key}\u0000${type}`),
      learnerId: a.learnerId,
      unitId: a.unitId,
      assessorId: a.assessorId,
      iqaId,
      type,
      methods: item.methods,
      location: a.location,
      plannedDate,
      reasons: sel.chosen.get(index) ?? [],
      origin: 'generated',
    });
  }
  samples.sort(
    (x, y) =>
      (x.plannedDate < y.plannedDate ? -1 : x.plannedDate > y.plannedDate ? 1 : 0) ||
      (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );

  return {
    plan: {
      centreId: strategy.centreId,
      qualificationId: strategy.qualificationId,
      seed: options.seed,
      period,
      samples,
      removed: [],
      leftOut: leftOutOf(population, period),
    },
    coverage: summariseFrame(frame, strategy, samples),
  };
}
