import { describe, expect, it } from 'vitest';
import { demoSignature } from '../../../src-main/demo/demo-signature';
import { newPortfolio } from '../../../src-main/portfolio/portfolio';
import { assessmentPlanSchema } from '../../../src-main/portfolio/plan-schema';
import { createPlan, revisePlan, signPlan } from '../../../src-main/planning/plans';
import type { Portfolio } from '../../../src-main/portfolio/portfolio-schema';
import type { Actor } from '../../../src-main/shared/record';
import { planSource } from '../../../src-main/timeline/plan-source';
import { arrangeTimeline, type TimelineContext } from '../../../src-main/timeline/timeline-entry';
import { timelineSources } from '../../../src-main/timeline/timeline-handlers';
import { emptyPlan } from '../../support/planning/agreed-plan';

const assessor: Actor = { id: 'st-priya', role: 'assessor' };
const people = { learnerName: 'Siobhán Ní Bhriain', actorName: 'Priya Sharma' };
const names = {
  person: (id: string) =>
    ({ 'st-priya': 'Priya Sharma', 'wt-adeyemi': 'Dr Funmi Adeyemi' })[id] ?? id,
  unit: (id: string) => `Unit ${id}`,
  learner: 'Siobhán Ní Bhriain',
};
const context = (p: Portfolio): TimelineContext => ({
  learnerId: p.learnerId,
  portfolio: p,
  sampling: [],
  visits: [],
  names,
});
const at = (moment: string) => new Date(moment);

function sign(p: Portfolio, id: string, role: 'learner' | 'assessor' | 'employer', when: string) {
  return signPlan(
    p,
    id,
    {
      role,
      method: 'drawn',
      image: demoSignature(role.length),
      ...(role === 'employer' ? { name: 'Jo Patel' } : {}),
    },
    people,
    { allowTyped: false },
    assessor,
    at(when),
  );
}

/** A first plan drafted, signed by both and the employer, then revised as version 2. */
function journey() {
  const made = createPlan(
    newPortfolio('ln-1'),
    {
      ...emptyPlan,
      visitDate: '2026-11-20',
      criteria: [
        { unitId: 'u1', criterionRef: '7.1', partRef: null },
        { unitId: 'u1', criterionRef: '7.2', partRef: null },
      ],
      expertWitnessIds: ['wt-adeyemi'],
    },
    assessor,
    at('2026-11-02T09:00:00Z'),
  );
  const id = made.plan.id;
  let p = sign(made.portfolio, id, 'learner', '2026-11-03T10:00:00Z');
  p = sign(p, id, 'assessor', '2026-11-03T10:05:00Z');
  p = sign(p, id, 'employer', '2026-11-04T08:00:00Z');
  const revised = revisePlan(p, id, assessor, at('2026-11-10T14:00:00Z'));
  p = sign(revised.portfolio, revised.plan.id, 'learner', '2026-11-11T09:00:00Z');
  return { p, first: id, second: revised.plan.id };
}

describe('assessment plans on the learner’s timeline', () => {
  it('lists each plan drafted, each signature, and its agreement, each opening the plan', () => {
    const { p, first, second } = journey();
    const entries = planSource(context(p));
    const lines = entries.map((e) => [e.key, e.at, e.who, e.what]);
    expect(lines).toEqual(
      expect.arrayContaining([
        [
          `plan-drafted:${first}`,
          '2026-11-02T09:00:00.000Z',
          'Priya Sharma',
          'Assessment plan drafted for the visit on 20 Nov 2026',
        ],
        [
          `plan-signed:${first}:learner`,
          '2026-11-03T10:00:00.000Z',
          'Siobhán Ní Bhriain',
          'Learner signed the assessment plan for the visit on 20 Nov 2026 (drawn signature)',
        ],
        [
          `plan-signed:${first}:assessor`,
          '2026-11-03T10:05:00.000Z',
          'Priya Sharma',
          'Assessor signed the assessment plan for the visit on 20 Nov 2026 (drawn signature)',
        ],
        [
          `plan-signed:${first}:employer`,
          '2026-11-04T08:00:00.000Z',
          'Jo Patel',
          'Employer signed the assessment plan for the visit on 20 Nov 2026 (drawn signature)',
        ],
        // Agreed when the second of the learner's and the assessor's signatures was given.
        [
          `plan:${first}`,
          '2026-11-03T10:05:00.000Z',
          'Priya Sharma',
          'Assessment plan agreed for the visit on 20 Nov 2026, 2 criteria of Unit u1, naming Dr Funmi Adeyemi as expert witness',
        ],
        [
          `plan-drafted:${second}`,
          '2026-11-10T14:00:00.000Z',
          'Priya Sharma',
          'Assessment plan revised: version 2 drafted for the visit on 20 Nov 2026',
        ],
        [
          `plan-signed:${second}:learner`,
          '2026-11-11T09:00:00.000Z',
          'Siobhán Ní Bhriain',
          'Learner signed version 2 of the assessment plan for the visit on 20 Nov 2026 (drawn signature)',
        ],
      ]),
    );
    // Version 2 is not agreed yet: no agreement line for it.
    expect(entries.map((e) => e.key)).not.toContain(`plan:${second}`);
    expect(entries).toHaveLength(7);
    for (const e of entries) {
      expect(e.kind).toBe('plan');
      const plan = e.key.includes(second) ? second : first;
      expect(e.link).toEqual({
        query: { page: 'learners', learner: 'ln-1', tab: 'plans', plan },
        label: 'the assessment plan',
      });
    }
  });

  it('says which version an agreed revision replaces, and is one of the timeline’s sources', () => {
    const { p, second } = journey();
    const agreed = sign(p, second, 'assessor', '2026-11-11T09:30:00Z');
    const page = arrangeTimeline(context(agreed), timelineSources, { kinds: ['plan'] });
    expect(page.entries.find((e) => e.key === `plan:${second}`)).toMatchObject({
      at: '2026-11-11T09:30:00.000Z',
      what: expect.stringMatching(
        /^Assessment plan agreed for the visit on 20 Nov 2026 \(version 2, replacing version 1\)/,
      ),
    });
    expect(page.counts.plan).toBe(page.total);
    expect(page.total).toBe(9);
  });

  it('shows a plan kept before plans were signed as agreed on its day, with no signatures', () => {
    const old = assessmentPlanSchema.parse({
      id: 'ap-old',
      updatedAt: '2026-01-05T10:00:00Z',
      updatedBy: 'st-priya',
      agreedOn: '2026-01-05',
      unitIds: ['u1'],
      expertWitnessIds: ['wt-adeyemi'],
      notes: '',
    });
    const p = { ...newPortfolio('ln-1'), assessmentPlans: [old] };
    expect(planSource(context(p)).map((e) => [e.key, e.at, e.what])).toEqual([
      [
        'plan:ap-old',
        '2026-01-05',
        'Assessment plan agreed, for Unit u1, naming Dr Funmi Adeyemi as expert witness',
      ],
    ]);
  });
});
