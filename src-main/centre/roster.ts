import { UserError } from '../api/user-error';
import { newId } from '../shared/ids';
import { stamp, type Actor } from '../shared/record';
import { safeName } from '../storage/safe-name';
import type { CentreFile, Learner, StaffMember } from './centre-schema';
import { ulnProblem } from './uln';

export interface NewCentre {
  name: string;
  number?: string;
  awardingBodies?: string[];
  demo?: boolean;
}

export function newCentreFile(input: NewCentre, actor: Actor, now: Date): CentreFile {
  return {
    schemaVersion: 1,
    kind: 'centre-workspace',
    centre: {
      id: newId('centre'),
      ...stamp(actor, now),
      name: input.name.trim(),
      number: input.number?.trim() ?? '',
      demo: input.demo ?? false,
    },
    awardingBodies: (input.awardingBodies ?? []).map((name) => ({ id: newId('ab'), name })),
    staff: [],
    learners: [],
  };
}

export type NewStaffMember = Pick<StaffMember, 'name' | 'roles'> &
  Partial<Pick<StaffMember, 'assessorStatus' | 'countersignerId' | 'email'>>;

export function addStaffMember(
  centre: CentreFile,
  input: NewStaffMember,
  actor: Actor,
  now: Date,
): { centre: CentreFile; member: StaffMember } {
  if (input.countersignerId) {
    const countersigner = centre.staff.find((s) => s.id === input.countersignerId);
    if (!countersigner || countersigner.assessorStatus !== 'qualified') {
      throw new UserError(
        'invalid-input',
        'A countersigner must be a qualified assessor of this centre.',
      );
    }
  }
  const member: StaffMember = {
    id: newId('st'),
    ...stamp(actor, now),
    archived: false,
    ...input,
    name: input.name.trim(),
  };
  return { centre: { ...centre, staff: [...centre.staff, member] }, member };
}

export type NewLearner = Pick<Learner, 'name' | 'uln'> &
  Partial<Pick<Learner, 'dateOfBirth' | 'employer' | 'workplace' | 'cohort' | 'needs'>>;

export function addLearner(
  centre: CentreFile,
  input: NewLearner,
  actor: Actor,
  now: Date,
): { centre: CentreFile; learner: Learner } {
  const problem = ulnProblem(input.uln);
  if (problem) throw new UserError('invalid-input', problem);
  const clash = centre.learners.find((l) => l.uln === input.uln);
  if (clash) {
    throw new UserError(
      'conflict',
      `A learner with ULN ${input.uln} is already in this centre (${clash.name}).`,
    );
  }
  const id = newId('ln');
  const learner: Learner = {
    id,
    ...stamp(actor, now),
    name: input.name.trim(),
    uln: input.uln,
    dateOfBirth: input.dateOfBirth,
    employer: input.employer ?? '',
    workplace: input.workplace ?? '',
    cohort: input.cohort ?? '',
    needs: input.needs ?? '',
    portfolio: `learners/${safeName(input.name, 'learner')}-${id.slice(3)}`,
    archived: false,
  };
  return { centre: { ...centre, learners: [...centre.learners, learner] }, learner };
}
