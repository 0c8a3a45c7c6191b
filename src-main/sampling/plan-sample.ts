import { summariseFrame } from './coverage';
import { addDays, daysBetween, earlierOf, laterOf } from './dates';
import { coverageReason, methodDecisions, rateReason, unitDecisions } from './plan-reasons';
import type { PlanProposal, Sample } from './plan-schema';
import { sampleTypeFor, type PopulationAssessor, type SamplingPopulation } from './population';
import { derivedId, hashString, keyedDraw, seedNumber } from './random';
import { assessorsOf, buildFrame, isSampleable, type SamplingFrame } from './sampling-frame';
import { rateFor, requiredCount, type SamplingStrategy } from './strategy';

export interface PlanOptions {
  seed: number | string;
  /** Defaults to the strategy's plan period. */
  from?: string;
  to?: string;
  /** Plan for these IQAs only; by default every IQA in the population shares the sample. */
  iqaIds?: string[];
}

/** The choices made so far; each chosen assessment keeps the reasons it was chosen. */
interface Selection {
  frame: SamplingFrame;
  draw: number[];
  chosen: Map<number, string[]>;
  covered: Set<string>;
  perAssessor: Map<string, number>;
}

function take(sel: Selection, index: number, reasons: string[]): void {
  const item = sel.frame.items[index];
  if (!item) return;
  sel.chosen.set(index, reasons);
  for (const key of item.targetKeys) sel.covered.add(key);
  const assessor = item.assessment.assessorId;
  sel.perAssessor.set(assessor, (sel.perAssessor.get(assessor) ?? 0) + 1);
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
    .map((target) => ({
      target,
      candidates: target.items.filter((i) => {
        const item = frame.items[i];
        return item !== undefined && isSampleable(item);
      }),
    }))
    .filter((c) => c.candidates.length > 0)
    .sort(
      (x, y) => x.candidates.length - y.candidates.length || (x.target.key < y.target.key ? -1 : 1),
    );

  for (const { target, candidates } of coverable) {
    if (sel.covered.has(target.key)) continue;
    let best = -1;
    let bestScore = -1;
    for (const index of candidates) {
      const item = frame.items[index];
      if (!item) continue;
      const fresh = item.targetKeys.filter((k) => !sel.covered.has(k)).length;
      const assessor = item.assessment.assessorId;
      const helpsRate = (sel.perAssessor.get(assessor) ?? 0) < (required.get(assessor) ?? 0);
      // Covering more at once keeps the plan small; counting towards a rate costs nothing extra.
      const score = fresh * 2 + (helpsRate ? 1 : 0);
      if (
        score > bestScore ||
        (score === bestScore && (sel.draw[index] ?? 0) < (sel.draw[best] ?? 0))
      ) {
        best = index;
        bestScore = score;
      }
    }
    const item = frame.items[best];
    if (!item) continue;
    const reasons = item.targetKeys
      .filter((k) => !sel.covered.has(k))
      .map((k) => frame.targetByKey.get(k))
      .filter((t) => t !== undefined)
      .map((t) => coverageReason(frame, t));
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
  for (const index of sel.chosen.keys()) {
    const a = frame.items[index]?.assessment;
    if (a?.assessorId !== assessor.id) continue;
    a.methods.forEach((m) => methods.add(m.trim()));
    units.add(a.unitId);
  }
  const free = pool.filter((i) => !sel.chosen.has(i));
  let taken = 0;
  while (taken < count) {
    let best = -1;
    let bestScore = 0;
    for (const index of free) {
      if (sel.chosen.has(index)) continue;
      const a = frame.items[index]?.assessment;
      if (!a) continue;
      const score =
        a.methods.filter((m) => m.trim() && !methods.has(m.trim())).length +
        (units.has(a.unitId) ? 0 : 1);
      if (score > bestScore) {
        best = index;
        bestScore = score;
      }
    }
    const a = frame.items[best]?.assessment;
    if (!a) break;
    const reasons = [
      ...[...new Set(a.methods.map((m) => m.trim()))]
        .filter((m) => m && !methods.has(m))
        .map((m) => methodDecisions(assessor.name, m)),
      ...(units.has(a.unitId) ? [] : [unitDecisions(assessor.name, a.unitTitle)]),
      rateReason(assessor.name, rate),
    ];
    a.methods.forEach((m) => methods.add(m.trim()));
    units.add(a.unitId);
    take(sel, best, reasons);
    taken++;
  }
  for (const index of free) {
    if (taken >= count) break;
    if (sel.chosen.has(index)) continue;
    take(sel, index, [rateReason(assessor.name, rate)]);
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
  for (const assessor of assessors) {
    const need = (required.get(assessor.id) ?? 0) - (sel.perAssessor.get(assessor.id) ?? 0);
    if (need <= 0) continue;
    const interimPool: number[] = [];
    const summativePool: number[] = [];
    let haveInterim = 0;
    let haveSummative = 0;
    frame.items.forEach((item, index) => {
      if (item.assessment.assessorId !== assessor.id) return;
      const interim = sampleTypeFor(item.assessment) === 'interim';
      if (sel.chosen.has(index)) {
        if (interim) haveInterim++;
        else haveSummative++;
      } else if (isSampleable(item)) {
        (interim ? interimPool : summativePool).push(index);
      }
    });
    const byDraw = (x: number, y: number) => (sel.draw[x] ?? 0) - (sel.draw[y] ?? 0);
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
    if (short > 0)
      pickSpread(sel, assessor, [...interimPool, ...summativePool].sort(byDraw), short, rate);
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
      const d = hashString(`${item.key}\u0000${iqa}`, seed);
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
 * Dates are spread evenly over the period in a seeded order. A summative sample is never planned
 * before the unit decision it checks: the IQA's date follows the assessor's.
 */
function planDates(
  sel: Selection,
  indexes: number[],
  period: { from: string; to: string },
): Map<number, string> {
  const order = [...indexes].sort((x, y) => (sel.draw[x] ?? 0) - (sel.draw[y] ?? 0) || x - y);
  const days = daysBetween(period.from, period.to) + 1;
  const dates = new Map<number, string>();
  order.forEach((index, slot) => {
    let date = addDays(period.from, Math.floor(((slot + 0.5) * days) / order.length));
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
    covered: new Set(),
    perAssessor: new Map(),
  };

  const counts = new Map<string, number>();
  for (const item of frame.items) {
    const id = item.assessment.assessorId;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const assessors = assessorsOf(frame);
  const required = new Map(
    assessors.map((a) => [a.id, requiredCount(rateFor(a, strategy).rate, counts.get(a.id) ?? 0)]),
  );

  coverTargets(sel, strategy, required);
  meetRates(sel, strategy, assessors, required);

  const iqas = assignIqas(sel, seed);
  const chosen = [...sel.chosen.keys()].filter((i) => iqas.has(i));
  const dates = planDates(sel, chosen, period);
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
      methods: [...a.methods],
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
    },
    coverage: summariseFrame(frame, strategy, samples),
  };
}
