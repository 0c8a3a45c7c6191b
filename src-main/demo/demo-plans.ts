import type { Portfolio } from '../portfolio/portfolio-schema';
import { targetsOf } from '../decision/targets';
import { createPlan, linkEvidence, signPlan, type PlanContent } from '../planning/plans';
import type { Actor } from '../shared/record';
import type { StoredUnit } from '../unit/unit-schema';
import type { Workspace } from '../workspace/workspace';
import { demoSignature } from './demo-signature';
import { ukToday } from '../kernel/dates';

const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

const blank: PlanContent = {
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

const minutesBefore = (moment: Date, minutes: number) =>
  new Date(moment.getTime() - minutes * 60_000);

/**
 * A plan drafted and then signed by the learner and the assessor (drawn), through the same
 * functions the Plans tab calls, so it is agreed on the day it was signed: drafted half an hour
 * before, the learner signing just before the assessor, as a meeting goes.
 */
async function agreedPlan(
  workspace: Workspace,
  learnerId: string,
  content: Partial<PlanContent>,
  signedAt: Date,
  seed: number,
): Promise<string | null> {
  const learner = workspace.centre.learners.find((l) => l.id === learnerId);
  const doc = await workspace.portfolio(learnerId);
  const assessorId = doc.data.registrations[0]?.assessorId;
  const assessor = workspace.centre.staff.find((s) => s.id === assessorId);
  if (!learner || !assessor) return null;
  const actor: Actor = { id: assessor.id, role: 'assessor' };
  const people = { learnerName: learner.name, actorName: assessor.name };
  const options = { allowTyped: false };
  let id: string | null = null;
  await doc.update((start) => {
    const made = createPlan(start, { ...blank, ...content }, actor, minutesBefore(signedAt, 30));
    id = made.plan.id;
    let p: Portfolio = signPlan(
      made.portfolio,
      made.plan.id,
      { role: 'learner', method: 'drawn', image: demoSignature(seed) },
      people,
      options,
      actor,
      minutesBefore(signedAt, 5),
    );
    p = signPlan(
      p,
      made.plan.id,
      { role: 'assessor', method: 'drawn', image: demoSignature(seed + 5) },
      people,
      options,
      actor,
      signedAt,
    );
    return p;
  });
  return id;
}

/**
 * Siobhán's first plan, agreed five weeks ago: her expert witness is named in it before the
 * activity, in a quiet room as her recorded needs ask.
 */
export async function addSiobhanPlan(
  workspace: Workspace,
  learnerId: string,
  unit: { id: string },
  expertWitnessId: string,
  lineManagerId: string,
  now: Date,
): Promise<void> {
  const learner = workspace.centre.learners.find((l) => l.id === learnerId);
  await agreedPlan(
    workspace,
    learnerId,
    {
      visitDate: ukToday(daysAgo(now, 12)),
      visitTime: '11:00',
      place: `${learner?.workplace ?? 'The workplace'}, customer service desk`,
      unitIds: [unit.id],
      criteria: ['7.4', '9.1', '8.1', '8.2', '8.3'].map((criterionRef) => ({
        unitId: unit.id,
        criterionRef,
        partRef: null,
      })),
      methods: ['direct observation', 'witness testimony', 'expert witness testimony'],
      witnessIds: [lineManagerId],
      expertWitnessIds: [expertWitnessId],
      preparation: 'Bring two examples of complaints you have handled and how they ended.',
      adjustments: 'Observation and discussion in a quiet room (hearing impairment).',
      agreedHow: 'Face to face at the workplace, with her line manager present.',
      notes: 'Dr Adeyemi to witness complaint handling on the shop floor.',
    },
    daysAgo(now, 35),
    21,
  );
}

/**
 * Amara's plan for the practical demonstration she has since done: every criterion it named
 * has a decision, and the demonstration is linked to it.
 */
export async function addAmaraPlan(
  workspace: Workspace,
  unit: StoredUnit,
  now: Date,
): Promise<void> {
  const learner = workspace.centre.learners.find((l) => l.name === 'Amara Okafor');
  if (!learner) return;
  const visit = daysAgo(now, 10);
  const id = await agreedPlan(
    workspace,
    learner.id,
    {
      visitDate: ukToday(visit),
      visitTime: '09:30',
      place: `${learner.workplace || 'The workplace'}, customer desk`,
      unitIds: [unit.id],
      criteria: targetsOf(unit).map((t) => ({
        unitId: unit.id,
        criterionRef: t.criterionRef,
        partRef: t.partRef,
      })),
      methods: ['practical demonstration', 'oral questions'],
      preparation: 'Keep your complaints log to hand for questions afterwards.',
      agreedHow: 'Face to face at the previous review.',
    },
    daysAgo(now, 14),
    31,
  );
  if (!id) return;
  const doc = await workspace.portfolio(learner.id);
  const demonstration = doc.data.evidence.find((e) => e.method === 'practical demonstration');
  const assessorId = doc.data.registrations[0]?.assessorId;
  if (!demonstration || !assessorId) return;
  await doc.update((p) =>
    linkEvidence(p, id!, demonstration.id, true, { id: assessorId, role: 'assessor' }, now),
  );
}
