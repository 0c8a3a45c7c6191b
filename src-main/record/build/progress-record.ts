import { targetOverdue } from '../../kernel/progress-review-words';
import type { RecordDocument } from '../model/record-document';
import {
  assembleRecord,
  formatDate,
  learnerFields,
  sentenceCase,
  signatureBlock,
} from './record-common';
import type { ProgressInput } from './record-inputs';
import { progressInputSchema } from './record-inputs';

export function buildProgressRecord(raw: ProgressInput): RecordDocument {
  const input = progressInputSchema.parse(raw);
  const roc = input.rulesOfCombination;
  const credits =
    roc.creditsAchieved === undefined
      ? []
      : [
          {
            label: 'Credits achieved',
            value:
              roc.creditsRequired === undefined
                ? String(roc.creditsAchieved)
                : `${roc.creditsAchieved} of ${roc.creditsRequired} required`,
          },
        ];
  const sections: RecordDocument['sections'] = [
    {
      type: 'fields',
      fields: [
        ...learnerFields(input),
        { label: 'Assessor', value: input.assessor.name },
        { label: 'Progress as at', value: formatDate(input.asAt) },
        ...credits,
      ],
    },
    {
      type: 'table',
      heading: 'Units',
      columns: [
        { label: 'Unit ref', width: 13 },
        { label: 'Unit title', width: 31 },
        { label: 'Group', width: 13 },
        { label: 'Level', width: 7 },
        { label: 'Credits', width: 10 },
        { label: 'Criteria met', width: 10 },
        { label: 'Status', width: 16 },
      ],
      rows: input.units.map((u) => [
        u.ref,
        u.title,
        u.group,
        u.level ?? '',
        u.credits === undefined ? '' : String(u.credits),
        `${u.criteriaMet} of ${u.criteriaTotal}`,
        u.achievedDate
          ? `${sentenceCase(u.status)} ${formatDate(u.achievedDate)}`
          : sentenceCase(u.status),
      ]),
      emptyText: 'The learner is not registered on any unit.',
    },
    { type: 'paragraphs', heading: 'Rules of combination', paragraphs: roc.position },
    ...(input.lastReview
      ? [
          {
            type: 'table' as const,
            heading: `Targets from the progress review of ${formatDate(input.lastReview.heldOn)}`,
            columns: [
              { label: 'Target', width: 60 },
              { label: 'By', width: 16 },
              { label: 'Who', width: 24 },
            ],
            // Not yet answered (the next review does that): one past its date is flagged.
            rows: input.lastReview.targets.map((t) => [
              t.what,
              `${formatDate(t.byWhen)}${targetOverdue(t.byWhen, null, input.asAt) ? ' (past its date)' : ''}`,
              t.who,
            ]),
            emptyText: 'No targets were set at that review.',
          },
        ]
      : []),
    ...(input.assessorSignature
      ? [
          {
            type: 'declarations' as const,
            heading: 'Signature',
            declarations: [
              {
                statement: 'I confirm that this summary reflects the assessment decisions made.',
                signature: signatureBlock(input.assessor, 'Assessor', input.assessorSignature),
              },
            ],
          },
        ]
      : []),
  ];
  return assembleRecord(input, {
    kind: 'progress',
    title: 'Learner progress summary',
    unitRef: 'All units',
    author: input.assessor.name,
    subject: `Progress of ${input.learner.name} as at ${formatDate(input.asAt)}`,
    sections,
  });
}
