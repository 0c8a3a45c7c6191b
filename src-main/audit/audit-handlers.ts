import type { HandlerMap } from '../api/handler';
import { filterAudit } from './audit';
import { auditTarget, auditValue } from './audit-words';
import { auditNames } from './audit-names';
import type { auditOperations, AuditView } from './audit-contract';

const roleNames: Record<string, string> = {
  assessor: 'Assessor',
  iqa: 'IQA',
  eqa: 'EQA',
  admin: 'Centre administrator',
  system: 'Workbench',
};

export const auditHandlers: HandlerMap<keyof typeof auditOperations> = {
  /** The learner's trail, newest first: their portfolio's entries and the roster's about them. */
  'audit:list': async ({ learnerId, ...filter }, wb): Promise<AuditView[]> => {
    const workspace = wb.workspace;
    const portfolio = await workspace.portfolio(learnerId);
    const { staff, audit: centreAudit } = workspace.centre;
    const { units } = await workspace.listUnits();
    const nameOf = auditNames(workspace.centre, units, portfolio.data);
    const aboutLearner =
      filter.unitId || filter.criterionRef || filter.evidenceId
        ? []
        : centreAudit.filter((e) => e.subject?.learnerId === learnerId);
    // Reversed first so that entries made in the same instant still read newest first.
    const entries = [...filterAudit(portfolio.data.audit, filter), ...aboutLearner].reverse();
    entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    return entries.map((e) => ({
      id: e.id,
      at: e.at,
      who: staff.find((s) => s.id === e.by)?.name ?? (e.by === 'demo-setup' ? 'Demo setup' : e.by),
      role: roleNames[e.role] ?? e.role,
      action: e.action,
      target: auditTarget(e.target, nameOf),
      before: auditValue(e.before, nameOf),
      after: auditValue(e.after, nameOf),
      unitId: e.subject?.unitId ?? null,
      criterionRef: e.subject?.criterionRef ?? null,
    }));
  },
};
