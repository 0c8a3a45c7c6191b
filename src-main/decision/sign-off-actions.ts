import { UserError } from '../kernel/user-error';
import { auditEntry } from '../audit/audit';
import type { StaffMember } from '../centre/centre-schema';
import type { Portfolio } from '../portfolio/portfolio-schema';
import { unitConflicts } from '../portfolio/portfolio-conflicts';
import { dayOf, newUnitRecord, stamp, type Actor } from '../shared/record';
import type { StoredUnit } from '../unit/unit-schema';
import type { Prover } from '../shared/proof';
import type { Signature, SignaturePurpose, UnitSignOffRecord } from '../portfolio/decision-schema';
import { assertSignatureGiven, keptMark } from './signature-rules';
import { DECLARATION_VERSION } from './declaration-text';
import { signedHash } from './declarations';
import { assertUnitUnlocked, currentSignOff } from './lock';
import { markingContext, ruleDecisions } from './marking-context';
import { signOffBlockers } from './marking-rules';
import { assertAssessor, assertRegistered } from './marking';
import { assertCanCountersign, assertCanUnlock, signOffStatus } from './sign-off';
import { appended } from '../shared/appended-list';
import { countersignPayload, signOffPayload, unlockPayload } from './sign-off-proofs';

export interface SignatureInput {
  purpose: SignaturePurpose;
  personId: string;
  method: 'drawn' | 'typed';
  image?: string;
  typedName?: string;
}

const roleOf: Record<SignaturePurpose, Signature['role']> = {
  'learner-declaration': 'learner',
  'assessor-declaration': 'assessor',
  countersignature: 'countersigner',
};

/** What one signature is taken in: the portfolio and unit, by whom and when. */
interface Signing {
  portfolio: Portfolio;
  unit: StoredUnit;
  options: { allowTyped: boolean };
  actor: Actor;
  now: Date;
}

function makeSignature(at: Signing, input: SignatureInput): Signature {
  const { portfolio, unit, now } = at;
  assertSignatureGiven(input, at.options.allowTyped);
  return {
    ...newUnitRecord('sg', unit, at.actor, now),
    purpose: input.purpose,
    personId: input.personId,
    role: roleOf[input.purpose],
    signedAt: now.toISOString(),
    method: input.method,
    ...keptMark(input),
    hash: signedHash({
      purpose: input.purpose,
      learnerId: portfolio.learnerId,
      unit,
      decisions: ruleDecisions(portfolio, unit.id),
      declarationVersion: DECLARATION_VERSION,
    }),
    declarationVersion: DECLARATION_VERSION,
    voidedAt: null,
  };
}

function signatureAudit(
  portfolio: Portfolio,
  unit: StoredUnit,
  s: Signature,
  actor: Actor,
  now: Date,
) {
  return auditEntry(actor, now, 'signed', `${s.purpose.replace('-', ' ')} for unit ${unit.id}`, {
    after: { personId: s.personId, role: s.role, method: s.method, hash: s.hash },
    subject: { learnerId: portfolio.learnerId, unitId: unit.id, personId: s.personId },
  });
}

/**
 * The learner's authenticity declaration or the assessor's declaration, signed on screen
 * before sign-off. The learner signs as themselves; the assessor only as the current user.
 */
export function signDeclaration(
  portfolio: Portfolio,
  unit: StoredUnit,
  input: SignatureInput,
  options: { allowTyped: boolean },
  actor: Actor,
  now: Date,
): Portfolio {
  assertAssessor(actor, 'take signatures for a sign-off');
  assertRegistered(portfolio, unit);
  assertUnitUnlocked(portfolio, unit.id, unit.title);
  if (input.purpose === 'countersignature') {
    throw new UserError('invalid-input', 'A countersignature is given when countersigning.');
  }
  if (input.purpose === 'learner-declaration' && input.personId !== portfolio.learnerId) {
    throw new UserError('forbidden', 'Only the learner can sign the authenticity declaration.');
  }
  if (input.purpose === 'assessor-declaration' && input.personId !== actor.id) {
    throw new UserError('forbidden', 'Assessors sign their own declaration only, as themselves.');
  }
  const signature = makeSignature({ portfolio, unit, options, actor, now }, input);
  return {
    ...portfolio,
    signatures: appended(portfolio.signatures, signature),
    audit: appended(portfolio.audit, signatureAudit(portfolio, unit, signature, actor, now)),
  };
}

/** Signs the unit off when nothing blocks it; from then on it is locked. */
export function signOffUnit(
  portfolio: Portfolio,
  unit: StoredUnit,
  actor: Actor,
  now: Date,
  prove?: Prover,
): Portfolio {
  assertAssessor(actor, 'sign off a unit');
  assertRegistered(portfolio, unit);
  assertUnitUnlocked(portfolio, unit.id, unit.title);
  assertNoConflicts(portfolio, unit);
  const context = markingContext(portfolio, unit, dayOf(now));
  const blockers = signOffBlockers(context);
  if (blockers.length) {
    throw new UserError(
      'conflict',
      `${unit.title} cannot be signed off yet: ${blockers.map((b) => b.message).join(' ')}`,
    );
  }
  if (context.declarations.assessor?.personId !== actor.id) {
    throw new UserError(
      'forbidden',
      'The assessor who signed the declaration must sign the unit off.',
    );
  }
  const unsigned: UnitSignOffRecord = {
    ...newUnitRecord('so', unit, actor, now),
    signedOffAt: now.toISOString(),
    signedOffBy: actor.id,
    countersignedAt: null,
    countersignedBy: null,
    voidedAt: null,
    voidedBy: null,
    voidReason: null,
  };
  const signOff = prove
    ? { ...unsigned, signOffProof: prove(actor.id, signOffPayload(portfolio.learnerId, unsigned)) }
    : unsigned;
  return {
    ...portfolio,
    signOffs: appended(portfolio.signOffs, signOff),
    audit: appended(
      portfolio.audit,
      auditEntry(actor, now, 'signed off unit', `unit ${unit.id}`, {
        after: { signedOffBy: actor.id, signedOffAt: signOff.signedOffAt },
        subject: { learnerId: portfolio.learnerId, unitId: unit.id },
      }),
    ),
  };
}

