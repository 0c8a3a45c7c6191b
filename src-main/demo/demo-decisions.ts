import type { StaffMember } from '../centre/centre-schema';
import { recordDecision, setUnitFeedback } from '../decision/marking';
import { countersignUnit, signDeclaration, signOffUnit } from '../decision/sign-off-actions';
import type { Prover } from '../shared/proof';
import { targetsOf } from '../decision/targets';
import { addEvidence } from '../evidence/evidence-records';
import { setEvidenceForTarget } from '../mapping/mapping';
import type { Portfolio } from '../portfolio/portfolio-schema';
import type { Actor } from '../shared/record';
import type { StoredUnit } from '../unit/unit-schema';
import type { Workspace } from '../workspace/workspace';
import { demoSignature } from './demo-signature';

type Stage = 'part-way' | 'ready' | 'signed-off' | 'countersigned' | 'awaiting-countersignature';

/** Which demo learner (in the order they were added) is at which stage; the rest just started. */
const stages: (Stage | null)[] = [
  'ready',
  'part-way',
  'signed-off',
  'countersigned',
  null,
  'awaiting-countersignature',
];

export const asActor = (person: StaffMember): Actor => ({ id: person.id, role: 'assessor' });

/** A practical demonstration covering every criterion and part, so the unit can be completed. */
function addDemonstration(
  portfolio: Portfolio,
  unit: StoredUnit,
  name: string,
  actor: Actor,
  now: Date,
) {
  const first = name.split(' ')[0] ?? name;
  const day = new Date(now.getTime() - 3 * 86_400_000).toISOString().slice(0, 10);
  const { portfolio: added, evidence } = addEvidence(
    portfolio,
    {
      title: 'Practical demonstration: a full customer service shift',
      producedOn: day,
      method: 'practical demonstration',
      location: 'The workplace',
      producedBy: 'Assessor',
      record: `${first} ran the customer desk for a full shift while observed: identified needs, agreed timescales, dealt with two complaints by the procedure, gathered feedback and explained how the service could improve. Questions afterwards covered the legislation, the complaints procedure and how feedback is used.`,
    },
    null,
    actor,
    now,
  );
  let result = added;
  for (const target of targetsOf(unit)) {
    const existing = result.mappings
      .filter(
        (m) =>
          !m.removed &&
          m.unitId === unit.id &&
          m.criterionRef === target.criterionRef &&
          m.partRef === target.partRef,
      )
      .map((m) => m.evidenceId);
    result = setEvidenceForTarget(
      result,
      [unit],
      { unitId: unit.id, criterionRef: target.criterionRef, partRef: target.partRef },
      [...existing, evidence.id],
      actor,
      now,
    );
  }
  return result;
}

function markAll(portfolio: Portfolio, unit: StoredUnit, actor: Actor, now: Date): Portfolio {
  return targetsOf(unit).reduce(
    (p, t) =>
      recordDecision(
        p,
        unit,
        {
          criterionRef: t.criterionRef,
          partRef: t.partRef,
          outcome: 'met',
          feedback: `Met: the practical demonstration shows ${t.label} clearly.`,
        },
        actor,
        now,
      ).portfolio,
    portfolio,
  );
}

function partWay(portfolio: Portfolio, unit: StoredUnit, actor: Actor, now: Date): Portfolio {
  const decide = (p: Portfolio, ref: string, outcome: 'met' | 'not-yet-met', feedback: string) =>
    recordDecision(p, unit, { criterionRef: ref, partRef: null, outcome, feedback }, actor, now)
      .portfolio;
  let p = decide(portfolio, '7.1', 'met', 'Clear from the observation and the customer email.');
  p = decide(p, '7.2', 'met', 'Timescales agreed and kept to, as observed.');
  p = decide(p, '4.1', 'met', 'The photo and the discussion show the service standards.');
  p = decide(
    p,
    '7.3',
    'not-yet-met',
    'Further evidence required: the testimony and email do not show what you did when a timescale slipped. Bring an example to our next visit.',
  );
  p = decide(
    p,
    '5.1',
    'not-yet-met',
    'Further evidence required: the reflective account names the procedure but does not describe it. Write out its steps.',
  );
  return setUnitFeedback(
    p,
    unit,
    {
      feedback:
        'Good progress on learning outcome 7. Next visit: a practical demonstration at the desk, and questions on learning outcomes 1 to 3.',
      learnerComments: 'I will ask my manager about a quiet afternoon for the observation.',
    },
    actor,
    now,
  );
}

function signAndSignOff(
  portfolio: Portfolio,
  unit: StoredUnit,
  assessor: StaffMember,
  seed: number,
  now: Date,
  prove: Prover,
): Portfolio {
  const actor = asActor(assessor);
  const options = { allowTyped: false };
  let p = signDeclaration(
    portfolio,
    unit,
    {
      purpose: 'learner-declaration',
      personId: portfolio.learnerId,
      method: 'drawn',
      image: demoSignature(seed),
    },
    options,
    actor,
    now,
  );
  p = signDeclaration(
    p,
    unit,
    {
      purpose: 'assessor-declaration',
      personId: assessor.id,
      method: 'drawn',
      image: demoSignature(seed + 7),
    },
    options,
    actor,
    now,
  );
  return signOffUnit(p, unit, actor, now, prove);
}

/**
 * Decisions for the demo learners, each at another stage of a unit, made through the same
 * domain functions the marking screen calls: just started, part-way with not-yet-met criteria
 * and feedback, ready to sign off, signed off and locked, awaiting and given countersignature.
 */
export async function addDemoDecisions(
  workspace: Workspace,
  unit: StoredUnit,
  assessors: { qualified: StaffMember; workingTowards: StaffMember },
  now: Date,
  prove: Prover,
): Promise<void> {
  for (const [index, learner] of workspace.centre.learners.entries()) {
    const stage = stages[index];
    if (!stage) continue;
    const doc = await workspace.portfolio(learner.id);
    const assessorId = doc.data.registrations.find((r) => r.unitId === unit.id)?.assessorId;
    const assessor =
      assessorId === assessors.qualified.id ? assessors.qualified : assessors.workingTowards;
    const actor = asActor(assessor);
    await doc.update((start) => {
      if (stage === 'part-way') return partWay(start, unit, actor, now);
      let p = markAll(addDemonstration(start, unit, learner.name, actor, now), unit, actor, now);
      p = setUnitFeedback(
        p,
        unit,
        {
          feedback:
            'Every criterion is met. The demonstration, the observation and your reflective account together show competent, consistent customer service.',
          learnerComments: 'Thank you: the feedback after each visit helped.',
        },
        actor,
        now,
      );
      if (stage === 'ready') return p;
      p = signAndSignOff(p, unit, assessor, index, now, prove);
      if (stage !== 'countersigned') return p;
      return countersignUnit(
        p,
        unit,
        workspace.centre.staff,
        { method: 'drawn', image: demoSignature(index + 13) },
        { allowTyped: false },
        asActor(assessors.qualified),
        now,
        prove,
      );
    });
  }
}
