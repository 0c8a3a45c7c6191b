import type { RecordDocument } from '../model/record-document';
import { assembleRecord, formatDate, joinList, tableSection } from './record-common';
import { learnerAndAssessorFields } from './session-sections';
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
      learnerAndAssessorFields(input, [
        { label: 'Evidence items', value: String(input.items.length) },
      ]),
      tableSection(
        'Evidence',
        [
          ['Ref', 8],
          ['Evidence', 27],
          ['Method', 18],
          ['Date', 13],
          ['File', 17],
          ['Criteria covered', 17],
        ],
        input.items.map((item) => [
          item.ref,
          item.title,
          joinList(item.methods),
          formatDate(item.date),
          item.fileName,
          joinList(item.criteriaRefs),
        ]),
        'The portfolio holds no evidence yet.',
      ),
    ],
  });
}
