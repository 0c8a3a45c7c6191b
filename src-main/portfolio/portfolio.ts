import { UserError } from '../kernel/user-error';
import { auditEntry, changedFields } from '../audit/audit';
import { newId } from '../shared/ids';
import { stamp, type Actor } from '../shared/record';
import { PORTFOLIO_VERSION, type Portfolio, type Registration } from './portfolio-schema';
import { appended } from '../shared/appended-list';

export { auditEntry } from '../audit/audit';

export function newPortfolio(learnerId: string): Portfolio {
  return {
    schemaVersion: PORTFOLIO_VERSION,
    kind: 'learner-portfolio',
    learnerId,
    registrations: [],
    evidence: [],
    mappings: [],
    decisions: [],
    signOffs: [],
    signatures: [],
    unitFeedback: [],
    issuedRecords: [],
    audit: [],
    witnessForms: [],
    testimonies: [],
    assessmentPlans: [],
    progressReviews: [],
    resolutions: [],
    erasures: [],
  };
}

export interface NewRegistration {
  unitId: string;
  unitVersion: number;
  assessorId: string;
  qualification?: string;
}

/** Puts the learner on a unit (one registration per unit); a withdrawn one is taken up again. */
export function registerOnUnit(
  portfolio: Portfolio,
  input: NewRegistration,
  actor: Actor,
  now: Date,
): Portfolio {
  const existing = portfolio.registrations.find((r) => r.unitId === input.unitId);
  if (existing && !existing.withdrawn) return portfolio;
  if (existing) {
    return updateRegistration(
      portfolio,
      existing.id,
      { ...input, qualification: input.qualification ?? existing.qualification, withdrawn: false },
      actor,
      now,
    );
  }
  const registration: Registration = {
    id: newId('rg'),
    ...stamp(actor, now),
    unitId: input.unitId,
    unitVersion: input.unitVersion,
    assessorId: input.assessorId,
    qualification: input.qualification ?? '',
    registeredAt: now.toISOString(),
    withdrawn: false,
  };
  return {
    ...portfolio,
    registrations: appended(portfolio.registrations, registration),
    audit: appended(
      portfolio.audit,
      auditEntry(actor, now, 'registered on unit', `registration ${registration.id}`, {
        after: input,
        subject: { learnerId: portfolio.learnerId, unitId: input.unitId },
      }),
    ),
  };
}

export type RegistrationChange = Partial<
  Pick<Registration, 'assessorId' | 'unitVersion' | 'qualification' | 'withdrawn'>
>;

/** Another assessor, another unit version, or withdrawal: the registration itself stays on file. */
export function updateRegistration(
  portfolio: Portfolio,
  registrationId: string,
  change: RegistrationChange,
  actor: Actor,
  now: Date,
): Portfolio {
  const before = portfolio.registrations.find((r) => r.id === registrationId);
  if (!before) throw new UserError('not-found', 'That registration is not in this portfolio.');
  const after: Registration = { ...before, ...change, ...stamp(actor, now) };
  const diff = changedFields(before, after);
  if (!diff) return portfolio;
  const action =
    diff.after.withdrawn === true
      ? 'withdrew from unit'
      : diff.after.withdrawn === false
        ? 'registered on unit again'
        : 'changed registration';
  return {
    ...portfolio,
    registrations: portfolio.registrations.map((r) => (r.id === registrationId ? after : r)),
    audit: appended(
      portfolio.audit,
      auditEntry(actor, now, action, `registration ${before.id}`, {
        ...diff,
        subject: { learnerId: portfolio.learnerId, unitId: before.unitId },
      }),
    ),
  };
}

export function activeRegistrations(portfolio: Portfolio): Registration[] {
  return portfolio.registrations.filter((r) => !r.withdrawn);
}
