import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CentreFile } from '../../../src-main/centre/centre-schema';
import { newPortfolio } from '../../../src-main/portfolio/portfolio';
import type { Portfolio } from '../../../src-main/portfolio/portfolio-schema';
import type { Qualification } from '../../../src-main/qualification/qualification-schema';
import { planSample } from '../../../src-main/sampling/plan-sample';
import { populationFrom } from '../../../src-main/sampling/workspace-population';
import type { StoredUnit } from '../../../src-main/unit/unit-schema';
import { targetsOf } from './coverage-oracle';
import { period, strategyArb } from './generated-centre';

/**
 * The planner's properties again, this time over centres written as the workspace writes them
 * (staff, learners, portfolios with registrations, evidence, mappings, decisions and sign-offs)
 * and read through the workspace adapter, with the oracle reading the portfolios directly.
 */

const stampFields = { updatedAt: '2026-01-01T09:00:00.000Z', updatedBy: 'st-setup' };
const methods = ['direct observation', 'witness testimony', 'simulation', 'essay'] as const;
const unitIds = ['u1', 'u2', 'u3'];
const qualification: Qualification = {
  id: 'q1',
  title: 'Certificate',
  number: null,
  awardingBody: null,
  demo: false,
  mandatoryUnitIds: ['u1'],
  optionalGroups: [{ title: 'Options', unitIds: ['u2'], minCredits: 0, maxCredits: null }],
  minTotalCredits: 0,
  minCreditsAtOrAboveLevel: null,
};

function unit(id: string): StoredUnit {
  return {
    schemaVersion: 1,
    id,
    version: 1,
    title: `Unit ${id}`,
    level: '2',
    credits: 3,
    glh: 10,
    codes: { ofqual: null, awardingBody: null },
    outcomes: [{ ref: '1', text: 'Be able to', kind: 'competence', criteria: [] }],
    methods: [],
    guidance: [],
    awardingBody: null,
    builtIn: false,
    source: { fileName: '', text: '', importedAt: stampFields.updatedAt },
  };
}

const dayArb = fc
  .integer({ min: -30, max: 200 })
  .map((offset) =>
    new Date(Date.parse(`${period.from}T00:00:00Z`) + offset * 86_400_000)
      .toISOString()
      .slice(0, 10),
  );

const registrationArb = fc.record({
  unit: fc.constantFrom(...unitIds),
  assessor: fc.nat(3),
  qualification: fc.constantFrom('', '', 'q1', 'other'),
  withdrawn: fc.boolean(),
  evidence: fc.array(
    fc.record({
      method: fc.constantFrom(...methods),
      location: fc.constantFrom('', 'Leeds', 'Site 3'),
      archived: fc.boolean(),
      removed: fc.boolean(),
    }),
    { maxLength: 3 },
  ),
  deciders: fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 2 }),
  signOff: fc.option(fc.record({ by: fc.integer({ min: 0, max: 5 }), on: dayArb }), {
    nil: undefined,
  }),
});

