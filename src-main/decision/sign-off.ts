import { UserError } from '../kernel/user-error';

export interface SignOffAssessor {
  id: string;
  assessorStatus?: 'qualified' | 'working-towards';
  countersignerId?: string;
}

export interface UnitSignOff {
  signedOffAt: string;
  signedOffBy: string;
  countersignedAt: string | null;
  countersignedBy: string | null;
  /** Set by an unlock: the sign-off and its signatures no longer count. */
  voidedAt: string | null;
}

export type SignOffStatus = 'open' | 'awaiting-countersignature' | 'signed-off';

/**
 * A sign-off by an assessor working towards their qualification counts only once their
 * qualified countersigner has countersigned it; until it is voided, the unit is locked.
 */
export function signOffStatus(
  signOff: UnitSignOff | null,
  assessor: SignOffAssessor,
): SignOffStatus {
  if (!signOff || signOff.voidedAt) return 'open';
  if (assessor.assessorStatus === 'working-towards' && !signOff.countersignedAt) {
    return 'awaiting-countersignature';
  }
  return 'signed-off';
}

export function isLocked(signOff: UnitSignOff | null): boolean {
  return Boolean(signOff && !signOff.voidedAt);
}

/** Refuses any change to a locked unit, saying how to proceed. */
export function assertUnlocked(signOff: UnitSignOff | null, unitTitle: string): void {
  if (isLocked(signOff)) {
    throw new UserError(
      'conflict',
      `${unitTitle} is signed off and locked. To change it, unlock it with a reason; the signatures on it will then need to be given again.`,
    );
  }
}

export function assertCanCountersign(
  signOff: UnitSignOff | null,
  assessor: SignOffAssessor,
  countersignerId: string,
): void {
  if (signOffStatus(signOff, assessor) !== 'awaiting-countersignature') {
    throw new UserError('conflict', 'This unit is not waiting for a countersignature.');
  }
  if (assessor.countersignerId !== countersignerId) {
    throw new UserError(
      'forbidden',
      "Only the assessor's named countersigner, a qualified assessor, can countersign this sign-off.",
    );
  }
}

/**
 * The one rule of signing authority: an IQA, or a qualified assessor. They may unlock a signed-off
 * unit and countersign a record; an assessor working towards the award may do neither.
 */
export function isIqaOrQualifiedAssessor(
  role: string | undefined,
  person: { assessorStatus?: 'qualified' | 'working-towards' } | undefined,
): boolean {
  return role === 'iqa' || (role === 'assessor' && person?.assessorStatus === 'qualified');
}

/** Who may unlock a signed-off unit: an IQA, or a qualified assessor. */
export function assertCanUnlock(
  role: string,
  person: { assessorStatus?: 'qualified' | 'working-towards' },
  reason: string,
): void {
  if (!isIqaOrQualifiedAssessor(role, person)) {
    throw new UserError(
      'forbidden',
      'Only an internal quality assurer or a qualified assessor can unlock a signed-off unit.',
    );
  }
  if (reason.trim().length < 10) {
    throw new UserError(
      'invalid-input',
      'Give the reason for unlocking in a sentence; it is kept in the audit trail.',
    );
  }
}
