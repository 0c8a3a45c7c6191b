import { auditEntry } from '../audit/audit';
import { UserError } from '../kernel/user-error';
import {
  actionStepWords,
  closeAction,
  isOverdue,
  reopenAction,
  respondToAction,
} from '../sampling/action-loop';
import type { ActionStep } from '../sampling/review-operations';
import type { ActionItemView } from '../sampling/sampling-views';
import { dayOf, stamp, type Actor } from '../shared/record';
import type { Workspace } from '../workspace/workspace';
import { listVisits, visitDoc } from './visit-store';
import type { VisitAction, VisitFile } from './visit-schema';

/** An EQA action as the action-point screens show it, beside the IQA's. */
export function visitActionItem(
  workspace: Workspace,
  visit: VisitFile,
  action: VisitAction,
  today: string,
): ActionItemView {
  const person = (id: string) => workspace.centre.staff.find((s) => s.id === id)?.name;
  const eqaName = visit.report?.report.eqa.name ?? action.raisedBy;
  const visitedOn = visit.report?.report.visitedOn ?? visit.packMadeAt.slice(0, 10);
  const { from: _from, ownerAsWritten, ...point } = action;
  const matched = person(action.owner);
  return {
    ...point,
    planId: visit.id,
    learnerId: '',
    unitId: '',
    learnerName: '',
    unitTitle: '',
    ownerName:
      matched && matched.toLowerCase() === ownerAsWritten.trim().toLowerCase()
        ? matched
        : `${matched ?? action.owner} (for “${ownerAsWritten}”)`,
    raisedByName: `${eqaName} (EQA)`,
    overdue: isOverdue(action, today),
    feedbackToAssessor: '',
    fromEqa: { visitId: visit.id, visitedOn, eqaName },
  };
}

/** Every EQA action, or only the user's not yet closed, oldest due first. */
export async function visitActionItems(
  workspace: Workspace,
  today: string,
  ownerId?: string,
): Promise<ActionItemView[]> {
  const { visits } = await listVisits(workspace);
  return visits
    .flatMap((v) =>
      v.actions
        .filter((a) => !ownerId || (a.owner === ownerId && a.state !== 'closed'))
        .map((a) => visitActionItem(workspace, v, a, today)),
    )
    .sort((x, y) => (x.due < y.due ? -1 : x.due > y.due ? 1 : 0));
}

/** One turn of the loop on an EQA action: its owner answers; an IQA closes or reopens it. */
export async function stepVisitAction(
  workspace: Workspace,
  visitId: string,
  actionId: string,
  step: ActionStep,
  actor: Actor,
  now: Date,
): Promise<ActionItemView> {
  const on = dayOf(now);
  if (step.kind !== 'respond' && actor.role !== 'iqa') {
    throw new UserError(
      'forbidden',
      'Only an internal quality assurer closes or reopens an EQA action, once satisfied it is done.',
    );
  }
  const doc = await visitDoc(workspace, visitId);
  const action = doc.data.actions.find((a) => a.id === actionId);
  if (!action) {
    throw new UserError('not-found', 'That EQA action is not on this visit. Reload and try again.');
  }
  const stepped =
    step.kind === 'respond'
      ? respondToAction(action, { by: actor.id, on, text: step.text })
      : step.kind === 'close'
        ? closeAction(action, { by: actor.id, on, note: step.note })
        : reopenAction(action, { by: actor.id, on, reason: step.reason, due: step.due });
  const after: VisitAction = { ...stepped, from: 'eqa', ownerAsWritten: action.ownerAsWritten };
  const saved = await doc.update((file) => ({
    ...file,
    ...stamp(actor, now),
    actions: file.actions.map((a) => (a.id === actionId ? after : a)),
    audit: [
      ...file.audit,
      auditEntry(actor, now, actionStepWords(step.kind, 'EQA action'), `EQA action ${actionId}`, {
        after: { state: after.state },
      }),
    ],
  }));
  return visitActionItem(workspace, saved, after, on);
}
