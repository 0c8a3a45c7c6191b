import { z } from 'zod';
import { operation } from '../shared/operation';

const target = z.object({
  unitId: z.string().min(1),
  criterionRef: z.string().min(1),
  partRef: z.string().min(1).nullable(),
});

export const mappingOperations = {
  /** Select the criteria (and parts) one evidence item covers. */
  'mapping:set-for-evidence': operation<{ mapped: number }>()(
    z.object({
      learnerId: z.string().min(1),
      evidenceId: z.string().min(1),
      targets: z.array(target).max(500),
    }),
    { writes: true },
  ),
  /** Attach evidence items to one criterion (or part). */
  'mapping:set-for-criterion': operation<{ mapped: number }>()(
    target.extend({
      learnerId: z.string().min(1),
      evidenceIds: z.array(z.string().min(1)).max(1000),
    }),
    { writes: true },
  ),
};
