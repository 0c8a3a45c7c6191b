import { UserError } from '../kernel/user-error';
import { auditEntry } from '../audit/audit';
import type { Portfolio } from '../portfolio/portfolio-schema';
import { dayOf, newUnitRecord, type Actor } from '../shared/record';
import type { StoredUnit } from '../unit/unit-schema';
import type { CriterionDecision } from '../portfolio/decision-schema';
import { assertUnitUnlocked } from './lock';
import { assertAssessor, assertMayBeMet, assertRegistered, decisionSubject } from './marking';
import { targetsOf } from './targets';
import { appended } from '../shared/appended-list';
import { criterionKey, criterionLabel } from '../kernel/criterion-key';

/** What a criterion or part stood at: nothing recorded, or an outcome, date and feedback. */
type Standing = Pick<CriterionDecision, 'outcome' | 'decidedOn' | 'feedback'> | null;

/** One change an assessor can undo: a decision, or one stretch of typing in its feedback. */
export interface UndoStep {
  criterionRef: string;
  partRef: string | null;
  before: Standing;
  after: Standing;
  /** The last decision record the step is made of. */
  lastId: string;
  feedbackOnly: boolean;
}

export interface UndoStacks {
  undo: UndoStep[];
  redo: UndoStep[];
}

const standingOf = (d: CriterionDecision | undefined): Standing =>
  d ? { outcome: d.outcome, decidedOn: d.decidedOn, feedback: d.feedback } : null;

const outcomeOf = (s: Standing) => s?.outcome ?? 'not-assessed';
const feedbackOf = (s: Standing) => s?.feedback ?? '';
const dateOf = (s: Standing) => (outcomeOf(s) === 'not-assessed' ? null : (s?.decidedOn ?? null));

/** Two standings read the same on screen: the same outcome, date (when decided) and feedback. */
function sameStanding(a: Standing, b: Standing): boolean {
  return (
    outcomeOf(a) === outcomeOf(b) && dateOf(a) === dateOf(b) && feedbackOf(a) === feedbackOf(b)
  );
}

/**
 * The actor's own changes to one unit's decisions that Undo and Redo step through, read from
 * the decisions on file (so they are the same after a reload or on another computer). Typing
 * in one criterion's feedback, saved in pauses, is one step; a change that changed nothing is none.
 */
export function undoStacks(portfolio: Portfolio, unitId: string, actorId: string): UndoStacks {
  const standing = new Map<string, CriterionDecision>();
  const undo: UndoStep[] = [];
  let redo: UndoStep[] = [];
  for (const d of portfolio.decisions) {
    if (d.unitId !== unitId) continue;
    const key = criterionKey(d.criterionRef, d.partRef);
    const previous = standing.get(key);
    // The same rule as the decision that stands (latest-decisions.ts): an older one never replaces it.
    if (previous && previous.updatedAt > d.updatedAt) continue;
    standing.set(key, d);
    if (d.assessorId !== actorId) continue;
    const before = standingOf(previous);
    const after = standingOf(d);
    if (d.revises?.kind === 'undo') {
      const step = undo.pop();
      if (step) redo.push(step);
      continue;
    }
    if (d.revises?.kind === 'redo') {
      const step = redo.pop();
      if (step) undo.push({ ...step, lastId: d.id });
      continue;
    }
    if (sameStanding(before, after)) continue;
    const feedbackOnly = outcomeOf(before) === outcomeOf(after) && dateOf(before) === dateOf(after);
    const top = undo.at(-1);
    redo = [];
    if (
      feedbackOnly &&
      top?.feedbackOnly &&
      top.criterionRef === d.criterionRef &&
      top.partRef === d.partRef
    ) {
      undo[undo.length - 1] = { ...top, after, lastId: d.id };
      continue;
    }
    undo.push({
      criterionRef: d.criterionRef,
      partRef: d.partRef,
      before,
      after,
      lastId: d.id,
      feedbackOnly,
    });
  }
  return { undo, redo };
}

const labelOf = (s: { criterionRef: string; partRef: string | null }) =>
  criterionLabel(s.criterionRef, s.partRef);

const outcomeWords: Record<string, string> = {
  met: 'met',
  'not-yet-met': 'not yet met',
  'not-assessed': 'not yet assessed',
};

