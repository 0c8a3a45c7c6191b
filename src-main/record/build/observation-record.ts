import type { RecordDocument } from '../model/record-document';
import { assembleRecord, formatDate, joinList, learnerFields, sentenceCase } from './record-common';
import type { ObservationInput } from './record-inputs';
import { observationInputSchema } from './record-inputs';
import {
  assessorFeedback,
  criteriaTable,
  learnerAndAssessorSignatures,
  learnerComments,
  notesSection,
} from './session-sections';

export function buildObservationRecord(raw: ObservationInput): RecordDocument {
  const input = observationInputSchema.parse(raw);
  const time = input.endTime ? `${input.startTime} to ${input.endTime}` : input.startTime;
  const sections: RecordDocument['sections'] = [
    {
      type: 'fields',
      fields: [
        ...learnerFields(input),
        { label: 'Assessor', value: input.assessor.name },
        { label: 'Date', value: formatDate(input.date) },
        { label: 'Time', value: time },
        { label: 'Location', value: input.location },
      ],
    },
    criteriaTable('Units and criteria targeted', input.targeted, 'No criteria were targeted.'),
    { type: 'paragraphs', heading: 'What was observed', paragraphs: input.narrative },
    {
      type: 'table',
      heading: 'Questions asked and answers given',
      columns: [
        { label: 'Question', width: 38 },
        { label: 'Answer', width: 46 },
        { label: 'Criteria', width: 16 },
      ],
      rows: input.questions.map((q) => [q.question, q.answer, joinList(q.criteriaRefs)]),
      emptyText: input.questionsNote ?? 'No questions were asked.',
    },
    {
      type: 'table',
      heading: 'Products cross-referenced',
      columns: [
        { label: 'Evidence', width: 20 },
        { label: 'Description', width: 80 },
      ],
      rows: input.productRefs.map((p) => [p.ref, p.description]),
      emptyText: 'No work products were cross-referenced.',
    },
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
