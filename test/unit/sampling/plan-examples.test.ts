import { describe, expect, it } from 'vitest';
import { planSample } from '../../../src-main/sampling/plan-sample';
import type { SamplingPopulation } from '../../../src-main/sampling/population';
import { rateFor, samplingStrategySchema } from '../../../src-main/sampling/strategy';
import { centre, strategy } from './example-centre';

function reasonsFor(learnerId: string, unitId: string, seed = 1): string[] {
  const { plan } = planSample(centre, strategy, { seed });
  return plan.samples.find((s) => s.learnerId === learnerId && s.unitId === unitId)?.reasons ?? [];
}

describe('a proposed sampling plan', () => {
  it('says in plain words why each sample was chosen', () => {
    expect(reasonsFor('ln-amy', 'u-food')).toContain('only learner at Scarborough seafront hotel');
    expect(reasonsFor('ln-amy', 'u-food')).toContain('only learner employed by Harbour Hotels');
    expect(reasonsFor('ln-cal', 'u-service')).toContain("only learner with needs 'dyslexia'");
    const bens = reasonsFor('ln-ben', 'u-food');
    expect(bens).toContain("only assessment using method 'witness testimony'");
    expect(bens).toContain("meets Tom Fletcher's 100% rate");
  });

  it("spreads an assessor's sample over the kinds of decision they make", () => {
    const population: SamplingPopulation = {
      ...centre,
      assessments: centre.assessments.map((a) =>
        a.learnerId === 'ln-eve' ? { ...a, methods: ['witness testimony'] } : a,
      ),
    };
    const priya = samplingStrategySchema.parse({
      ...strategy,
      assessors: [{ assessorId: 'as-priya', rate: 100 }],
    });
    const { plan } = planSample(population, priya, { seed: 3 });
    const eves = plan.samples.find((s) => s.learnerId === 'ln-eve');
    expect(eves?.reasons).toContain("covers Priya Shah's witness-testimony decisions");
  });

  it('plans a sample made part-way through the period from that day on, spread over the rest', () => {
    const today = '2026-04-15';
    const { plan } = planSample(centre, strategy, { seed: 1, today });
    const dates = plan.samples.map((s) => s.plannedDate).sort();
    expect(dates.length).toBeGreaterThanOrEqual(3);
    // Nothing is overdue the moment the plan is made, and nothing falls outside the period.
    expect(dates[0]! >= today).toBe(true);
    expect(dates[dates.length - 1]! <= strategy.period.to).toBe(true);
    // Spread over what is left, not bunched on the first days: the last is in the final month.
    expect(dates[dates.length - 1]! >= '2026-06-01').toBe(true);
    // Without a day, the same plan spreads over the whole period, some of it before that day.
    const whole = planSample(centre, strategy, { seed: 1 }).plan.samples.map((s) => s.plannedDate);
    expect(whole.sort()[0]! < today).toBe(true);
  });

  it('leaves out a unit with nothing assessed and says why, in the plan itself', () => {
    const population: SamplingPopulation = {
      ...centre,
      assessments: centre.assessments.map((a) =>
        a.learnerId === 'ln-cal' ? { ...a, assessed: false } : a,
      ),
    };
    const { plan } = planSample(population, strategy, { seed: 1 });
    expect(plan.samples.some((s) => s.learnerId === 'ln-cal')).toBe(false);
    const cal = population.assessments.filter((a) => a.learnerId === 'ln-cal');
    expect(cal.length).toBeGreaterThan(0);
    expect(plan.leftOut.map((l) => l.unitId).sort()).toEqual(cal.map((a) => a.unitId).sort());
    expect(plan.leftOut[0]?.reason).toBe(
      'nothing assessed yet: the assessor has recorded no decision on it, so there is nothing to sample',
    );
  });

  it('names what it cannot cover, and why', () => {
    const { coverage } = planSample(centre, strategy, { seed: 1 });
    expect(coverage.gaps).toContain(
      "no sample covers method 'simulation': its only assessment was made by the IQA (Ann Lee), who cannot sample their own decisions",
    );
    expect(coverage.gaps).toContain(
      "Ann Lee's 15% rate cannot be met: it needs 1 of their 1 assessment, but none can be sampled by an IQA who did not make the decision",
    );
    expect(coverage.targets.find((t) => t.label === "method 'simulation'")).toMatchObject({
      possible: false,
      covered: false,
    });
  });

  it('says when there is no IQA to sample anything', () => {
    const { plan, coverage } = planSample({ ...centre, iqas: [] }, strategy, { seed: 1 });
    expect(plan.samples).toEqual([]);
    expect(coverage.gaps).toContain(
      "no sample covers unit 'Customer service': no IQA is named for this plan",
    );
  });

  it("lets a second IQA sample the first IQA's own decisions", () => {
    const population = { ...centre, iqas: [...centre.iqas, { id: 'iq-raj', name: 'Raj Patel' }] };
    const { plan, coverage } = planSample(population, strategy, { seed: 1 });
    const simulation = plan.samples.find((s) => s.methods.includes('simulation'));
    expect(simulation?.iqaId).toBe('iq-raj');
    expect(coverage.gaps).toEqual([]);
  });

  it('usually gives a different plan for a different seed', () => {
    const big: SamplingPopulation = {
      ...centre,
      learners: Array.from({ length: 40 }, (_, i) => ({
        id: `ln-${i}`,
        name: `Learner ${i}`,
        cohort: 'Sept 2025',
        employer: 'Moor Care',
        workplace: 'Whitby',
        needs: '',
      })),
      assessments: Array.from({ length: 40 }, (_, i) => ({
        learnerId: `ln-${i}`,
        unitId: 'u-service',
        unitTitle: 'Customer service',
        assessorId: 'as-priya',
        methods: ['direct observation'],
        location: 'Whitby',
        stage: 'in-progress' as const,
      })),
    };
    const chosen = (seed: number) =>
      planSample(big, strategy, { seed })
        .plan.samples.map((s) => s.learnerId)
        .sort()
        .join();
    const plans = new Set([1, 2, 3, 4, 5].map(chosen));
    expect(plans.size).toBeGreaterThan(1);
    expect(chosen(42)).toBe(chosen(42));
  });

  it('splits a rate between interim and summative samples as the strategy says', () => {
    const learners = Array.from({ length: 20 }, (_, i) => ({
      id: `ln-${String(i).padStart(2, '0')}`,
      name: `Learner ${i}`,
      cohort: '',
      employer: '',
      workplace: '',
      needs: '',
    }));
    const population: SamplingPopulation = {
      assessors: [{ id: 'as-priya', name: 'Priya Shah', status: 'experienced' }],
      iqas: [{ id: 'iq-ann', name: 'Ann Lee' }],
      learners,
      assessments: learners.map((l, i) => ({
        learnerId: l.id,
        unitId: 'u-service',
        unitTitle: 'Customer service',
        assessorId: 'as-priya',
        methods: ['direct observation'],
        location: '',
        stage: i % 2 === 0 ? ('in-progress' as const) : ('completed' as const),
        decidedAt: i % 2 === 0 ? undefined : '2026-02-01',
      })),
    };
    const split = samplingStrategySchema.parse({
      ...strategy,
      statusRates: { ...strategy.statusRates, experienced: 20 },
      interimShare: 50,
    });
    const { coverage, plan } = planSample(population, split, { seed: 9 });
    expect(coverage.rates[0]).toMatchObject({ required: 4, planned: 4, interim: 2, summative: 2 });
    // Spread over the period rather than bunched at its start.
    const dates = plan.samples.map((s) => s.plannedDate).sort();
    expect(new Set(dates).size).toBe(4);
    expect(dates[3]! > '2026-04-01').toBe(true);
  });
});

describe('the sampling strategy', () => {
  it('ships the DOMAIN.md rates and takes the higher of status and risk', () => {
    expect(strategy.statusRates).toEqual({ new: 100, 'working-towards': 100, experienced: 15 });
    expect(strategy.riskRates).toEqual({ red: 100, amber: 50, green: 15 });
    const amber = { id: 'as-x', name: 'X', status: 'experienced' as const, risk: 'amber' as const };
    expect(rateFor(amber, strategy)).toEqual({ rate: 50, basis: 'amber risk' });
    expect(rateFor({ id: 'as-y', name: 'Y' }, strategy).rate).toBe(100);
  });

  it('refuses a period that ends before it starts', () => {
    const result = samplingStrategySchema.safeParse({
      ...strategy,
      period: { from: '2026-06-30', to: '2026-01-01' },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      'The plan period must end on or after the day it starts.',
    );
  });
});
