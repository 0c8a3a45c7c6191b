import type { RecordDocument } from '../model/record-document';
import { assembleRecord, formatDate, joinList, sentenceCase, tableSection } from './record-common';
import type { ObservationInput } from './record-inputs';
import { observationInputSchema } from './record-inputs';
import {
  assessorFeedback,
  learnerAndAssessorFields,
  criteriaTable,
  learnerAndAssessorSignatures,
  learnerComments,
  notesSection,
} from './session-sections';

export function buildObservationRecord(raw: ObservationInput): RecordDocument {
  const input = observationInputSchema.parse(raw);
  const time = input.endTime ? `${input.startTime} to ${input.endTime}` : input.startTime;
  const sections: RecordDocument['sections'] = [
    learnerAndAssessorFields(input, [
      { label: 'Date', value: formatDate(input.date) },
      { label: 'Time', value: time },
      { label: 'Location', value: input.location },
    ]),
    criteriaTable('Units and criteria targeted', input.targeted, 'No criteria were targeted.'),
    { type: 'paragraphs', heading: 'What was observed', paragraphs: input.narrative },
    tableSection(
      'Questions asked and answers given',
      [
        ['Question', 38],
        ['Answer', 46],
        ['Criteria', 16],
      ],
      input.questions.map((q) => [q.question, q.answer, joinList(q.criteriaRefs)]),
      input.questionsNote ?? 'No questions were asked.',
    ),
    tableSection(
      'Products cross-referenced',
      [
        ['Evidence', 20],
        ['Description', 80],
      ],
      input.productRefs.map((p) => [p.ref, p.description]),
      'No work products were cross-referenced.',
    ),
    assessorFeedback(input.feedback),
    ...notesSection(input.notes),
    learnerComments(input.learnerComments),
    {
      type: 'fields',
      heading: 'Decision',
      fields: [{ label: 'Decision', value: sentenceCase(input.decision) }],
    },
    learnerAndAssessorSignatures(input, {
      learner: 'I confirm that this is an accurate record of what I did and said.',
      assessor: 'I confirm that I observed the activity recorded here at the time shown.',
    }),
  ];
  return assembleRecord(input, {
    kind: 'observation',
    title: 'Observation record',
    unitRef: input.unitRef,
    author: input.assessor.name,
    subject: `Observation of ${input.learner.name} on ${formatDate(input.date)}`,
    sections,
  });
}
