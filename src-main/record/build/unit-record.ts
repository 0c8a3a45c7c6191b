import type { z } from 'zod';
import { DECLARATION_VERSION, declarationWords } from '../../decision/declaration-text';
import type { DeclarationsSection, IqaSection, RecordDocument } from '../model/record-document';
import {
  assembleRecord,
  declarationsSection,
  formatDate,
  joinList,
  learnerFields,
  sentenceCase,
  signatureBlock,
  tableSection,
} from './record-common';
import type { CriterionDecision, UnitRecordInput, criterionRowSchema } from './record-inputs';
import { unitRecordInputSchema } from './record-inputs';
import { assessorFeedback, learnerComments } from './session-sections';
import { criterionLabel } from '../../kernel/criterion-key';
import { unitLabel } from '../../kernel/unit-label';

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

type Input = z.output<typeof unitRecordInputSchema>;

/** A row per criterion, then a row per part of it, each with its own decision. */
function criteriaRows(input: Input): string[][] {
  return input.criteria.flatMap((criterion) => [
    [
      criterion.ref,
      criterion.text,
      joinList(criterion.evidenceRefs),
      joinList(criterion.methods),
      formatDate(criterion.date),
      sentenceCase(criterionDecision(criterion)),
    ],
    ...criterion.parts.map((part) => [
      criterionLabel(criterion.ref, part.ref),
      part.text,
      joinList(part.evidenceRefs),
      joinList(part.methods),
      formatDate(part.date),
      sentenceCase(part.decision),
    ]),
  ]);
}

function refuseContradiction(input: Input): void {
  const unmet = input.criteria.filter((c) => criterionDecision(c) !== 'met').map((c) => c.ref);
  if (input.unitDecision === 'achieved' && unmet.length > 0) {
    throw new Error(
      `The unit cannot be recorded as achieved while criteria ${unmet.join(', ')} are not met.`,
    );
  }
}

function unitDeclarations(input: Input): DeclarationsSection {
  const { countersignature } = input;
  return declarationsSection(
    `Declarations (wording version ${input.assessorSignature.declarationVersion ?? DECLARATION_VERSION})`,
    [
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
      ...(countersignature
        ? [
            {
              statement: declarationWords(
                'countersignature',
                countersignature.signature.declarationVersion,
              ),
              signature: signatureBlock(
                countersignature.person,
                'Countersigning assessor',
                countersignature.signature,
              ),
            },
          ]
        : []),
    ],
  );
}

function iqaSection({ iqa }: Input): IqaSection {
  return {
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
  };
}

function unitSections(input: Input): RecordDocument['sections'] {
  const { unit } = input;
  return [
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
    tableSection(
      'Assessment criteria',
      [
        ['Ref', 7],
        ['Assessment criterion', 33],
        ['Evidence', 12],
        ['Method', 20],
        ['Date', 13],
        ['Decision', 15],
      ],
      criteriaRows(input),
    ),
    tableSection(
      'Evidence key',
      [
        ['Ref', 8],
        ['Evidence', 52],
        ['Method', 24],
        ['Date', 16],
      ],
      input.evidenceKey.map((e) => [e.ref, e.title, e.method, formatDate(e.date)]),
      'No evidence is mapped to this unit yet.',
    ),
    {
      type: 'fields',
      heading: 'Unit decision',
      fields: [{ label: 'Decision', value: sentenceCase(input.unitDecision) }],
    },
    assessorFeedback(input.feedback),
    learnerComments(input.learnerComments),
    unitDeclarations(input),
    iqaSection(input),
  ];
}

export function buildUnitRecord(raw: UnitRecordInput): RecordDocument {
  const input = unitRecordInputSchema.parse(raw);
  const { unit } = input;
  refuseContradiction(input);
  return assembleRecord(input, {
    kind: 'unit-record',
    title: 'Unit assessment record',
    unitRef: unit.ref,
    author: input.assessor.name,
    subject: `${unitLabel(unit.ref, unit.title)}: assessment record for ${input.learner.name}`,
    ...(input.signedOff
      ? {}
      : {
          draft:
            'The unit is not signed off: this record shows work in progress and is not a signed record.',
        }),
    sections: unitSections(input),
  });
}
