import { UserError } from '../kernel/user-error';
import { auditEntry, changedFields } from '../audit/audit';
import type { CentreFile, StaffMember } from '../centre/centre-schema';
import { newId } from '../shared/ids';
import { stamp, type Actor } from '../shared/record';

export type NewStaffMember = Pick<StaffMember, 'name' | 'roles'> &
  Partial<Pick<StaffMember, 'assessorStatus' | 'countersignerId' | 'email'>>;
export type StaffChange = Partial<NewStaffMember> & { archived?: boolean };

/**
 * The rules for a staff record: only assessors have an assessor status, an assessor working
 * towards the qualification is countersigned by a qualified assessor who is someone else, and
 * nobody who countersigns an active assessor may be archived.
 */
function checkMember(centre: CentreFile, member: StaffMember): StaffMember {
  const isAssessor = member.roles.includes('assessor');
  const checked: StaffMember = isAssessor
    ? { ...member, assessorStatus: member.assessorStatus ?? 'qualified' }
    : { ...member, assessorStatus: undefined, countersignerId: undefined };
  if (checked.assessorStatus === 'qualified') checked.countersignerId = undefined;
  if (checked.assessorStatus === 'working-towards') {
    const countersigner = centre.staff.find((s) => s.id === checked.countersignerId);
    if (
      !countersigner ||
      countersigner.id === checked.id ||
      countersigner.archived ||
      countersigner.assessorStatus !== 'qualified'
    ) {
      throw new UserError(
        'invalid-input',
        `${checked.name} is working towards the assessor qualification, so their decisions need countersigning. Choose a qualified assessor of this centre as countersigner.`,
      );
    }
  }
  if (checked.archived || checked.assessorStatus !== 'qualified') {
    const relying = centre.staff.find(
      (s) => !s.archived && s.id !== checked.id && s.countersignerId === checked.id,
    );
    if (relying) {
      throw new UserError(
        'conflict',
        `${checked.name} countersigns ${relying.name}'s decisions. Choose another countersigner for ${relying.name} first.`,
      );
    }
  }
  return checked;
}

export function addStaffMember(
  centre: CentreFile,
  input: NewStaffMember,
  actor: Actor,
  now: Date,
): { centre: CentreFile; member: StaffMember } {
  const member = checkMember(centre, {
    id: newId('st'),
    ...stamp(actor, now),
    archived: false,
    ...input,
    name: input.name.trim(),
  });
  const entry = auditEntry(actor, now, 'added staff member', `staff ${member.id}`, {
    after: { name: member.name, roles: member.roles, assessorStatus: member.assessorStatus },
    subject: { personId: member.id },
  });
  return {
    centre: { ...centre, staff: [...centre.staff, member], audit: [...centre.audit, entry] },
    member,
  };
}

export function updateStaffMember(
  centre: CentreFile,
  personId: string,
  change: StaffChange,
  actor: Actor,
  now: Date,
): { centre: CentreFile; member: StaffMember } {
  const before = centre.staff.find((s) => s.id === personId);
  if (!before) throw new UserError('not-found', 'That person is not on the staff of this centre.');
  const member = checkMember(centre, {
    ...before,
    ...change,
    name: change.name?.trim() ?? before.name,
    ...stamp(actor, now),
  });
  const diff = changedFields(before, member);
  if (!diff) return { centre, member: before };
  const action = diff.after.archived === true ? 'archived staff member' : 'changed staff member';
  const entry = auditEntry(actor, now, action, `staff ${member.id}`, {
    ...diff,
    subject: { personId: member.id },
  });
  return {
    centre: {
      ...centre,
      staff: centre.staff.map((s) => (s.id === personId ? member : s)),
      audit: [...centre.audit, entry],
    },
    member,
  };
}
