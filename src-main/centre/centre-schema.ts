import { z } from 'zod';
import {
  DEFAULT_REVIEW_WEEKS,
  MAX_REVIEW_WEEKS,
  MIN_REVIEW_WEEKS,
} from '../kernel/progress-review-words';
import { auditEntrySchema } from '../audit/audit-schema';
import { isoDate, isoDateTime, recordFields } from '../shared/record';
import { witnessSchema } from './witness-schema';
import { retentionPolicySchema } from './retention-policy';
import { ulnProblem } from './uln';

export const staffRoles = ['assessor', 'iqa', 'eqa'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const roleLabels: Record<StaffRole, string> = {
  assessor: 'Assessor',
  iqa: 'Internal quality assurer',
  eqa: 'External quality assurer (read-only)',
};

export const uln = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const problem = ulnProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const staffMemberSchema = z.object({
  ...recordFields,
  name: z.string().trim().min(1, 'A name is needed.'),
  roles: z.array(z.enum(staffRoles)).min(1, 'Give each person at least one role.'),
  /** Only for assessors: an unqualified assessor's decisions need countersigning. */
  assessorStatus: z.enum(['qualified', 'working-towards']).optional(),
  countersignerId: z.string().optional(),
  email: z.string().optional(),
  archived: z.boolean().default(false),
});

export const learnerSchema = z.object({
  ...recordFields,
  name: z.string().trim().min(1, 'A name is needed.'),
  /** Empty only once the learner's personal details were erased under the retention policy. */
  uln: uln.or(z.literal('')),
  dateOfBirth: isoDate.optional(),
  employer: z.string().default(''),
  workplace: z.string().default(''),
  cohort: z.string().default(''),
  /** Needs and reasonable adjustments, in the centre's words; empty when none. */
  needs: z.string().default(''),
  /** The learner's portfolio folder, relative to the workspace. */
  portfolio: z.string().min(1),
  archived: z.boolean().default(false),
  /**
   * Set once the learner's personal details were erased: a tombstone that wins over every
   * change to them, from any computer, so an older copy synced back never restores them.
   */
  erased: z
    .object({ pseudonym: z.string().min(1), erasedAt: isoDateTime, recordId: z.string().min(1) })
    .optional(),
});

export const awardingBodySchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1),
});

export const CENTRE_VERSION = 2;

export const centreFileSchema = z.object({
  schemaVersion: z.literal(CENTRE_VERSION),
  kind: z.literal('centre-workspace'),
  centre: z.object({
    ...recordFields,
    name: z.string().trim().min(1, 'The centre needs a name.'),
    number: z.string().trim().default(''),
    /** Set on the demo centre so that nothing in it is mistaken for real learners. */
    demo: z.boolean().default(false),
    /** Some centres reject typed signatures; drawn ones are always accepted. */
    allowTypedSignatures: z.boolean().default(false),
    /** Weeks between a learner's progress reviews; "due" from two weeks before, "overdue" after. */
    reviewIntervalWeeks: z
      .number()
      .int()
      .min(MIN_REVIEW_WEEKS)
      .max(MAX_REVIEW_WEEKS)
      .default(DEFAULT_REVIEW_WEEKS),
    /** How long learners' data is kept, from which event; absent, the defaults (retention-policy.ts). */
    retention: retentionPolicySchema.optional(),
  }),
  awardingBodies: z.array(awardingBodySchema),
  staff: z.array(staffMemberSchema),
  learners: z.array(learnerSchema),
  witnesses: z.array(witnessSchema),
  /** Changes to the roster, appended to and never rewritten (learners' own are in portfolios). */
  audit: z.array(auditEntrySchema),
});

export type CentreFile = z.infer<typeof centreFileSchema>;
export type StaffMember = z.infer<typeof staffMemberSchema>;
export type Learner = z.infer<typeof learnerSchema>;
export type AwardingBody = z.infer<typeof awardingBodySchema>;
