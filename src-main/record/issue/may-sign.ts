import type { StaffMember, StaffRole } from '../../centre/centre-schema';
import { UserError } from '../../kernel/user-error';

/**
 * Who may sign a record as it is issued: an assessor, and for a unit record the learner's assessor
 * for that unit. An IQA countersigns a signed record instead. The screen and the command line
 * both ask this before opening anyone's signing key.
 */
export function assertMaySignRecord(
  person: StaffMember,
  role: StaffRole,
  unit: { learnerName: string; assessorId: string; staff: readonly StaffMember[] } | null,
): void {
  if (role !== 'assessor' || !person.roles.includes('assessor') || person.archived) {
    throw new UserError(
      'forbidden',
      'Records are signed by the assessor; an IQA countersigns a signed record.',
    );
  }
  if (unit && unit.assessorId !== person.id) {
    const assessor = unit.staff.find((s) => s.id === unit.assessorId);
    throw new UserError(
      'forbidden',
      `Only ${unit.learnerName}'s assessor for this unit${assessor ? `, ${assessor.name},` : ''} can sign this record.`,
    );
  }
}
