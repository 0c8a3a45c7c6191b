import { describe, expect, it } from 'vitest';
import { newPortfolio } from '../../../src-main/portfolio/portfolio';
import { createPlan, revisePlan, signPlan, updateDraft } from '../../../src-main/planning/plans';
import { assessmentPlanSchema } from '../../../src-main/portfolio/plan-schema';
import { planNamesExpert, signatureStands } from '../../../src-main/portfolio/plan-rules';
import { planDeclarationWords } from '../../../src-main/kernel/plan-declaration-words';
import { prepareRecord } from '../../../src-main/portfolio/portfolio-changes';
import { demoSignature } from '../../../src-main/demo/demo-signature';
import type { Portfolio } from '../../../src-main/portfolio/portfolio-schema';
import type { Actor } from '../../../src-main/shared/record';
import { emptyPlan } from '../../support/planning/agreed-plan';

const assessor: Actor = { id: 'st-priya', role: 'assessor' };
const people = { learnerName: 'Siobhán Ní Bhriain', actorName: 'Priya Sharma' };
const drawn = (seed: number) => ({ method: 'drawn' as const, image: demoSignature(seed) });
const day = (d: string) => new Date(`${d}T10:00:00Z`);
const drawnOnly = { allowTyped: false };

function drafted(): { p: Portfolio; id: string } {
  const made = createPlan(
    newPortfolio('ln-1'),
    {
      ...emptyPlan,
      visitDate: '2026-03-10',
      criteria: [{ unitId: 'u1', criterionRef: '7.1', partRef: null }],
      expertWitnessIds: ['wt-expert'],
      methods: ['direct observation'],
    },
    assessor,
    day('2026-03-01'),
  );
  return { p: made.portfolio, id: made.plan.id };
}

const sign = (p: Portfolio, id: string, role: 'learner' | 'assessor', on: string) =>
  signPlan(
    p,
    id,
    { role, ...drawn(role === 'learner' ? 1 : 2) },
    people,
    drawnOnly,
    assessor,
    day(on),
  );

