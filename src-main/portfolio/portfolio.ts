import { newId } from '../shared/ids';
import { stamp, type Actor } from '../shared/record';
import type { AuditEntry, Portfolio, Registration } from './portfolio-schema';

export function newPortfolio(learnerId: string): Portfolio {
  return { schemaVersion: 1, kind: 'learner-portfolio', learnerId, registrations: [], audit: [] };
}

export function auditEntry(
  actor: Actor,
  now: Date,
  action: string,
  target: string,
  change: { before?: unknown; after?: unknown } = {},
): AuditEntry {
  return {
    id: newId('au'),
    at: now.toISOString(),
    by: actor.id,
    role: actor.role,
    action,
    target,
    ...change,
  };
}

export function registerOnUnit(
  portfolio: Portfolio,
  input: { unitId: string; unitVersion: number; assessorId: string },
  actor: Actor,
  now: Date,
): Portfolio {
  const existing = portfolio.registrations.find((r) => r.unitId === input.unitId);
  if (existing) return portfolio;
  const registration: Registration = {
    id: newId('rg'),
    ...stamp(actor, now),
    ...input,
    registeredAt: now.toISOString(),
  };
  return {
    ...portfolio,
    registrations: [...portfolio.registrations, registration],
    audit: [
      ...portfolio.audit,
      auditEntry(actor, now, 'registered on unit', `registration ${registration.id}`, {
        after: input,
      }),
    ],
  };
}
