import { z } from 'zod';
import { operation } from '../shared/operation';

export interface AuditView {
  id: string;
  at: string;
  who: string;
  role: string;
  action: string;
  target: string;
  before: string | null;
  after: string | null;
  unitId: string | null;
  criterionRef: string | null;
}

export const auditOperations = {
  'audit:list': operation<AuditView[]>()(
    z.object({
      learnerId: z.string().min(1),
      unitId: z.string().min(1).optional(),
      criterionRef: z.string().min(1).optional(),
      evidenceId: z.string().min(1).optional(),
    }),
  ),
};
