import { z } from 'zod';
import { operation } from '../shared/operation';
import { staffRoles } from '../centre/centre-schema';

const staffDetails = z.object({
  name: z.string().trim().min(1, 'Give the person a name.').max(200),
  roles: z.array(z.enum(staffRoles)).min(1, 'Give each person at least one role.'),
  assessorStatus: z.enum(['qualified', 'working-towards']).optional(),
  countersignerId: z.string().min(1).optional(),
  email: z.string().trim().max(320).optional(),
});

export const staffOperations = {
  'staff:add': operation<{ id: string }>()(staffDetails, { writes: true }),
  'staff:update': operation<{ id: string }>()(
    staffDetails.partial().extend({
      personId: z.string().min(1),
      archived: z.boolean().optional(),
      // Sent as null to take a countersigner away.
      countersignerId: z.string().min(1).nullable().optional(),
    }),
    { writes: true },
  ),
};
