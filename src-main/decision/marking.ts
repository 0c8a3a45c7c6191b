import { UserError } from '../kernel/user-error';
import { auditEntry } from '../audit/audit';
import type { Portfolio } from '../portfolio/portfolio-schema';
import { registeredUnit } from '../portfolio/registered-units';
import { newId } from '../shared/ids';
import { dayOf, newUnitRecord, stamp, type Actor } from '../shared/record';
import type { StoredUnit } from '../unit/unit-schema';
import type { CriterionDecision, UnitFeedback } from '../portfolio/decision-schema';
import { assertUnitUnlocked } from './lock';
import { decisionOf, latestDecisions, markingContext } from './marking-context';
import { canMarkMet } from './marking-rules';
import type { DecisionStatus, Target } from './marking-types';
import { targetsOf } from './targets';
import { appended } from '../shared/appended-list';
import { criterionLabel } from '../kernel/criterion-key';
import { findCriterion } from '../unit/unit-outline';

const label = (t: { criterionRef: string; partRef: string | null }) =>
  `criterion ${criterionLabel(t.criterionRef, t.partRef)}`;

function findTarget(unit: StoredUnit, criterionRef: string, partRef: string | null): Target {
  const target = targetsOf(unit).find(
    (t) => t.criterionRef === criterionRef && t.partRef === partRef,
  );
  if (target) return target;
  const criterion = findCriterion(unit, criterionRef);
  throw new UserError(
    'invalid-input',
    criterion && partRef === null
      ? `Criterion ${criterionRef} has parts: decide on each part (${criterion.parts.map((p) => p.ref).join(', ')}).`
      : `${label({ criterionRef, partRef })} is not in ${unit.title} (version ${unit.version}).`,
  );
}

export function assertAssessor(actor: Actor, what: string): void {
  if (actor.role !== 'assessor') {
    throw new UserError('forbidden', `Only an assessor can ${what}. Switch to an assessor first.`);
  }
}

export function assertRegistered(portfolio: Portfolio, unit: StoredUnit): void {
  if (!registeredUnit({ portfolio, units: [unit] }, unit.id)) {
    throw new UserError(
      'invalid-input',
      `The learner is not registered on ${unit.title} (version ${unit.version}). Register them on the unit first.`,
    );
  }
}

export interface DecisionInput {
  criterionRef: string;
  partRef: string | null;
  outcome: DecisionStatus;
  /** The assessment date; today when not given. */
  decidedOn?: string;
  /** Kept from the standing decision when not given. */
  feedback?: string;
}

/** "Met" only where the marking rules allow it; `refused` opens the message ("Not undone: "). */
export function assertMayBeMet(
  portfolio: Portfolio,
  unit: StoredUnit,
  target: Target,
  today: string,
  refused: string,
): void {
  const allowed = canMarkMet(markingContext(portfolio, unit, today), target);
  if (!allowed.ok) throw new UserError('conflict', `${refused}${allowed.reason}`);
}

/** What a decision's audit entry is about: the learner, the unit, the criterion or part. */
export function decisionSubject(portfolio: Portfolio, unit: StoredUnit, target: Target) {
  return {
    learnerId: portfolio.learnerId,
    unitId: unit.id,
    criterionRef: target.criterionRef,
    ...(target.partRef ? { partRef: target.partRef } : {}),
  };
}

/**
 * Records the assessor's decision on one criterion or part, appended to the ones before it.
 * "Met" needs evidence mapped to the target; a signed-off unit refuses any change.
 */
export function recordDecision(
  portfolio: Portfolio,
  unit: StoredUnit,
  input: DecisionInput,
  actor: Actor,
  now: Date,
): { portfolio: Portfolio; decision: CriterionDecision } {
  assertAssessor(actor, 'record decisions');
  assertRegistered(portfolio, unit);
  assertUnitUnlocked(portfolio, unit.id, unit.title);
  const target = findTarget(unit, input.criterionRef, input.partRef);
  const today = dayOf(now);
  if (input.outcome === 'met') assertMayBeMet(portfolio, unit, target, today, '');
  const before = decisionOf(
    latestDecisions(portfolio, unit.id),
    target.criterionRef,
    target.partRef,
  );
  const decision: CriterionDecision = {
    ...newUnitRecord('dc', unit, actor, now),
    criterionRef: target.criterionRef,
    partRef: target.partRef,
    outcome: input.outcome,
    decidedOn: input.decidedOn ?? today,
    assessorId: actor.id,
    feedback: input.feedback ?? before?.feedback ?? '',
  };
  const shown = (d: CriterionDecision | undefined) =>
    d
      ? { outcome: d.outcome, decidedOn: d.decidedOn, feedback: d.feedback }
      : { outcome: 'not-assessed' };
  const outcomeChanged = (before?.outcome ?? 'not-assessed') !== decision.outcome;
  const action =
    outcomeChanged || before?.decidedOn !== decision.decidedOn
      ? 'recorded decision'
      : 'changed feedback';
  return {
    decision,
    portfolio: {
      ...portfolio,
      decisions: appended(portfolio.decisions, decision),
      audit: appended(
        portfolio.audit,
        auditEntry(actor, now, action, label(target), {
          before: shown(before),
          after: shown(decision),
          subject: decisionSubject(portfolio, unit, target),
        }),
      ),
    },
  };
}

export function unitFeedbackOf(portfolio: Portfolio, unitId: string): UnitFeedback | null {
  return portfolio.unitFeedback.find((f) => f.unitId === unitId) ?? null;
}

/** The assessor's feedback on the unit and the learner's comments, one record per unit. */
export function setUnitFeedback(
  portfolio: Portfolio,
  unit: StoredUnit,
  change: { feedback?: string; learnerComments?: string },
  actor: Actor,
  now: Date,
): Portfolio {
  assertRegistered(portfolio, unit);
  assertUnitUnlocked(portfolio, unit.id, unit.title);
  const existing = unitFeedbackOf(portfolio, unit.id);
  const after: UnitFeedback = {
    id: existing?.id ?? newId('uf'),
    ...stamp(actor, now),
    unitId: unit.id,
    feedback: change.feedback ?? existing?.feedback ?? '',
    learnerComments: change.learnerComments ?? existing?.learnerComments ?? '',
  };
  if (
    existing &&
    existing.feedback === after.feedback &&
    existing.learnerComments === after.learnerComments
  ) {
    return portfolio;
  }
  const before = {
    feedback: existing?.feedback ?? '',
    learnerComments: existing?.learnerComments ?? '',
  };
  return {
    ...portfolio,
    unitFeedback: existing
      ? portfolio.unitFeedback.map((f) => (f.id === existing.id ? after : f))
      : [...portfolio.unitFeedback, after],
    audit: appended(
      portfolio.audit,
      auditEntry(actor, now, 'changed unit feedback', `unit ${unit.id}`, {
        before,
        after: { feedback: after.feedback, learnerComments: after.learnerComments },
        subject: { learnerId: portfolio.learnerId, unitId: unit.id },
      }),
    ),
  };
}
