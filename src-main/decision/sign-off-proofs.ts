import type { UnitSignOffRecord } from '../portfolio/decision-schema';

/**
 * What each step of a sign-off's life is a signature over, rebuilt from the record alone: who
 * signed off which learner's unit (and version) when, who countersigned it, who unlocked it and
 * why. The person's key signs these at the moment they act (`Prover`); verify-portfolio rebuilds
 * them from the portfolio and checks the signatures.
 */
export function signOffPayload(learnerId: string, s: UnitSignOffRecord) {
  return {
    kind: 'sign-off',
    learnerId,
    signOffId: s.id,
    unitId: s.unitId,
    unitVersion: s.unitVersion,
    signedOffAt: s.signedOffAt,
    signedOffBy: s.signedOffBy,
  };
}

export function countersignPayload(learnerId: string, s: UnitSignOffRecord) {
  return {
    kind: 'countersign',
    learnerId,
    signOffId: s.id,
    unitId: s.unitId,
    unitVersion: s.unitVersion,
    signedOffBy: s.signedOffBy,
    countersignedAt: s.countersignedAt,
    countersignedBy: s.countersignedBy,
  };
}

export function unlockPayload(learnerId: string, s: UnitSignOffRecord) {
  return {
    kind: 'unlock',
    learnerId,
    signOffId: s.id,
    unitId: s.unitId,
    unitVersion: s.unitVersion,
    voidedAt: s.voidedAt,
    voidedBy: s.voidedBy,
    voidReason: s.voidReason,
  };
}
