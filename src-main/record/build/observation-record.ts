import type { RecordDocument } from '../model/record-document';
import {
  assembleRecord,
  formatDate,
  joinList,
  learnerFields,
  sentenceCase,
  signatureBlock,
} from './record-common';
import type { ObservationInput } from './record-inputs';
import { observationInputSchema } from './record-inputs';

export function targetedRows(targets: { unitRef: string; criteriaRefs: string[] }[]): string[][] {
  return targets.map((t) => [t.unitRef, joinList(t.criteriaRefs)]);
}

/** The assessor's notes on the evidence item, under their own name, when there are any. */
export function notesSection(notes: string[]): RecordDocument['sections'] {
  const written = notes.filter((n) => n.trim() !== '');
  return written.length
    ? [{ type: 'paragraphs', heading: "Assessor's notes", paragraphs: written }]
    : [];
}

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
    {
      type: 'table',
      heading: 'Units and criteria targeted',
      columns: [
        { label: 'Unit', width: 30 },
        { label: 'Assessment criteria', width: 70 },
      ],
      rows: targetedRows(input.targeted),
      emptyText: 'No criteria were targeted.',
    },
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
    {
      type: 'paragraphs',
      heading: 'Assessor feedback',
      paragraphs: input.feedback,
      emptyText: 'No feedback recorded.',
    },
    ...notesSection(input.notes),
    {
      type: 'paragraphs',
      heading: 'Learner comments',
      paragraphs: input.learnerComments,
      emptyText: 'No comments recorded.',
    },
    {
      type: 'fields',
      heading: 'Decision',
      fields: [{ label: 'Decision', value: sentenceCase(input.decision) }],
    },
    {
      type: 'declarations',
      heading: 'Signatures',
      declarations: [
        {
          statement: 'I confirm that this is an accurate record of what I did and said.',
          signature: signatureBlock(input.learner, 'Learner', input.learnerSignature),
        },
        {
          statement: 'I confirm that I observed the activity recorded here at the time shown.',
          signature: signatureBlock(input.assessor, 'Assessor', input.assessorSignature),
        },
      ],
    },
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
