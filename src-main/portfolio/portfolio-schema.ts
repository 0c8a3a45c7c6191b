import { z } from 'zod';
import { recordFields } from '../shared/record';

export const registrationSchema = z.object({
  ...recordFields,
  unitId: z.string().min(1),
  /** Learners stay on the unit version they were registered on until moved. */
  unitVersion: z.number().int().positive(),
  assessorId: z.string().min(1),
  registeredAt: z.iso.datetime({ offset: true }),
});

export const auditEntrySchema = z.object({
  id: z.string().min(1),
  at: z.iso.datetime({ offset: true }),
  by: z.string().min(1),
  role: z.string().min(1),
  action: z.string().min(1),
  /** What the change was about, e.g. "registration rg-…" or "criterion 3.2". */
  target: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});

export const portfolioSchema = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal('learner-portfolio'),
  learnerId: z.string().min(1),
  registrations: z.array(registrationSchema),
  /** Appended to, never rewritten. */
  audit: z.array(auditEntrySchema),
});

export type Registration = z.infer<typeof registrationSchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type Portfolio = z.infer<typeof portfolioSchema>;
