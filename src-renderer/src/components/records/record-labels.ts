export const kindLabels = {
  'unit-record': 'Unit assessment record',
  observation: 'Observation record',
  discussion: 'Professional discussion record',
  progress: 'Learner progress summary',
  'evidence-index': 'Evidence index',
  'progress-review': 'Progress review',
  'assessment-plan': 'Assessment plan',
} as const;

export type RecordKindId = keyof typeof kindLabels;

export { formatDateTime } from '../dates/format';
