import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planSample } from '../../../src-main/sampling/plan-sample';
import type { SamplingPopulation } from '../../../src-main/sampling/population';
import {
  expectedRate,
  expectedRequired,
  inScope,
  sampleableBySomeone,
  targetsOf,
} from './coverage-oracle';
import { centreArb, period, strategyArb } from './generated-centre';

const seedArb = fc.oneof(fc.integer(), fc.string({ maxLength: 8 }));

function assessmentOf(population: SamplingPopulation, learnerId: string, unitId: string) {
  return population.assessments.find((a) => a.learnerId === learnerId && a.unitId === unitId);
}

function shuffled<T>(items: readonly T[], order: readonly number[]): T[] {
  return items
    .map((item, i) => ({ item, k: order[i % Math.max(order.length, 1)] ?? i }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.item);
}

describe('the sampling plan over generated centres', () => {
  it('covers every CAMERA target that some IQA could cover, and names every one it cannot', () => {
    fc.assert(
      fc.property(centreArb, strategyArb, seedArb, (population, strategy, seed) => {
        const { plan, coverage } = planSample(population, strategy, { seed });
        const sampled = plan.samples.map((s) => assessmentOf(population, s.learnerId, s.unitId));
        let impossible = 0;
        for (const [key, assessments] of targetsOf(population, period.from, period.to)) {
          const possible = assessments.some((a) => sampleableBySomeone(a, population));
          const covered = assessments.some((a) => sampled.includes(a));
          if (possible) expect(covered, `target ${key}`).toBe(true);
          else impossible++;
        }
        const targetGaps = coverage.gaps.filter((g) => g.startsWith('no sample covers'));
        expect(targetGaps).toHaveLength(impossible);
      }),
      { numRuns: 300 },
    );
  });

  it("meets every assessor's rate whenever enough of their work can be sampled", () => {
    fc.assert(
      fc.property(centreArb, strategyArb, seedArb, (population, strategy, seed) => {
        const { plan, coverage } = planSample(population, strategy, { seed });
        let unmeetable = 0;
        for (const assessor of population.assessors) {
          const theirs = population.assessments.filter(
            (a) => a.assessorId === assessor.id && inScope(a, period.from, period.to),
          );
          const required = expectedRequired(expectedRate(assessor, strategy), theirs.length);
          const sampleable = theirs.filter((a) => sampleableBySomeone(a, population)).length;
          const taken = new Set(
            plan.samples
              .map((s) => assessmentOf(population, s.learnerId, s.unitId))
              .filter((a) => a !== undefined && theirs.includes(a)),
          ).size;
          if (sampleable >= required) expect(taken, assessor.id).toBeGreaterThanOrEqual(required);
          else {
            unmeetable++;
            expect(taken).toBe(sampleable);
          }
        }
        expect(coverage.gaps.filter((g) => g.includes('rate'))).toHaveLength(unmeetable);
      }),
      { numRuns: 300 },
    );
  });

  it('never gives an IQA their own decision to sample, and dates every sample in the period', () => {
    fc.assert(
      fc.property(centreArb, strategyArb, seedArb, (population, strategy, seed) => {
        const { plan } = planSample(population, strategy, { seed });
        for (const s of plan.samples) {
          const a = assessmentOf(population, s.learnerId, s.unitId);
          expect(a).toBeDefined();
          expect(population.iqas.map((q) => q.id)).toContain(s.iqaId);
          expect([a?.assessorId, a?.decidedBy]).not.toContain(s.iqaId);
          expect(s.reasons.length).toBeGreaterThan(0);
          expect(s.plannedDate >= period.from && s.plannedDate <= period.to).toBe(true);
          expect(s.type).toBe(a?.stage === 'completed' ? 'summative' : 'interim');
          if (s.type === 'summative' && a?.decidedAt) {
            expect(s.plannedDate >= a.decidedAt).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same plan for the same seed, whatever order the workspace lists things in', () => {
    fc.assert(
      fc.property(
        centreArb,
        strategyArb,
        seedArb,
        fc.array(fc.integer(), { minLength: 1, maxLength: 20 }),
        (population, strategy, seed, order) => {
          const first = planSample(population, strategy, { seed });
          const again = planSample(population, strategy, { seed });
          const reordered = planSample(
            {
              assessors: shuffled(population.assessors, order),
              iqas: shuffled(population.iqas, order),
              learners: shuffled(population.learners, order),
              assessments: shuffled(population.assessments, order),
            },
            strategy,
            { seed },
          );
          expect(again).toEqual(first);
          expect(reordered).toEqual(first);
        },
      ),
      { numRuns: 200 },
    );
  });
});
