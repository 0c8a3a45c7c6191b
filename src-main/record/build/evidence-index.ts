import type { RecordDocument } from '../model/record-document';
import { assembleRecord, formatDate, joinList, learnerFields } from './record-common';
import type { EvidenceIndexInput } from './record-inputs';
import { evidenceIndexInputSchema } from './record-inputs';

export function buildEvidenceIndex(raw: EvidenceIndexInput): RecordDocument {
  const input = evidenceIndexInputSchema.parse(raw);
  return assembleRecord(input, {
    kind: 'evidence-index',
    title: 'Evidence index',
    unitRef: 'All units',
    author: input.assessor.name,
    subject: `Evidence index of ${input.learner.name}'s portfolio`,
    sections: [
      {
        type: 'fields',
        fields: [
          ...learnerFields(input),
          { label: 'Assessor', value: input.assessor.name },
          { label: 'Evidence items', value: String(input.items.length) },
        ],
      },
      {
        type: 'table',
        heading: 'Evidence',
        columns: [
          { label: 'Ref', width: 8 },
          { label: 'Evidence', width: 27 },
          { label: 'Method', width: 18 },
          { label: 'Date', width: 13 },
          { label: 'File', width: 17 },
          { label: 'Criteria covered', width: 17 },
        ],
        rows: input.items.map((item) => [
          item.ref,
          item.title,
          joinList(item.methods),
          formatDate(item.date),
          item.fileName,
          joinList(item.criteriaRefs),
        ]),
        emptyText: 'The portfolio holds no evidence yet.',
      },
    ],
  });
}
