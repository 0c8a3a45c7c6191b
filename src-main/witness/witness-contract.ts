import { z } from 'zod';
import { operation } from '../shared/operation';
import type { Witness } from '../centre/witness-schema';

export type WitnessView = Omit<Witness, 'updatedAt' | 'updatedBy'>;

const text = z.string().trim().max(2000);

const witnessDetails = z.object({
  name: z.string().trim().min(1, 'Give the witness a name.').max(200),
  jobTitle: text.optional(),
  employer: text.optional(),
  relationship: text.optional(),
  contact: text.optional(),
  expert: z.boolean().optional(),
  competence: text.optional(),
});

export const witnessOperations = {
  'witness:list': operation<WitnessView[]>()(z.object({ includeArchived: z.boolean().optional() })),
  'witness:add': operation<{ id: string }>()(witnessDetails, { writes: true }),
  'witness:update': operation<{ id: string }>()(
    witnessDetails.partial().extend({
      witnessId: z.string().min(1),
      archived: z.boolean().optional(),
    }),
    { writes: true },
  ),
};
