import { UserError } from '../kernel/user-error';
import { DEFAULT_REVIEW_WEEKS } from '../kernel/progress-review-words';
import { auditEntry, changedFields } from '../audit/audit';
import { newId } from '../shared/ids';
import { stamp, type Actor } from '../shared/record';
import { CENTRE_VERSION, type CentreFile, type Learner } from './centre-schema';
import { portfolioFolderFor } from './portfolio-folder';
import { ulnProblem } from './uln';

export { addStaffMember, updateStaffMember, type NewStaffMember } from '../staff/staff-roster';
export type { StaffChange } from '../staff/staff-roster';

export interface NewCentre {
  name: string;
  number?: string;
  awardingBodies?: string[];
  demo?: boolean;
}

export function newCentreFile(input: NewCentre, actor: Actor, now: Date): CentreFile {
  return {
    schemaVersion: CENTRE_VERSION,
    kind: 'centre-workspace',
    centre: {
      id: newId('centre'),
      ...stamp(actor, now),
      name: input.name.trim(),
      number: input.number?.trim() ?? '',
      demo: input.demo ?? false,
      allowTypedSignatures: false,
      reviewIntervalWeeks: DEFAULT_REVIEW_WEEKS,
    },
    awardingBodies: (input.awardingBodies ?? []).map((name) => ({ id: newId('ab'), name })),
    staff: [],
    learners: [],
    witnesses: [],
    audit: [],
  };
}

export type LearnerDetails = Pick<Learner, 'name' | 'uln'> &
  Partial<Pick<Learner, 'dateOfBirth' | 'employer' | 'workplace' | 'cohort' | 'needs'>>;
export type NewLearner = LearnerDetails;
export type LearnerChange = Partial<LearnerDetails> & { archived?: boolean };

function assertUlnFree(centre: CentreFile, uln: string, except?: string): void {
  const problem = ulnProblem(uln);
  if (problem) throw new UserError('invalid-input', problem);
  const clash = centre.learners.find((l) => l.uln === uln && l.id !== except);
  if (clash) {
    throw new UserError(
      'conflict',
      `A learner with ULN ${uln} is already in this centre (${clash.name}). Check the number, or find that learner in the list.`,
    );
  }
}

export function addLearner(
  centre: CentreFile,
  input: NewLearner,
  actor: Actor,
  now: Date,
): { centre: CentreFile; learner: Learner } {
  assertUlnFree(centre, input.uln);
  const id = newId('ln');
  const learner: Learner = {
    id,
    ...stamp(actor, now),
    name: input.name.trim(),
    uln: input.uln,
    dateOfBirth: input.dateOfBirth || undefined,
    employer: input.employer ?? '',
    workplace: input.workplace ?? '',
    cohort: input.cohort ?? '',
    needs: input.needs ?? '',
    portfolio: portfolioFolderFor(input.name, id),
    archived: false,
  };
  return { centre: { ...centre, learners: [...centre.learners, learner] }, learner };
}

/**
 * Changes a learner's details, or archives them. The portfolio folder keeps its first name so
 * that links, backups and sync clients never lose track of it (only an erasure moves it).
 */
export function updateLearner(
  centre: CentreFile,
  learnerId: string,
  change: LearnerChange,
  actor: Actor,
  now: Date,
): { centre: CentreFile; before: Learner; learner: Learner } {
  const before = centre.learners.find((l) => l.id === learnerId);
  if (!before) throw new UserError('not-found', 'That learner is not in this centre.');
  if (before.erased) {
    throw new UserError(
      'conflict',
      `${before.name}'s personal details were erased under the centre's retention policy, so they cannot be changed.`,
    );
  }
  if (change.uln !== undefined && change.uln !== before.uln) {
    assertUlnFree(centre, change.uln, learnerId);
  }
  const learner: Learner = {
    ...before,
    ...change,
    name: change.name?.trim() ?? before.name,
    dateOfBirth: change.dateOfBirth === '' ? undefined : (change.dateOfBirth ?? before.dateOfBirth),
    ...stamp(actor, now),
  };
  return {
    centre: { ...centre, learners: centre.learners.map((l) => (l.id === learnerId ? learner : l)) },
    before,
    learner,
  };
}

/** The audit line for a learner's change, or null when nothing changed. */
export function learnerAudit(before: Learner, after: Learner, actor: Actor, now: Date) {
  const diff = changedFields(before, after);
  if (!diff) return null;
  const action =
    diff.after.archived === true
      ? 'archived learner'
      : diff.after.archived === false
        ? 'restored learner'
        : 'changed learner details';
  return auditEntry(actor, now, action, `learner ${after.id}`, {
    ...diff,
    subject: { learnerId: after.id },
  });
}
