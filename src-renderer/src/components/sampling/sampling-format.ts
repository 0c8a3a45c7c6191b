import type { ReviewDecision } from '../../../../src-main/sampling/review-schema';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-03-07" → "7 Mar 2026", as the paperwork writes dates. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${Number(d)} ${months[Number(m) - 1] ?? m} ${y}`;
}

export function formatPeriod(period: { from: string; to: string }): string {
  return `${formatDate(period.from)} to ${formatDate(period.to)}`;
}

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
  styles: { label: { whiteSpace: 'normal' } },
} as const;
