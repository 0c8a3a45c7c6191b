import type { z } from 'zod';
import { DECLARATION_VERSION, declarationWords } from '../../decision/declaration-text';
import type { RecordDocument } from '../model/record-document';
import {
  assembleRecord,
  formatDate,
  joinList,
  learnerFields,
  sentenceCase,
  signatureBlock,
} from './record-common';
import type { CriterionDecision, UnitRecordInput, criterionRowSchema } from './record-inputs';
import { unitRecordInputSchema } from './record-inputs';
import { assessorFeedback, learnerComments } from './session-sections';
import { criterionLabel } from '../../kernel/criterion-key';

/** The words printed are the words signed, in the version each signature was given over. */
export const LEARNER_AUTHENTICITY_STATEMENT = declarationWords('learner-declaration');
export const ASSESSOR_STATEMENT = declarationWords('assessor-declaration');
export const COUNTERSIGNATURE_STATEMENT = declarationWords('countersignature');

/**
 * A criterion with parts is met only when every part is; a unit is achieved only when every
 * criterion is. The record refuses to print a decision its own rows contradict.
 */
function criterionDecision(criterion: z.infer<typeof criterionRowSchema>): CriterionDecision {
  if (criterion.parts.length === 0) return criterion.decision;
  if (criterion.parts.every((p) => p.decision === 'met')) return 'met';
  if (criterion.parts.some((p) => p.decision === 'not yet met')) return 'not yet met';
  return criterion.parts.some((p) => p.decision === 'met') ? 'not yet met' : 'not yet assessed';
}

export function buildUnitRecord(raw: UnitRecordInput): RecordDocument {
  const input = unitRecordInputSchema.parse(raw);
  const { unit } = input;
  const rows: string[][] = [];
  for (const criterion of input.criteria) {
    rows.push([
      criterion.ref,
      criterion.text,
      joinList(criterion.evidenceRefs),
      joinList(criterion.methods),
      formatDate(criterion.date),
      sentenceCase(criterionDecision(criterion)),
    ]);
    for (const part of criterion.parts) {
      rows.push([
        criterionLabel(criterion.ref, part.ref),
        part.text,
        joinList(part.evidenceRefs),
        joinList(part.methods),
        formatDate(part.date),
        sentenceCase(part.decision),
      ]);
    }
  }
  const unmet = input.criteria.filter((c) => criterionDecision(c) !== 'met').map((c) => c.ref);
  if (input.unitDecision === 'achieved' && unmet.length > 0) {
    throw new Error(
      `The unit cannot be recorded as achieved while criteria ${unmet.join(', ')} are not met.`,
    );
  }

  const declarations: RecordDocument['sections'] = [
    {
      type: 'declarations',
      heading: `Declarations (wording version ${input.assessorSignature.declarationVersion ?? DECLARATION_VERSION})`,
      declarations: [
        {
          statement: declarationWords(
            'learner-declaration',
            input.learnerSignature.declarationVersion,
          ),
          signature: signatureBlock(input.learner, 'Learner', input.learnerSignature),
        },
        {
          statement: declarationWords(
            'assessor-declaration',
            input.assessorSignature.declarationVersion,
          ),
          signature: signatureBlock(input.assessor, 'Assessor', input.assessorSignature),
        },
        ...(input.countersignature
          ? [
              {
                statement: declarationWords(
                  'countersignature',
                  input.countersignature.signature.declarationVersion,
                ),
                signature: signatureBlock(
                  input.countersignature.person,
                  'Countersigning assessor',
                  input.countersignature.signature,
                ),
              },
            ]
          : []),
      ],
    },
  ];

  const { iqa } = input;
  return assembleRecord(input, {
    kind: 'unit-record',
    title: 'Unit assessment record',
    unitRef: unit.ref,
    author: input.assessor.name,
    subject: `${unit.ref} ${unit.title}: assessment record for ${input.learner.name}`,
    ...(input.signedOff
      ? {}
      : {
          draft:
            'The unit is not signed off: this record shows work in progress and is not a signed record.',
        }),
    sections: [
      {
        type: 'fields',
        fields: [
          ...learnerFields(input),
          { label: 'Unit', value: unit.title },
          { label: 'Unit reference', value: unit.ref },
          { label: 'Level', value: unit.level ?? '' },
          { label: 'Credits', value: unit.credits === undefined ? '' : String(unit.credits) },
          { label: 'Assessor', value: input.assessor.name },
        ],
      },
      {
        type: 'table',
        heading: 'Assessment criteria',
        columns: [
          { label: 'Ref', width: 7 },
          { label: 'Assessment criterion', width: 33 },
          { label: 'Evidence', width: 12 },
          { label: 'Method', width: 20 },
          { label: 'Date', width: 13 },
          { label: 'Decision', width: 15 },
        ],
        rows,
      },
      {
        type: 'table',
        heading: 'Evidence key',
        columns: [
          { label: 'Ref', width: 8 },
          { label: 'Evidence', width: 52 },
          { label: 'Method', width: 24 },
          { label: 'Date', width: 16 },
        ],
        rows: input.evidenceKey.map((e) => [e.ref, e.title, e.method, formatDate(e.date)]),
        emptyText: 'No evidence is mapped to this unit yet.',
      },
      {
        type: 'fields',
        heading: 'Unit decision',
        fields: [{ label: 'Decision', value: sentenceCase(input.unitDecision) }],
      },
      assessorFeedback(input.feedback),
      learnerComments(input.learnerComments),
      ...declarations,
      {
        type: 'iqa',
        heading: 'Internal quality assurance',
        sampled: iqa.sampled,
        fields: [
          { label: 'Sampled', value: iqa.sampled ? 'Yes' : 'Not when this record was issued' },
          ...(iqa.sampleType ? [{ label: 'Sample', value: sentenceCase(iqa.sampleType) }] : []),
          ...(iqa.decision ? [{ label: 'IQA decision', value: sentenceCase(iqa.decision) }] : []),
        ],
        ...(iqa.comments ? { comments: iqa.comments } : {}),
        ...(iqa.person
          ? { signature: signatureBlock(iqa.person, 'Internal quality assurer', iqa.signature) }
          : {}),
      },
    ],
  });
}
