import type { HandlerMap } from '../api/handler';
import type { auditOperations, AuditView } from './audit-contract';
import { learnerAuditTrail } from './audit-trail';

export const auditHandlers: HandlerMap<keyof typeof auditOperations> = {
  /** The learner's trail, newest first: their portfolio's entries and the roster's about them. */
  'audit:list': async ({ learnerId, ...filter }, wb): Promise<AuditView[]> => {
    const workspace = wb.workspace;
    const portfolio = await workspace.portfolio(learnerId);
    const { units } = await workspace.listUnits();
    return learnerAuditTrail(workspace.centre, units, portfolio.data, filter);
  },
};
