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
  'iqa-sample',
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
  'iqa-sample': 'IQA samples',
  'action-point': 'Action points',
};
