import type { RecordDocument } from '../model/record-document';
import { assembleRecord, formatDate, joinList, tableSection } from './record-common';
import type { DiscussionInput } from './record-inputs';
import { discussionInputSchema } from './record-inputs';
import {
  assessorFeedback,
  learnerAndAssessorFields,
  criteriaTable,
  learnerAndAssessorSignatures,
  notesSection,
} from './session-sections';

export function buildDiscussionRecord(raw: DiscussionInput): RecordDocument {
  const input = discussionInputSchema.parse(raw);
  const recording =
    input.recording ??
    (input.consentToRecording
      ? `Yes${input.recordingFile ? `: recording kept as ${input.recordingFile}` : ''}`
      : 'Not recorded');
  const sections: RecordDocument['sections'] = [
    learnerAndAssessorFields(input, [
      { label: 'Date', value: formatDate(input.date) },
      {
        label: 'Duration',
        value: input.durationMinutes ? `${input.durationMinutes} minutes` : 'Not recorded',
      },
      ...(input.location ? [{ label: 'Location', value: input.location }] : []),
      input.recording === undefined
        ? { label: 'Learner consented to recording', value: recording }
        : { label: 'Recording', value: recording },
    ]),
    criteriaTable('Criteria agreed beforehand', input.criteriaAgreed, 'No criteria were agreed.'),
    tableSection(
      'Account of the discussion',
      [
        ['Time', 10],
        ['Criteria', 16],
        ['What the learner said and showed', 74],
      ],
      input.account.map((a) => [a.timeStamp ?? '', joinList(a.criteriaRefs), a.text]),
    ),
    assessorFeedback(input.feedback),
    ...notesSection(input.notes),
    {
      type: 'paragraphs',
      heading: 'Next steps',
      paragraphs: input.nextSteps,
      emptyText: 'No next steps recorded.',
    },
    learnerAndAssessorSignatures(input, {
      learner: 'I confirm that this is an accurate account of the discussion.',
      assessor: 'I confirm that I led this discussion and that the account is accurate.',
    }),
  ];
  return assembleRecord(input, {
    kind: 'discussion',
    title: 'Professional discussion record',
    unitRef: input.unitRef,
    author: input.assessor.name,
    subject: `Professional discussion with ${input.learner.name} on ${formatDate(input.date)}`,
    sections,
  });
}