/** The named qualified countersigner countersigns a working-towards assessor's sign-off. */
export function countersignUnit(
  portfolio: Portfolio,
  unit: StoredUnit,
  staff: readonly StaffMember[],
  input: Omit<SignatureInput, 'purpose' | 'personId'>,
  options: { allowTyped: boolean },
  actor: Actor,
  now: Date,
  prove?: Prover,
): Portfolio {
  assertAssessor(actor, 'countersign a sign-off');
  const signOff = currentSignOff(portfolio, unit.id);
  const assessor = staff.find((s) => s.id === signOff?.signedOffBy) ?? { id: '' };
  assertCanCountersign(signOff, assessor, actor.id);
  const signature = makeSignature(
    { portfolio, unit, options, actor, now },
    { ...input, purpose: 'countersignature', personId: actor.id },
  );
  const marked: UnitSignOffRecord = {
    ...signOff!,
    ...stamp(actor, now),
    countersignedAt: now.toISOString(),
    countersignedBy: actor.id,
  };
  const countersigned = prove
    ? {
        ...marked,
        countersignProof: prove(actor.id, countersignPayload(portfolio.learnerId, marked)),
      }
    : marked;
  return {
    ...portfolio,
    signatures: appended(portfolio.signatures, signature),
    signOffs: portfolio.signOffs.map((s) => (s.id === countersigned.id ? countersigned : s)),
    audit: appended(
      portfolio.audit,
      signatureAudit(portfolio, unit, signature, actor, now),
      auditEntry(actor, now, 'countersigned unit', `unit ${unit.id}`, {
        before: { countersignedBy: null },
        after: { countersignedBy: actor.id, countersignedAt: countersigned.countersignedAt },
        subject: { learnerId: portfolio.learnerId, unitId: unit.id },
      }),
    ),
  };
}

/**
 * Unlocks a signed-off unit for a permitted person with a written reason: the sign-off and
 * every signature on the unit are voided (kept, marked void) and must be given again.
 */
export function unlockUnit(
  portfolio: Portfolio,
  unit: StoredUnit,
  person: Pick<StaffMember, 'assessorStatus'>,
  reason: string,
  actor: Actor,
  now: Date,
  prove?: Prover,
): Portfolio {
  const signOff = currentSignOff(portfolio, unit.id);
  if (!signOff)
    throw new UserError(
      'conflict',
      `${unit.title} is not signed off, so there is nothing to unlock.`,
    );
  assertCanUnlock(actor.role, person, reason);
  const at = now.toISOString();
  const voided = portfolio.signatures.filter((s) => s.unitId === unit.id && !s.voidedAt);
  const marked: UnitSignOffRecord = {
    ...signOff,
    ...stamp(actor, now),
    voidedAt: at,
    voidedBy: actor.id,
    voidReason: reason.trim(),
  };
  const unlocked = prove
    ? { ...marked, voidProof: prove(actor.id, unlockPayload(portfolio.learnerId, marked)) }
    : marked;
  return {
    ...portfolio,
    signOffs: portfolio.signOffs.map((s) => (s.id === signOff.id ? unlocked : s)),
    signatures: portfolio.signatures.map((s) =>
      s.unitId === unit.id && !s.voidedAt ? { ...s, ...stamp(actor, now), voidedAt: at } : s,
    ),
    audit: appended(
      portfolio.audit,
      auditEntry(actor, now, 'unlocked unit', `unit ${unit.id}`, {
        before: { signedOffBy: signOff.signedOffBy, signedOffAt: signOff.signedOffAt },
        after: { reason: reason.trim(), signaturesVoided: voided.length },
        subject: { learnerId: portfolio.learnerId, unitId: unit.id },
      }),
    ),
  };
}

/** Nothing decided on two computers apart is signed off until the assessor has chosen. */
function assertNoConflicts(portfolio: Portfolio, unit: StoredUnit): void {
  const open = unitConflicts(portfolio, unit.id).length;
  if (open) {
    throw new UserError(
      'conflict',
      `${unit.title} has ${open === 1 ? 'a conflict' : `${open} conflicts`} between changes made on two computers. Choose on each, at the top of the marking screen, then sign off.`,
    );
  }
}

/** Whether a unit's sign-off counts yet, asked of the assessor who signed it off. */
export function unitSignOffStatus(
  portfolio: Portfolio,
  unitId: string,
  staff: readonly StaffMember[],
) {
  const signOff = currentSignOff(portfolio, unitId);
  const assessor = staff.find((s) => s.id === signOff?.signedOffBy) ?? { id: '' };
  return signOffStatus(signOff, assessor);
}
