import type { CentreFile } from '../centre/centre-schema';
import type { Portfolio } from '../portfolio/portfolio-schema';
import type { StoredUnit } from '../unit/unit-schema';
import { filterAudit, type AuditFilter } from './audit';
import type { AuditView } from './audit-contract';
import { auditNames } from './audit-names';
import { auditTarget, auditValue } from './audit-words';

const roleNames: Record<string, string> = {
  assessor: 'Assessor',
  iqa: 'IQA',
  eqa: 'EQA',
  admin: 'Centre administrator',
  system: 'Workbench',
};

/**
 * A learner's audit trail in plain words, newest first: their portfolio's entries and the
 * roster's about them, with names for ids, UK dates and words for field names.
 */
export function learnerAuditTrail(
  centre: Pick<CentreFile, 'staff' | 'learners' | 'witnesses' | 'audit'>,
  units: readonly StoredUnit[],
  portfolio: Portfolio,
  filter: AuditFilter = {},
): AuditView[] {
  const learnerId = portfolio.learnerId;
  const nameOf = auditNames(centre, units, portfolio);
  const aboutLearner =
    filter.unitId || filter.criterionRef || filter.evidenceId
      ? []
      : centre.audit.filter((e) => e.subject?.learnerId === learnerId);
  // Reversed first so that entries made in the same instant still read newest first.
  const entries = [...filterAudit(portfolio.audit, filter), ...aboutLearner].reverse();
  entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return entries.map((e) => ({
    id: e.id,
    at: e.at,
    who:
      centre.staff.find((s) => s.id === e.by)?.name ??
      (e.by === 'demo-setup' ? 'Demo setup' : e.by),
    role: roleNames[e.role] ?? e.role,
    action: e.action,
    target: auditTarget(e.target, nameOf),
    before: auditValue(e.before, nameOf),
    after: auditValue(e.after, nameOf),
    unitId: e.subject?.unitId ?? null,
    criterionRef: e.subject?.criterionRef ?? null,
  }));
}
