import { UserError } from '../kernel/user-error';
import { auditEntry, changedFields } from '../audit/audit';
import type { StaffMember } from '../centre/centre-schema';
import { newId } from '../shared/ids';
import { stamp, type Actor } from '../shared/record';
import type { StoredUnit } from '../unit/unit-schema';
import type { JudgedWork, StandardisationFile } from './standardisation-schema';

export interface MeetingInput {
  id?: string;
  date: string;
  attendees: string[];
  unitId: string;
  criteria: string[];
  sample: { learnerId: string | null; evidenceId: string | null; description: string };
  judgements: { assessorId: string; decision: 'met' | 'not-yet-met'; reasoning: string }[];
  agreed: { decision: 'met' | 'not-yet-met'; rationale: string };
  actions: { id?: string; what: string; ownerId: string; dueOn: string; closedOn: string | null }[];
}

function unitRefs(unit: StoredUnit): Set<string> {
  const refs = new Set<string>();
  for (const outcome of unit.outcomes) {
    for (const c of outcome.criteria) {
      refs.add(c.ref);
      for (const p of c.parts) refs.add(`${c.ref}${p.ref}`);
    }
  }
  return refs;
}

/**
 * The rules for a standardisation record: an IQA records it, everyone named is on the staff,
 * each judgement is by an assessor who attended (once each), the criteria belong to the unit,
 * and each action has a named owner who is on the staff.
 */
function checked(input: MeetingInput, staff: readonly StaffMember[], unit: StoredUnit) {
  const person = (id: string) => staff.find((s) => s.id === id);
  for (const id of input.attendees) {
    if (!person(id))
      throw new UserError(
        'invalid-input',
        'Someone recorded as attending is not on the staff of this centre.',
      );
  }
  const seen = new Set<string>();
  for (const j of input.judgements) {
    const who = person(j.assessorId);
    if (!who?.roles.includes('assessor') || !input.attendees.includes(j.assessorId)) {
      throw new UserError(
        'invalid-input',
        'Each judgement must be by an assessor recorded as attending.',
      );
    }
    if (seen.has(j.assessorId)) {
      throw new UserError('invalid-input', `${who.name} has two judgements; keep one.`);
    }
    seen.add(j.assessorId);
  }
  const refs = unitRefs(unit);
  const unknown = input.criteria.filter((c) => !refs.has(c));
  if (unknown.length) {
    throw new UserError(
      'invalid-input',
      `${unknown.join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not in ${unit.title}.`,
    );
  }
  for (const a of input.actions) {
    if (!person(a.ownerId))
      throw new UserError(
        'invalid-input',
        'Each action needs an owner on the staff of this centre.',
      );
  }
}

function withActions(
  input: MeetingInput,
  before: StandardisationFile | undefined,
  actor: Actor,
  now: Date,
): StandardisationFile['actions'] {
  return input.actions.map((a) => {
    const old = a.id ? before?.actions.find((b) => b.id === a.id) : undefined;
    const next = { ...a, id: old?.id ?? newId('sa') };
    if (old && !changedFields(old, { ...old, ...next })) return old;
    return { ...next, ...stamp(actor, now) };
  });
}

/**
 * A new standardisation record, or a change to one, with its audit line. `sample` is the judged
 * work as the portfolio gave it (see `judgedWork`).
 */
export function recordMeeting(
  input: MeetingInput,
  sample: JudgedWork,
  before: StandardisationFile | undefined,
  staff: readonly StaffMember[],
  unit: StoredUnit,
  actor: Actor,
  now: Date,
): StandardisationFile {
  if (actor.role !== 'iqa') {
    throw new UserError(
      'forbidden',
      'Standardisation is recorded by an IQA. Choose an IQA as the current user.',
    );
  }
  checked(input, staff, unit);
  const { id: _, actions: __, ...fields } = input;
  const meeting: StandardisationFile = {
    schemaVersion: 1,
    kind: 'standardisation-meeting',
    id: before?.id ?? newId('std'),
    ...stamp(actor, now),
    createdAt: before?.createdAt ?? now.toISOString(),
    createdBy: before?.createdBy ?? actor.id,
    ledBy: before?.ledBy ?? actor.id,
    ...fields,
    sample,
    unitTitle: unit.title,
    actions: withActions(input, before, actor, now),
    strategyDecisions: before?.strategyDecisions ?? [],
    audit: before?.audit ?? [],
  };
  const { audit: _a, updatedAt: _u, updatedBy: _b, ...shown } = meeting;
  const diff = before
    ? changedFields({ ...before, audit: [] }, { ...meeting, audit: [] })
    : { after: shown };
  if (before && !diff) return before;
  const entry = auditEntry(
    actor,
    now,
    before ? 'changed standardisation record' : 'recorded standardisation',
    `standardisation ${meeting.id}`,
    {
      ...diff,
      subject: { unitId: unit.id },
    },
  );
  return { ...meeting, audit: [...meeting.audit, entry] };
}

/** Closes an action (or opens it again), noted on the record's audit trail. */
export function closeAction(
  meeting: StandardisationFile,
  actionId: string,
  closedOn: string | null,
  actor: Actor,
  now: Date,
): StandardisationFile {
  const action = meeting.actions.find((a) => a.id === actionId);
  if (!action)
    throw new UserError('not-found', 'That action is not on this standardisation record.');
  if (actor.role !== 'iqa' && actor.id !== action.ownerId) {
    throw new UserError('forbidden', 'Only the IQA or the action’s owner can close it.');
  }
  const changed = { ...action, closedOn, ...stamp(actor, now) };
  const entry = auditEntry(
    actor,
    now,
    closedOn ? 'closed standardisation action' : 'reopened standardisation action',
    `action ${actionId}`,
    {
      before: { closedOn: action.closedOn },
      after: { closedOn },
    },
  );
  return {
    ...meeting,
    ...stamp(actor, now),
    actions: meeting.actions.map((a) => (a.id === actionId ? changed : a)),
    audit: [...meeting.audit, entry],
  };
}