/** What undoing or redoing a step changes, in the assessor's words ("the decision on 7.4 (back to met)"). */
export function describeStep(step: UndoStep, direction: 'undo' | 'redo'): string {
  if (step.feedbackOnly) return `the feedback on ${labelOf(step)}`;
  const to = outcomeWords[outcomeOf(direction === 'undo' ? step.before : step.after)];
  return `the decision on ${labelOf(step)} (${direction === 'undo' ? 'back to' : 'again'} ${to})`;
}

/** The actor's last step to undo or redo on the unit; refused when there is none. */
function nextStep(
  portfolio: Portfolio,
  unit: StoredUnit,
  direction: 'undo' | 'redo',
  actorId: string,
): UndoStep {
  const stacks = undoStacks(portfolio, unit.id, actorId);
  const step = (direction === 'undo' ? stacks.undo : stacks.redo).at(-1);
  if (!step) {
    throw new UserError(
      'conflict',
      direction === 'undo'
        ? `You have made no change to ${unit.title} that can be undone.`
        : 'There is nothing to redo: nothing has been undone since your last change.',
    );
  }
  return step;
}

/** The decision that stands now on the step's criterion (or part), if any. */
function standingDecision(portfolio: Portfolio, unitId: string, step: UndoStep) {
  const key = criterionKey(step.criterionRef, step.partRef);
  return portfolio.decisions
    .filter((d) => d.unitId === unitId && criterionKey(d.criterionRef, d.partRef) === key)
    .reduce<CriterionDecision | undefined>(
      (seen, d) => (!seen || seen.updatedAt <= d.updatedAt ? d : seen),
      undefined,
    );
}

/** A standing as the audit trail shows it. */
const shown = (s: Standing) =>
  s && s.outcome !== 'not-assessed'
    ? { outcome: s.outcome, decidedOn: s.decidedOn, feedback: s.feedback }
    : { outcome: 'not-assessed', feedback: feedbackOf(s) };

/**
 * Undoes or redoes the actor's own last change to a unit's decisions, as a decision of its own
 * that says which it reverses, on the audit trail as "undid decision" or "redid decision".
 * Refused when someone else has changed that criterion since, so no one's change is lost.
 */
export function stepDecision(
  portfolio: Portfolio,
  unit: StoredUnit,
  direction: 'undo' | 'redo',
  actor: Actor,
  now: Date,
): { portfolio: Portfolio; target: { criterionRef: string; partRef: string | null } } {
  assertAssessor(actor, direction === 'undo' ? 'undo decisions' : 'redo decisions');
  assertRegistered(portfolio, unit);
  assertUnitUnlocked(portfolio, unit.id, unit.title);
  const step = nextStep(portfolio, unit, direction, actor.id);
  const target = targetsOf(unit).find(
    (t) => t.criterionRef === step.criterionRef && t.partRef === step.partRef,
  );
  if (!target) {
    throw new UserError('conflict', `${labelOf(step)} is no longer in ${unit.title}.`);
  }
  const current = standingDecision(portfolio, unit.id, step);
  const from = direction === 'undo' ? step.after : step.before;
  const to = direction === 'undo' ? step.before : step.after;
  if (!sameStanding(standingOf(current), from)) {
    throw new UserError(
      'conflict',
      `${labelOf(step)} has been changed since, on another computer or by someone else, so nothing was ${direction === 'undo' ? 'undone' : 'redone'}.`,
    );
  }
  const today = dayOf(now);
  if (outcomeOf(to) === 'met') {
    assertMayBeMet(
      portfolio,
      unit,
      target,
      today,
      direction === 'undo' ? 'Not undone: ' : 'Not redone: ',
    );
  }
  const decision: CriterionDecision = {
    ...newUnitRecord('dc', unit, actor, now),
    criterionRef: step.criterionRef,
    partRef: step.partRef,
    outcome: outcomeOf(to),
    decidedOn: to?.decidedOn ?? today,
    assessorId: actor.id,
    feedback: feedbackOf(to),
    revises: { kind: direction, decisionId: step.lastId },
  };
  const audit = auditEntry(
    actor,
    now,
    direction === 'undo' ? 'undid decision' : 'redid decision',
    `criterion ${labelOf(target)}`,
    {
      before: shown(standingOf(current)),
      after: shown(to),
      subject: decisionSubject(portfolio, unit, target),
    },
  );
  return {
    target: { criterionRef: step.criterionRef, partRef: step.partRef },
    portfolio: {
      ...portfolio,
      decisions: appended(portfolio.decisions, decision),
      audit: appended(portfolio.audit, audit),
    },
  };
}