const workspaceArb = fc
  .record({
    assessors: fc.array(
      fc.constantFrom<'qualified' | 'working-towards' | undefined>(
        'qualified',
        'working-towards',
        undefined,
      ),
      {
        minLength: 1,
        maxLength: 4,
      },
    ),
    // Index < 0: an IQA who does not assess; otherwise that assessor is also an IQA.
    iqas: fc.array(fc.integer({ min: -2, max: 3 }), { maxLength: 3 }),
    learners: fc.array(
      fc.record({
        employer: fc.constantFrom('', 'Harbour Hotels', 'Moor Care'),
        needs: fc.constantFrom('', '', 'dyslexia'),
        registrations: fc.uniqueArray(registrationArb, { selector: (r) => r.unit, maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
  })
  .map(({ assessors, iqas, learners }) => {
    const n = assessors.length;
    const person = (i: number) => (i < 0 ? `st-iqa${-i}` : `st-as${i % n}`);
    // Deciders 4 and 5 are the IQA-only people, so stand-ins include IQAs.
    const decider = (i: number) => (i >= 4 ? `st-iqa${i - 3}` : person(i));
    const iqaIds = [...new Set(iqas.map(person))];
    const staff: CentreFile['staff'] = [
      ...assessors.map((status, i) => ({
        id: `st-as${i}`,
        ...stampFields,
        name: `Assessor ${i}`,
        roles: iqaIds.includes(`st-as${i}`)
          ? (['assessor', 'iqa'] as const)
          : (['assessor'] as const),
        ...(status ? { assessorStatus: status } : {}),
        archived: false,
      })),
      ...iqaIds
        .filter((id) => id.startsWith('st-iqa'))
        .map((id) => ({
          id,
          ...stampFields,
          name: `IQA ${id}`,
          roles: ['iqa' as const],
          archived: false,
        })),
    ].map((s) => ({ ...s, roles: [...s.roles] }));
    const centre: Pick<CentreFile, 'staff' | 'learners'> = {
      staff,
      learners: learners.map((l, i) => ({
        id: `ln-${i}`,
        ...stampFields,
        name: `Learner ${i}`,
        uln: '1000000018',
        employer: l.employer,
        workplace: `Workplace ${i % 3}`,
        cohort: '',
        needs: l.needs,
        portfolio: `learners/ln-${i}`,
        archived: false,
      })),
    };
    const portfolios: Portfolio[] = learners.map((l, i) => {
      const p: Portfolio = newPortfolio(`ln-${i}`);
      l.registrations.forEach((r, k) => {
        const assessorId = person(r.assessor);
        p.registrations.push({
          id: `rg-${i}-${k}`,
          ...stampFields,
          unitId: r.unit,
          unitVersion: 1,
          assessorId,
          registeredAt: stampFields.updatedAt,
          qualification: r.qualification,
          withdrawn: r.withdrawn,
        });
        r.evidence.forEach((e, j) => {
          const id = `ev-${i}-${k}-${j}`;
          p.evidence.push({
            id,
            ...stampFields,
            title: id,
            producedOn: period.from,
            method: e.method,
            location: e.location,
            producedBy: '',
            notes: '',
            file: null,
            record: 'seen',
            addedAt: stampFields.updatedAt,
            archived: e.archived,
          });
          p.mappings.push({
            id: `mp-${id}`,
            ...stampFields,
            evidenceId: id,
            unitId: r.unit,
            criterionRef: '1.1',
            partRef: null,
            removed: e.removed,
          });
        });
        r.deciders.forEach((d, j) =>
          p.decisions.push({
            id: `dc-${i}-${k}-${j}`,
            ...stampFields,
            unitId: r.unit,
            unitVersion: 1,
            criterionRef: `1.${j + 1}`,
            partRef: null,
            outcome: 'met',
            decidedOn: period.from,
            assessorId: decider(d),
            feedback: '',
          }),
        );
        if (r.signOff) {
          p.signOffs.push({
            id: `so-${i}-${k}`,
            ...stampFields,
            unitId: r.unit,
            unitVersion: 1,
            signedOffAt: `${r.signOff.on}T12:00:00.000Z`,
            signedOffBy: decider(r.signOff.by),
            countersignedAt: null,
            countersignedBy: null,
            voidedAt: null,
            voidedBy: null,
            voidReason: null,
          });
        }
      });
      return p;
    });
    return { centre, portfolios };
  });

const units = unitIds.map(unit);
const seedArb = fc.oneof(fc.integer(), fc.string({ maxLength: 8 }));

/** Read straight from the portfolio: everyone who decided anything on the learner's unit. */
function deciders(portfolio: Portfolio, unitId: string): Set<string> {
  const people = new Set<string>();
  for (const r of portfolio.registrations) if (r.unitId === unitId) people.add(r.assessorId);
  for (const d of portfolio.decisions) if (d.unitId === unitId) people.add(d.assessorId);
  for (const s of portfolio.signOffs) if (s.unitId === unitId) people.add(s.signedOffBy);
  return people;
}

function countsForQualification(r: Portfolio['registrations'][number]): boolean {
  if (r.withdrawn) return false;
  return r.qualification ? r.qualification === 'q1' : r.unitId === 'u1' || r.unitId === 'u2';
}

describe('the sampling plan over workspaces read through the adapter', () => {
  it('samples only registered work, never gives an IQA work they decided on, and copies the evidence methods', () => {
    fc.assert(
      fc.property(workspaceArb, strategyArb, seedArb, ({ centre, portfolios }, strategy, seed) => {
        const { population } = populationFrom(
          centre,
          portfolios,
          units,
          qualification,
          period.from,
        );
        const { plan } = planSample(population, strategy, { seed });
        for (const s of plan.samples) {
          const portfolio = portfolios.find((p) => p.learnerId === s.learnerId)!;
          const registration = portfolio.registrations.find((r) => r.unitId === s.unitId);
          expect(registration && countsForQualification(registration)).toBe(true);
          expect(deciders(portfolio, s.unitId).has(s.iqaId), `${s.iqaId} on ${s.unitId}`).toBe(
            false,
          );
          const live = new Set(portfolio.evidence.filter((e) => !e.archived).map((e) => e.id));
          const expected = new Set(
            portfolio.mappings
              .filter((m) => !m.removed && m.unitId === s.unitId && live.has(m.evidenceId))
              .map((m) => portfolio.evidence.find((e) => e.id === m.evidenceId)!.method),
          );
          expect(new Set(s.methods)).toEqual(expected);
          const signed = portfolio.signOffs.some((o) => o.unitId === s.unitId);
          expect(s.type).toBe(signed ? 'summative' : 'interim');
        }
      }),
      { numRuns: 250 },
    );
  });

  it('covers every CAMERA target some IQA could cover, counted from the portfolios', () => {
    fc.assert(
      fc.property(workspaceArb, strategyArb, seedArb, ({ centre, portfolios }, strategy, seed) => {
        const { population } = populationFrom(
          centre,
          portfolios,
          units,
          qualification,
          period.from,
        );
        const { plan, coverage } = planSample(population, strategy, { seed });
        const sampled = new Set(plan.samples.map((s) => `${s.learnerId}/${s.unitId}`));
        let impossible = 0;
        for (const [key, list] of targetsOf(population, period.from, period.to)) {
          const possible = list.some((a) => {
            const portfolio = portfolios.find((p) => p.learnerId === a.learnerId)!;
            const made = deciders(portfolio, a.unitId);
            return population.iqas.some((q) => !made.has(q.id));
          });
          if (possible) {
            expect(
              list.some((a) => sampled.has(`${a.learnerId}/${a.unitId}`)),
              key,
            ).toBe(true);
          } else impossible++;
        }
        expect(coverage.gaps.filter((g) => g.startsWith('no sample covers'))).toHaveLength(
          impossible,
        );
      }),
      { numRuns: 250 },
    );
  });

  it('never samples a unit with nothing assessed, and lists each such unit as left out with why', () => {
    fc.assert(
      fc.property(workspaceArb, strategyArb, seedArb, ({ centre, portfolios }, strategy, seed) => {
        const { population } = populationFrom(
          centre,
          portfolios,
          units,
          qualification,
          period.from,
        );
        const { plan } = planSample(population, strategy, { seed });
        // Read straight from the portfolios: no decision and no sign-off on the learner's unit.
        const untouched = new Set(
          population.assessments
            .filter((a) => {
              const p = portfolios.find((x) => x.learnerId === a.learnerId)!;
              return (
                !p.decisions.some((d) => d.unitId === a.unitId && d.outcome !== 'not-assessed') &&
                !p.signOffs.some((o) => o.unitId === a.unitId && !o.voidedAt)
              );
            })
            .map((a) => `${a.learnerId}/${a.unitId}`),
        );
        for (const s of plan.samples) {
          expect(untouched.has(`${s.learnerId}/${s.unitId}`), s.unitId).toBe(false);
        }
        expect(new Set(plan.leftOut.map((l) => `${l.learnerId}/${l.unitId}`))).toEqual(untouched);
        for (const l of plan.leftOut) expect(l.reason).toMatch(/^nothing assessed yet/);
      }),
      { numRuns: 250 },
    );
  });

  it('gives the same plan whatever order the portfolios are read in', () => {
    fc.assert(
      fc.property(workspaceArb, strategyArb, seedArb, ({ centre, portfolios }, strategy, seed) => {
        const one = populationFrom(centre, portfolios, units, qualification, period.from);
        const other = populationFrom(
          { ...centre, learners: [...centre.learners].reverse() },
          [...portfolios].reverse(),
          [...units].reverse(),
          qualification,
          period.from,
        );
        expect(planSample(other.population, strategy, { seed })).toEqual(
          planSample(one.population, strategy, { seed }),
        );
      }),
      { numRuns: 150 },
    );
  });
});
