import { z } from 'zod';
import { retentionPolicySchema, type RetentionPolicy } from '../centre/retention-policy';
import { operation } from '../shared/operation';
import type { EraseResult } from './erase';
import type { RetentionList } from './retention-list';

export type { EraseResult, RetentionList };

export const retentionOperations = {
  /** Every learner whose data has passed a retention period: what would go, what must stay. */
  'retention:list': operation<RetentionList>()(z.object({})),
  'retention:set-policy': operation<RetentionPolicy>()(retentionPolicySchema, { writes: true }),
  /** Erases a learner's data, sealed by the IQA using the workbench with an erasure record. */
  'retention:erase': operation<EraseResult>()(
    z.object({
      learnerId: z.string().min(1),
      reason: z.string().trim().min(1, 'Say why the data is being erased.').max(2000),
      scope: z.enum(['evidence', 'learner']),
      onRequest: z.boolean().default(false),
      passphrase: z.string().min(1).max(1000).optional(),
    }),
    { writes: true },
  ),
};
