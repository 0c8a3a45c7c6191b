import type { RecordDocument } from '../model/record-document';
import {
  assembleRecord,
  formatDate,
  joinList,
  learnerFields,
  signatureBlock,
} from './record-common';
import type { DiscussionInput } from './record-inputs';
import { discussionInputSchema } from './record-inputs';
import { notesSection, targetedRows } from './observation-record';

export function buildDiscussionRecord(raw: DiscussionInput): RecordDocument {
  const input = discussionInputSchema.parse(raw);
  const recording =
    input.recording ??
    (input.consentToRecording
      ? `Yes${input.recordingFile ? `: recording kept as ${input.recordingFile}` : ''}`
      : 'Not recorded');
  const sections: RecordDocument['sections'] = [
    {
      type: 'fields',
      fields: [
        ...learnerFields(input),
        { label: 'Assessor', value: input.assessor.name },
        { label: 'Date', value: formatDate(input.date) },
        {
          label: 'Duration',
          value: input.durationMinutes ? `${input.durationMinutes} minutes` : 'Not recorded',
        },
        ...(input.location ? [{ label: 'Location', value: input.location }] : []),
        input.recording === undefined
          ? { label: 'Learner consented to recording', value: recording }
          : { label: 'Recording', value: recording },
      ],
    },
    {
      type: 'table',
      heading: 'Criteria agreed beforehand',
      columns: [
        { label: 'Unit', width: 30 },
        { label: 'Assessment criteria', width: 70 },
      ],
      rows: targetedRows(input.criteriaAgreed),
      emptyText: 'No criteria were agreed.',
    },
    {
      type: 'table',
      heading: 'Account of the discussion',
      columns: [
        { label: 'Time', width: 10 },
        { label: 'Criteria', width: 16 },
        { label: 'What the learner said and showed', width: 74 },
      ],
      rows: input.account.map((a) => [a.timeStamp ?? '', joinList(a.criteriaRefs), a.text]),
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
      heading: 'Next steps',
      paragraphs: input.nextSteps,
      emptyText: 'No next steps recorded.',
    },
    {
      type: 'declarations',
      heading: 'Signatures',
      declarations: [
        {
          statement: 'I confirm that this is an accurate account of the discussion.',
          signature: signatureBlock(input.learner, 'Learner', input.learnerSignature),
        },
        {
          statement: 'I confirm that I led this discussion and that the account is accurate.',
          signature: signatureBlock(input.assessor, 'Assessor', input.assessorSignature),
        },
      ],
    },
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