describe('assessment plans', () => {
  it('starts as a draft, nothing signed, and is agreed only when the learner and the assessor have both signed, on the assessor’s day', () => {
    const { p, id } = drafted();
    const plan = p.assessmentPlans[0]!;
    expect(plan).toMatchObject({ status: 'draft', agreedOn: null, signatures: [], version: 1 });
    expect(p.audit.at(-1)?.action).toBe('drafted assessment plan');

    const learnerSigned = sign(p, id, 'learner', '2026-03-02');
    expect(learnerSigned.assessmentPlans[0]).toMatchObject({ status: 'draft', agreedOn: null });

    const both = sign(learnerSigned, id, 'assessor', '2026-03-04');
    const agreed = both.assessmentPlans[0]!;
    expect(agreed).toMatchObject({ status: 'agreed', agreedOn: '2026-03-04' });
    expect(agreed.signatures.map((s) => [s.role, s.name, s.declarationVersion])).toEqual([
      ['learner', 'Siobhán Ní Bhriain', 1],
      ['assessor', 'Priya Sharma', 1],
    ]);
    expect(agreed.signatures.every((s) => signatureStands('ln-1', agreed, s))).toBe(true);
    expect(both.audit.at(-1)).toMatchObject({
      action: 'signed assessment plan',
      after: { role: 'assessor', status: 'agreed', agreedOn: '2026-03-04' },
    });

    // The assessor signing first and the learner later: agreed on the assessor's day still.
    const other = drafted();
    const reversed = sign(
      sign(other.p, other.id, 'assessor', '2026-03-02'),
      other.id,
      'learner',
      '2026-03-05',
    );
    expect(reversed.assessmentPlans[0]).toMatchObject({ status: 'agreed', agreedOn: '2026-03-02' });

    // Signed at 00:30 on 1 July in the UK (23:30 UTC the day before): agreed on the UK's day.
    const late = drafted();
    const summer = signPlan(
      sign(late.p, late.id, 'learner', '2026-06-29'),
      late.id,
      { role: 'assessor', ...drawn(2) },
      people,
      drawnOnly,
      assessor,
      new Date('2026-06-30T23:30:00Z'),
    );
    expect(summer.assessmentPlans[0]).toMatchObject({ status: 'agreed', agreedOn: '2026-07-01' });
  });

  it('signs with the versioned words, refuses typed signatures where the centre does not allow them, and lets only the plan’s assessor sign as assessor', () => {
    const { p, id } = drafted();
    expect(() =>
      signPlan(
        p,
        id,
        { role: 'learner', method: 'typed', typedName: 'Siobhán' },
        people,
        drawnOnly,
        assessor,
        day('2026-03-02'),
      ),
    ).toThrow(/does not accept typed signatures/);
    const typed = signPlan(
      p,
      id,
      { role: 'learner', method: 'typed', typedName: 'Siobhán Ní Bhriain' },
      people,
      { allowTyped: true },
      assessor,
      day('2026-03-02'),
    );
    expect(typed.assessmentPlans[0]!.signatures[0]).toMatchObject({
      method: 'typed',
      typedName: 'Siobhán Ní Bhriain',
    });
    expect(() =>
      signPlan(
        p,
        id,
        { role: 'assessor', ...drawn(3) },
        people,
        drawnOnly,
        { id: 'st-tom', role: 'assessor' },
        day('2026-03-02'),
      ),
    ).toThrow(/Only the assessor who made this plan/);
    expect(() =>
      signPlan(
        p,
        id,
        { role: 'learner', ...drawn(3) },
        people,
        drawnOnly,
        { id: 'st-m', role: 'iqa' },
        day('2026-03-02'),
      ),
    ).toThrow(/Only an assessor/);
    expect(() =>
      signPlan(
        p,
        id,
        { role: 'employer', ...drawn(3) },
        people,
        drawnOnly,
        assessor,
        day('2026-03-02'),
      ),
    ).toThrow(/name of the employer’s representative/);
    expect(planDeclarationWords('learner', 1)).toMatch(/^I have agreed this assessment plan/);
  });

  it('takes signatures off a draft that changes, refuses to change an agreed plan and agrees a new version in its place', () => {
    const { p, id } = drafted();
    const signed = sign(p, id, 'learner', '2026-03-02');
    const changed = updateDraft(
      signed,
      id,
      { ...emptyPlan, place: 'The quiet room' },
      assessor,
      day('2026-03-03'),
    );
    expect(changed.assessmentPlans[0]).toMatchObject({ place: 'The quiet room', signatures: [] });
    expect(changed.audit.at(-1)).toMatchObject({
      action: 'changed assessment plan',
      before: { place: '', signatures: 'learner' },
    });

    const agreed = sign(sign(p, id, 'learner', '2026-03-02'), id, 'assessor', '2026-03-02');
    expect(() => updateDraft(agreed, id, emptyPlan, assessor, day('2026-03-05'))).toThrow(
      /agreed and signed, so it cannot be changed/,
    );
    const revised = revisePlan(agreed, id, assessor, day('2026-03-05'));
    expect(revised.plan).toMatchObject({
      version: 2,
      revises: id,
      status: 'draft',
      signatures: [],
    });
    const v2 = updateDraft(
      revised.portfolio,
      revised.plan.id,
      { ...emptyPlan, place: 'Leeds' },
      assessor,
      day('2026-03-05'),
    );
    // Until the new version is agreed, the old one stands as agreed.
    expect(v2.assessmentPlans.find((x) => x.id === id)).toMatchObject({
      status: 'agreed',
      supersededBy: null,
    });
    const agreedV2 = sign(
      sign(v2, revised.plan.id, 'learner', '2026-03-06'),
      revised.plan.id,
      'assessor',
      '2026-03-06',
    );
    expect(agreedV2.assessmentPlans.find((x) => x.id === id)).toMatchObject({
      status: 'agreed',
      agreedOn: '2026-03-02',
      supersededBy: revised.plan.id,
    });
    expect(agreedV2.assessmentPlans.find((x) => x.id === revised.plan.id)).toMatchObject({
      status: 'agreed',
      agreedOn: '2026-03-06',
    });
  });

  it('names an expert witness for the activity only once the plan is agreed, on or before the activity', () => {
    const { p, id } = drafted();
    expect(planNamesExpert(p.assessmentPlans, 'wt-expert', 'u1', '2026-03-10')).toBe(false);
    const learnerOnly = sign(p, id, 'learner', '2026-03-02');
    expect(planNamesExpert(learnerOnly.assessmentPlans, 'wt-expert', 'u1', '2026-03-10')).toBe(
      false,
    );
    const agreed = sign(learnerOnly, id, 'assessor', '2026-03-04');
    expect(planNamesExpert(agreed.assessmentPlans, 'wt-expert', 'u1', '2026-03-10')).toBe(true);
    expect(planNamesExpert(agreed.assessmentPlans, 'wt-expert', 'u1', '2026-03-03')).toBe(false);
    expect(planNamesExpert(agreed.assessmentPlans, 'wt-expert', 'u2', '2026-03-10')).toBe(false);
    expect(planNamesExpert(agreed.assessmentPlans, 'wt-other', 'u1', '2026-03-10')).toBe(false);
  });

  it('reads a plan of the first layout as agreed on its day, keeping every word it said', () => {
    const old = {
      id: 'ap-old',
      updatedAt: '2026-01-05T09:00:00.000Z',
      updatedBy: 'st-priya',
      agreedOn: '2026-01-05',
      unitIds: ['u1'],
      expertWitnessIds: ['wt-expert'],
      notes: 'Dr Adeyemi to witness complaint handling.',
    };
    const upgraded = assessmentPlanSchema.parse(old);
    expect(upgraded).toMatchObject({
      id: 'ap-old',
      status: 'agreed',
      agreedOn: '2026-01-05',
      unitIds: ['u1'],
      expertWitnessIds: ['wt-expert'],
      notes: 'Dr Adeyemi to witness complaint handling.',
      signatures: [],
      recordedBeforeSigning: {
        agreedOn: '2026-01-05',
        unitIds: ['u1'],
        expertWitnessIds: ['wt-expert'],
        notes: 'Dr Adeyemi to witness complaint handling.',
      },
    });
    // Read from a change line as from portfolio.json, and it still names the expert.
    const fromChange = prepareRecord('assessmentPlans', old, 'changes/pc-1.jsonl');
    expect(planNamesExpert([fromChange as typeof upgraded], 'wt-expert', 'u1', '2026-01-20')).toBe(
      true,
    );
    expect(planNamesExpert([upgraded], 'wt-expert', 'u1', '2026-01-04')).toBe(false);
  });
});
