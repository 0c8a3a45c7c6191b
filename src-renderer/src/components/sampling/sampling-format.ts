import type { ReviewDecision } from '../../../../src-main/kernel/review-words';

export { formatDate, formatDateTime, formatPeriod } from '../dates/format';

export const decisionLabels: Record<ReviewDecision, string> = {
  agree: 'Agree',
  'assessor-to-action': 'Assessor to action',
  disagree: 'Disagree (refer)',
};

export const decisionColours: Record<ReviewDecision, string> = {
  agree: 'teal',
  'assessor-to-action': 'orange',
  disagree: 'red',
};

export const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Badges that wrap rather than cut a word off in a narrow table column. */
export const wrapBadge = {
  tt: 'none',
  h: 'auto',
  radius: 'sm',
  styles: { label: { whiteSpace: 'normal' } },
} as const;
