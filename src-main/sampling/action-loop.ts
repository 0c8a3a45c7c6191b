import { UserError } from '../kernel/user-error';
import type { ActionPoint, SampleReview } from './review-schema';
import { formatDate } from '../kernel/dates';

/**
 * The loop an action point goes round: the IQA raises it, its owner (usually the assessor)
 * answers, and the IQA closes it or reopens it. Each step returns a new action point.
 */

export interface NewActionPoint {
  id: string;
  sampleId: string;
  what: string;
  owner: string;
  raisedBy: string;
  raisedOn: string;
  due: string;
}

export function raiseAction(input: NewActionPoint): ActionPoint {
  if (!input.what.trim()) throw new UserError('invalid-input', 'Say what needs to be done.');
  if (input.due < input.raisedOn) {
    throw new UserError(
      'invalid-input',
      `The due date ${formatDate(input.due)} is before the day the action is raised. Choose a later date.`,
    );
  }
  return { ...input, what: input.what.trim(), state: 'open', history: [] };
}

function refuseIfClosed(action: ActionPoint, doing: string): void {
  if (action.state === 'closed') {
    throw new UserError(
      'conflict',
      `This action point was closed on ${formatDate(action.closedOn ?? action.raisedOn)}, so it cannot be ${doing}. Ask the IQA to reopen it if more needs doing.`,
    );
  }
}

export function respondToAction(
  action: ActionPoint,
  response: { by: string; on: string; text: string },
): ActionPoint {
  refuseIfClosed(action, 'answered');
  if (response.by !== action.owner) {
    throw new UserError(
      'forbidden',
      'Only the person this action point is for can answer it. The IQA closes or reopens it.',
    );
  }
  if (!response.text.trim()) {
    throw new UserError('invalid-input', 'Write what you have done about the action point.');
  }
  return {
    ...action,
    state: 'answered',
    history: [...action.history, { kind: 'response', ...response, text: response.text.trim() }],
  };
}

/** The owner cannot close their own action: someone else must be satisfied it is done. */
export function closeAction(
  action: ActionPoint,
  closing: { by: string; on: string; note?: string },
): ActionPoint {
  refuseIfClosed(action, 'closed again');
  if (closing.by === action.owner) {
    throw new UserError(
      'forbidden',
      'You cannot close an action point that is yours to do. The IQA closes it once satisfied.',
    );
  }
  if (closing.on < action.raisedOn) {
    throw new UserError(
      'invalid-input',
      `The action point was raised on ${formatDate(action.raisedOn)}; it cannot be closed before then.`,
    );
  }
  return {
    ...action,
    state: 'closed',
    closedOn: closing.on,
    history: [
      ...action.history,
      { kind: 'closed', by: closing.by, on: closing.on, text: closing.note?.trim() ?? '' },
    ],
  };
}

export function reopenAction(
  action: ActionPoint,
  reopening: { by: string; on: string; reason: string; due?: string },
): ActionPoint {
  if (action.state !== 'closed') {
    throw new UserError(
      'conflict',
      'This action point is still open, so there is nothing to reopen.',
    );
  }
  if (reopening.by === action.owner) {
    throw new UserError('forbidden', 'Only the IQA can reopen an action point.');
  }
  if (!reopening.reason.trim()) {
    throw new UserError('invalid-input', 'Say why the action point is being reopened.');
  }
  const { closedOn: _closedOn, ...rest } = action;
  return {
    ...rest,
    state: 'open',
    due: reopening.due ?? action.due,
    history: [
      ...action.history,
      { kind: 'reopened', by: reopening.by, on: reopening.on, text: reopening.reason.trim() },
    ],
  };
}

/**
 * Overdue means still waiting on its owner after the due date. An answered action waits on the
 * IQA instead, so it is not counted against the assessor.
 */
export function isOverdue(action: ActionPoint, today: string): boolean {
  return action.state === 'open' && action.due < today;
}

export function overdueActions(actions: readonly ActionPoint[], today: string): ActionPoint[] {
  return actions
    .filter((a) => isOverdue(a, today))
    .sort((x, y) => (x.due < y.due ? -1 : x.due > y.due ? 1 : x.id < y.id ? -1 : 1));
}

/** What an assessor sees on their list: everything of theirs not yet closed. */
export function openActionsFor(owner: string, actions: readonly ActionPoint[]): ActionPoint[] {
  return actions.filter((a) => a.owner === owner && a.state !== 'closed');
}

export function actionsOf(reviews: readonly SampleReview[]): ActionPoint[] {
  return reviews.flatMap((r) => r.actionPoints);
}

/** Applies one step of the loop to an action point held inside its review. */
export function updateActionInReview(
  review: SampleReview,
  actionId: string,
  step: (action: ActionPoint) => ActionPoint,
): SampleReview {
  const action = review.actionPoints.find((a) => a.id === actionId);
  if (!action) {
    throw new UserError(
      'not-found',
      'That action point is not on this review. Reload and try again.',
    );
  }
  return {
    ...review,
    actionPoints: review.actionPoints.map((a) => (a.id === actionId ? step(a) : a)),
  };
}

/** The audit trail's words for one step of the action loop, for an IQA or an EQA action. */
export function actionStepWords(kind: 'respond' | 'close' | 'reopen', noun: string): string {
  const verb = kind === 'respond' ? 'answered' : kind === 'close' ? 'closed' : 'reopened';
  return `${verb} ${noun}`;
}
