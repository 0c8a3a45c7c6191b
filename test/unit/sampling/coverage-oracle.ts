import type { SamplingPopulation } from '../../../src-main/sampling/population';
import type { SamplingStrategy } from '../../../src-main/sampling/strategy';

/**
 * An independent, deliberately naive account of what a plan could achieve, written without the
 * planner's code so that the property tests check the planner rather than repeat it.
 */

type Assessment = SamplingPopulation['assessments'][number];

export function inScope(a: Assessment, from: string, to: string): boolean {
  // Work with no decision on it yet has nothing for an IQA to check.
  if (a.assessed === false) return false;
  if (a.stage === 'in-progress' || a.decidedAt === undefined) return true;
  return from <= a.decidedAt && a.decidedAt <= to;
}

export function sampleableBySomeone(a: Assessment, population: SamplingPopulation): boolean {
  return population.iqas.some((q) => q.id !== a.assessorId && q.id !== a.decidedBy);
}

/** Every (dimension, value) CAMERA asks the plan to cover, with the assessments that have it. */
export function targetsOf(
  population: SamplingPopulation,
  from: string,
  to: string,
): Map<string, Assessment[]> {
  const targets = new Map<string, Assessment[]>();
  const add = (key: string, a: Assessment) => targets.set(key, [...(targets.get(key) ?? []), a]);
  for (const a of population.assessments) {
    if (!inScope(a, from, to)) continue;
    const learner = population.learners.find((l) => l.id === a.learnerId);
    add(`assessor:${a.assessorId}`, a);
    add(`unit:${a.unitId}`, a);
    for (const m of a.methods) add(`method:${m}`, a);
    if (a.location) add(`location:${a.location}`, a);
    if (learner?.cohort) add(`cohort:${learner.cohort}`, a);
    if (learner?.employer) add(`employer:${learner.employer}`, a);
    if (learner?.needs) add(`needs:${learner.needs}`, a);
    if (learner?.ageBand) add(`ageBand:${learner.ageBand}`, a);
    if (learner?.gender) add(`gender:${learner.gender}`, a);
  }
  // Each method listed once per assessment even if written twice.
  for (const [key, list] of targets) targets.set(key, [...new Set(list)]);
  return targets;
}

export function expectedRate(
  assessor: SamplingPopulation['assessors'][number],
  strategy: SamplingStrategy,
): number {
  const override = strategy.assessors.find((r) => r.assessorId === assessor.id);
  let rate: number;
  if (override?.rate !== undefined) {
    rate = override.rate;
  } else {
    const candidates: number[] = [];
    const status = override?.status ?? assessor.status;
    const risk = override?.risk ?? assessor.risk;
    if (status) candidates.push(strategy.statusRates[status]);
    if (risk) candidates.push(strategy.riskRates[risk]);
    rate = candidates.length ? Math.max(...candidates) : strategy.statusRates.new;
  }
  return strategy.newQualification ? Math.max(rate, strategy.newQualificationRate) : rate;
}

export function expectedRequired(rate: number, total: number): number {
  return Math.floor((rate * total + 99) / 100);
}
