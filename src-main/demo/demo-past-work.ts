import type { StaffMember } from '../centre/centre-schema';
import { recordDecision, setUnitFeedback } from '../decision/marking';
import { targetsOf } from '../decision/targets';
import { addEvidence, type EvidenceDetails } from '../evidence/evidence-records';
import { setTargetsForEvidence } from '../mapping/mapping';
import type { Portfolio } from '../portfolio/portfolio-schema';
import { dayOf } from '../shared/record';
import type { StoredUnit } from '../unit/unit-schema';
import type { Workspace } from '../workspace/workspace';
import { asActor } from './demo-decisions';

const DAY = 86_400_000;
const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * DAY);

/** A learner's unit worked on before the EQA's last visit: what the visit sampled. */
export interface PastUnit {
  learnerId: string;
  unitId: string;
}

type Assessors = { qualified: StaffMember; workingTowards: StaffMember };

/** The two records the unit rests on: a professional discussion and an observation at work. */
function pastEvidence(
  first: string,
  workplace: string,
  assessor: string,
): Omit<EvidenceDetails, 'producedOn'>[] {
  return [
    {
      title: 'Professional discussion on every learning outcome',
      method: 'professional discussion',
      location: 'The training room',
      producedBy: assessor,
      record: `${first} talked through each learning outcome of the unit with examples from their own work: who their customers are, the standards and procedures the service keeps to, how problems and complaints are dealt with, and how the service is measured and improved.`,
    },
    {
      title: 'Observation: serving colleagues at work',
      method: 'direct observation',
      location: workplace,
      producedBy: assessor,
      record: `${first} dealt with requests from colleagues in other teams: agreed what they needed and by when, kept them informed, resolved a problem with a late order and asked for feedback afterwards.`,
    },
  ];
}

/** The evidence, the criteria met so far, the unit's feedback: all on days before the visit. */
function completeUnit(
  start: Portfolio,
  unit: StoredUnit,
  learner: { name: string; workplace: string },
  assessor: StaffMember,
  now: Date,
): Portfolio {
  const actor = asActor(assessor);
  const first = learner.name.split(' ')[0] ?? learner.name;
  const targets = targetsOf(unit).map((t) => ({
    unitId: unit.id,
    criterionRef: t.criterionRef,
    partRef: t.partRef,
  }));
  let p = start;
  for (const [i, details] of pastEvidence(first, learner.workplace, assessor.name).entries()) {
    const on = daysAgo(now, 150 - i * 10);
    const added = addEvidence(p, { ...details, producedOn: dayOf(on) }, null, actor, on);
    p = setTargetsForEvidence(added.portfolio, [unit], added.evidence.id, targets, actor, on);
  }
  const decided = daysAgo(now, 130);
  // Sampled part-way (interim): the last learning outcome was still to come.
  const last = unit.outcomes.at(-1)?.criteria.map((c) => c.ref) ?? [];
  for (const t of targetsOf(unit).filter((t) => !last.includes(t.criterionRef))) {
    const feedback = `Met: the discussion and the observation together show ${t.label}.`;
    const input = { criterionRef: t.criterionRef, partRef: t.partRef, outcome: 'met' as const };
    p = recordDecision(p, unit, { ...input, feedback }, actor, decided).portfolio;
  }
  return setUnitFeedback(
    p,
    unit,
    {
      feedback:
        'Good progress: a thorough discussion and confident work with colleagues. Next: the last learning outcome.',
      learnerComments: 'The discussion helped me see why our procedures are written as they are.',
    },
    actor,
    decided,
  );
}

/**
 * Work two learners did months before the EQA's last visit, on the unit besides the
 * external-customers one that each is registered on: evidence, decisions and feedback on every
 * learning outcome but the last, all dated before the visit's pack was made. The visit samples
 * these units (interim), so its pack shows only what existed when it was made.
 */
export async function addDemoPastWork(
  workspace: Workspace,
  others: readonly (StoredUnit | undefined)[],
  assessors: Assessors,
  now: Date,
): Promise<PastUnit[]> {
  const done: PastUnit[] = [];
  // A learner of each assessor: one qualified, one working towards the award.
  for (const index of [2, 3]) {
    const learner = workspace.centre.learners[index];
    const unit = others[index % 2];
    if (!learner || !unit) continue;
    const doc = await workspace.portfolio(learner.id);
    const assessorId = doc.data.registrations.find((r) => r.unitId === unit.id)?.assessorId;
    const assessor =
      assessorId === assessors.qualified.id ? assessors.qualified : assessors.workingTowards;
    await doc.update((start) => completeUnit(start, unit, learner, assessor, now));
    done.push({ learnerId: learner.id, unitId: unit.id });
  }
  return done;
}
