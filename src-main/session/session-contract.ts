import { z } from 'zod';
import { operation } from '../shared/operation';
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
  /** Whether the person working has proved who they are this session (their key is unlocked). */
  unlocked: boolean;
  /** The desktop app can keep a passphrase sealed by the system keychain. */
  canSealPassphrases: boolean;
  choices: UserChoice[];
}

export const sessionOperations = {
  'session:get': operation<SessionView>()(z.object({})),
  /**
   * Chooses who is working. An assessor or IQA proves it with their signing passphrase (or, in
   * the desktop app, the one the system keychain keeps for them); an EQA, who only reads, needs none.
   */
  'session:set-user': operation<SessionView>()(
    z.object({
      personId: z.string().min(1),
      role: z.enum(staffRoles),
      passphrase: z.string().optional(),
      remember: z.boolean().optional(),
    }),
  ),
};
