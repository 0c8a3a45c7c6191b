export const kindLabels = {
  'unit-record': 'Unit assessment record',
  observation: 'Observation record',
  discussion: 'Professional discussion record',
  progress: 'Learner progress summary',
  'evidence-index': 'Evidence index',
} as const;

export type RecordKindId = keyof typeof kindLabels;

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  });
}
