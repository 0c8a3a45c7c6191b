import { z } from 'zod';
import { operation } from '../api/operation';
import { staffRoles, type StaffRole } from '../centre/centre-schema';

export interface UserChoice {
  personId: string;
  name: string;
  role: StaffRole;
  roleLabel: string;
}

export interface SessionView {
  user: UserChoice | null;
  readOnly: boolean;
  choices: UserChoice[];
}

export const sessionOperations = {
  'session:get': operation<SessionView>()(z.object({})),
  'session:set-user': operation<SessionView>()(
    z.object({ personId: z.string().min(1), role: z.enum(staffRoles) }),
  ),
};
