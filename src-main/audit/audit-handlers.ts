import type { HandlerMap } from '../api/handler';
import { filterAudit } from './audit';
import type { auditOperations, AuditView } from './audit-contract';

const roleNames: Record<string, string> = {
  assessor: 'Assessor',
  iqa: 'IQA',
  eqa: 'EQA',
  admin: 'Centre administrator',
  system: 'Workbench',
};

/** A value as a short line a person can read: "title: Shift report; method: essay". */
function shown(value: unknown): string | null {
  if (value === undefined) return null;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return typeof value === 'string' ? value : JSON.stringify(value);
  }
  const parts = Object.entries(value as Record<string, unknown>).map(
    ([key, v]) => `${key}: ${typeof v === 'string' ? v : JSON.stringify(v)}`,
  );
  return parts.join('; ') || '—';
}

export const auditHandlers: HandlerMap<keyof typeof auditOperations> = {
  /** The learner's trail, newest first: their portfolio's entries and the roster's about them. */
  'audit:list': async ({ learnerId, ...filter }, wb): Promise<AuditView[]> => {
    const workspace = wb.workspace;
    const portfolio = await workspace.portfolio(learnerId);
    const { staff, audit: centreAudit } = workspace.centre;
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
      target: e.target,
      before: shown(e.before),
      after: shown(e.after),
      unitId: e.subject?.unitId ?? null,
      criterionRef: e.subject?.criterionRef ?? null,
    }));
  },
};
