import { z } from 'zod';

/** The events a retention period is counted from, read from the learner's portfolio. */
export const retentionEvents = ['certification', 'withdrawal', 'last-activity'] as const;
export type RetentionEvent = (typeof retentionEvents)[number];

export const retentionEventWords: Record<RetentionEvent, string> = {
  certification: 'certification',
  withdrawal: 'withdrawal',
  'last-activity': 'last activity',
};

/** The kinds of data a centre keeps for its own period. */
export const retentionKinds = ['evidence', 'portfolio', 'qa', 'witnessContacts'] as const;
export type RetentionKind = (typeof retentionKinds)[number];

export const retentionKindWords: Record<RetentionKind, string> = {
  evidence: 'Evidence files',
  portfolio: 'Portfolio and decisions',
  qa: 'QA records',
  witnessContacts: 'Witness contact details',
};

export const retentionPeriodSchema = z.object({
  years: z.number().int().min(0).max(50),
  from: z.enum(retentionEvents),
});

export const retentionPolicySchema = z.object({
  evidence: retentionPeriodSchema,
  portfolio: retentionPeriodSchema,
  qa: retentionPeriodSchema,
  witnessContacts: retentionPeriodSchema,
});

export type RetentionPeriod = z.infer<typeof retentionPeriodSchema>;
export type RetentionPolicy = z.infer<typeof retentionPolicySchema>;

/**
 * What a centre keeps until it says otherwise: awarding bodies typically ask for three years
 * after certification; witnesses' contact details are needed only while the evidence may be
 * checked with them, so a year after the learner's last activity.
 */
export const DEFAULT_RETENTION: RetentionPolicy = {
  evidence: { years: 3, from: 'certification' },
  portfolio: { years: 3, from: 'certification' },
  qa: { years: 3, from: 'certification' },
  witnessContacts: { years: 1, from: 'last-activity' },
};

/** The centre's policy: what it set, else the defaults. */
export function retentionPolicyOf(centre: { retention?: RetentionPolicy | undefined }) {
  return centre.retention ?? DEFAULT_RETENTION;
}
