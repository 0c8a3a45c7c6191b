import fc from 'fast-check';
import {
  assessorStatuses,
  riskRatings,
  type SamplingPopulation,
} from '../../../src-main/sampling/population';
import { samplingStrategySchema, type SamplingStrategy } from '../../../src-main/sampling/strategy';

export const period = { from: '2026-01-01', to: '2026-06-30' };
const methods = [
  'direct observation',
  'witness testimony',
  'simulation',
  'oral questions',
  'essay',
];
const units = ['u1', 'u2', 'u3', 'u4'];

const assessmentArb = fc.record({
  unit: fc.constantFrom(...units),
  assessor: fc.nat(4),
  methods: fc.subarray(methods, { minLength: 1 }),
  location: fc.constantFrom('', 'Scarborough seafront hotel', 'Whitby', 'Site 3'),
  completed: fc.boolean(),
  // Some decisions fall outside the period, and some completed units have no date.
  day: fc.option(fc.integer({ min: -40, max: 220 }), { nil: undefined }),
  decidedBy: fc.option(fc.integer({ min: -2, max: 4 }), { nil: undefined }),
});

const learnerArb = fc.record({
  cohort: fc.constantFrom('', 'Sept 2025', 'Jan 2026'),
  employer: fc.constantFrom('', 'Harbour Hotels', 'Moor Care', 'Dale Foods'),
  needs: fc.constantFrom('', '', 'dyslexia', 'hearing impairment'),
  ageBand: fc.option(fc.constantFrom('16-18', '19-23', '24+'), { nil: undefined }),
  gender: fc.option(fc.constantFrom('female', 'male'), { nil: undefined }),
  assessments: fc.uniqueArray(assessmentArb, { selector: (a) => a.unit, maxLength: 4 }),
});

function dayOf(offset: number): string {
  return new Date(Date.parse(`${period.from}T00:00:00Z`) + offset * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

/** A small centre: assessors, IQAs (some of whom also assess), learners and their units. */
export const centreArb: fc.Arbitrary<SamplingPopulation> = fc
  .record({
    assessors: fc.array(
      fc.record({
        status: fc.option(fc.constantFrom(...assessorStatuses), { nil: undefined }),
        risk: fc.option(fc.constantFrom(...riskRatings), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    // Negative: an IQA who does not assess; otherwise the assessor at that index also an IQA.
    iqas: fc.array(fc.integer({ min: -2, max: 4 }), { maxLength: 3 }),
    learners: fc.array(learnerArb, { minLength: 1, maxLength: 12 }),
  })
  .map(({ assessors, iqas, learners }) => {
    const n = assessors.length;
    const personId = (pick: number) => (pick < 0 ? `iq-${-pick}` : `as-${pick % n}`);
    const iqaIds = [...new Set(iqas.map(personId))];
    return {
      assessors: assessors.map((a, i) => ({ id: `as-${i}`, name: `Assessor ${i}`, ...a })),
      iqas: iqaIds.map((id) => ({ id, name: `IQA ${id}` })),
      learners: learners.map((l, i) => ({
        id: `ln-${i}`,
        name: `Learner ${i}`,
        cohort: l.cohort,
        employer: l.employer,
        workplace: '',
        needs: l.needs,
        ageBand: l.ageBand,
        gender: l.gender,
      })),
      assessments: learners.flatMap((l, i) =>
        l.assessments.map((a) => ({
          learnerId: `ln-${i}`,
          unitId: a.unit,
          unitTitle: `Unit ${a.unit}`,
          assessorId: `as-${a.assessor % n}`,
          methods: a.methods,
          location: a.location,
          stage: a.completed ? ('completed' as const) : ('in-progress' as const),
          decidedAt: a.completed && a.day !== undefined ? dayOf(a.day) : undefined,
          decidedBy: a.decidedBy === undefined ? undefined : personId(a.decidedBy),
        })),
      ),
    };
  });

const rate = fc.integer({ min: 0, max: 100 });

export const strategyArb: fc.Arbitrary<SamplingStrategy> = fc
  .record({
    statusRates: fc.record({ new: rate, 'working-towards': rate, experienced: rate }),
    riskRates: fc.record({ red: rate, amber: rate, green: rate }),
    overrides: fc.array(fc.record({ assessor: fc.nat(4), rate }), { maxLength: 2 }),
    newQualification: fc.boolean(),
    newQualificationRate: rate,
    interimShare: rate,
  })
  .map((s) =>
    samplingStrategySchema.parse({
      centreId: 'centre-1',
      qualificationId: 'qual-1',
      statusRates: s.statusRates,
      riskRates: s.riskRates,
      assessors: s.overrides.map((o) => ({ assessorId: `as-${o.assessor}`, rate: o.rate })),
      newQualification: s.newQualification,
      newQualificationRate: s.newQualificationRate,
      interimShare: s.interimShare,
      period,
    }),
  );
