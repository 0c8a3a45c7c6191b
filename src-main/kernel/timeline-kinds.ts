/**
 * The kinds of entry on a learner's timeline, in the order the filter lists them. A domain that
 * adds entries (assessment plans, progress reviews, visits) adds its kind here and its source in
 * `src-main/timeline/timeline-handlers.ts`.
 */
export const timelineKinds = [
  'registration',
  'plan',
  'evidence',
  'decision',
  'witness',
  'sign-off',
  'record',
  'review',
  'iqa-sample',
  'eqa-visit',
  'action-point',
] as const;
export type TimelineKind = (typeof timelineKinds)[number];

export const timelineKindLabels: Record<TimelineKind, string> = {
  registration: 'Registrations',
  plan: 'Assessment plans',
  evidence: 'Evidence added',
  decision: 'Decisions',
  witness: 'Witness forms',
  'sign-off': 'Sign-offs',
  record: 'Records issued',
  review: 'Progress reviews',
  'iqa-sample': 'IQA samples',
  'eqa-visit': 'EQA visits',
  'action-point': 'Action points',
};
