import { z } from 'zod';
import { operation } from '../shared/operation';

const learnerId = z.string().min(1);

export const registrationOperations = {
  'registration:add': operation<{ id: string }>()(
    z.object({
      learnerId,
      unitId: z.string().min(1),
      /** The latest version of the unit when not given. */
      unitVersion: z.number().int().positive().optional(),
      assessorId: z.string().min(1, 'Choose the assessor.'),
      qualification: z.string().trim().max(300).optional(),
    }),
    { writes: true },
  ),
  'registration:update': operation<{ id: string }>()(
    z.object({
      learnerId,
      registrationId: z.string().min(1),
      assessorId: z.string().min(1).optional(),
      unitVersion: z.number().int().positive().optional(),
      qualification: z.string().trim().max(300).optional(),
      withdrawn: z.boolean().optional(),
    }),
    { writes: true },
  ),
};
