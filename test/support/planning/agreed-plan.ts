import { createPlan, signPlan, type PlanContent } from '../../../src-main/planning/plans';
import type { Portfolio } from '../../../src-main/portfolio/portfolio-schema';
import type { Actor } from '../../../src-main/shared/record';
import { demoSignature } from '../../../src-main/demo/demo-signature';

export const emptyPlan: PlanContent = {
  visitDate: null,
  visitTime: '',
  place: '',
  unitIds: [],
  criteria: [],
  methods: [],
  witnessIds: [],
  expertWitnessIds: [],
  others: '',
  preparation: '',
  adjustments: '',
  agreedHow: '',
  notes: '',
};

/** A plan drafted, then signed by the learner and the assessor at `signedAt` (so agreed that day). */
export function agreePlan(
  portfolio: Portfolio,
  content: Partial<PlanContent>,
  actor: Actor,
  signedAt: Date,
): { portfolio: Portfolio; planId: string } {
  const made = createPlan(portfolio, { ...emptyPlan, ...content }, actor, signedAt);
  const people = { learnerName: 'The learner', actorName: 'The assessor' };
  let p = portfolio;
  p = signPlan(
    made.portfolio,
    made.plan.id,
    { role: 'learner', method: 'drawn', image: demoSignature(1) },
    people,
    { allowTyped: false },
    actor,
    signedAt,
  );
  p = signPlan(
    p,
    made.plan.id,
    { role: 'assessor', method: 'drawn', image: demoSignature(2) },
    people,
    { allowTyped: false },
    actor,
    signedAt,
  );
  return { portfolio: p, planId: made.plan.id };
}
