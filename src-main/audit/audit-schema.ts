import { z } from 'zod';
import { isoDateTime } from '../shared/record';

/** What an entry is about, so the trail can be shown per unit, criterion or evidence item. */
export const auditSubjectSchema = z.object({
  learnerId: z.string().optional(),
  unitId: z.string().optional(),
  criterionRef: z.string().optional(),
  partRef: z.string().optional(),
  evidenceId: z.string().optional(),
  personId: z.string().optional(),
});

export const auditEntrySchema = z.object({
  id: z.string().min(1),
  at: isoDateTime,
  by: z.string().min(1),
  role: z.string().min(1),
  action: z.string().min(1),
  /** What the change was about, in words, e.g. "registration rg-…" or "criterion 3.2". */
  target: z.string(),
  subject: auditSubjectSchema.optional(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});

export type AuditSubject = z.infer<typeof auditSubjectSchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
