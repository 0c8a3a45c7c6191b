import type { FieldsSection, RecordDocument } from '../model/record-document';
import { joinList, learnerFields, signatureBlock } from './record-common';
import type { PersonInput, SignatureInput } from './record-inputs';

/**
 * Sections the assessor's records share (observation, professional discussion, unit record),
 * written once so the same part reads the same in each.
 */
type Section = RecordDocument['sections'][number];

/** The units and criteria an assessment set out to cover, one row a unit. */
export function criteriaTable(
  heading: string,
  targets: readonly { unitRef: string; criteriaRefs: string[] }[],
  emptyText: string,
): Section {
  return {
    type: 'table',
    heading,
    columns: [
      { label: 'Unit', width: 30 },
      { label: 'Assessment criteria', width: 70 },
    ],
    rows: targets.map((t) => [t.unitRef, joinList(t.criteriaRefs)]),
    emptyText,
  };
}

export function assessorFeedback(feedback: string[]): Section {
  return {
    type: 'paragraphs',
    heading: 'Assessor feedback',
    paragraphs: feedback,
    emptyText: 'No feedback recorded.',
  };
}

export function learnerComments(comments: string[]): Section {
  return {
    type: 'paragraphs',
    heading: 'Learner comments',
    paragraphs: comments,
    emptyText: 'No comments recorded.',
  };
}

/** The assessor's notes on the evidence item, under their own name, when there are any. */
export function notesSection(notes: string[]): Section[] {
  const written = notes.filter((n) => n.trim() !== '');
  return written.length
    ? [{ type: 'paragraphs', heading: "Assessor's notes", paragraphs: written }]
    : [];
}

/** The learner and the assessor each sign under what they confirm. */
export function learnerAndAssessorSignatures(
  input: {
    learner: PersonInput;
    assessor: PersonInput;
    learnerSignature?: SignatureInput;
    assessorSignature?: SignatureInput;
  },
  statements: { learner: string; assessor: string },
): Section {
  return {
    type: 'declarations',
    heading: 'Signatures',
    declarations: [
      {
        statement: statements.learner,
        signature: signatureBlock(input.learner, 'Learner', input.learnerSignature),
      },
      {
        statement: statements.assessor,
        signature: signatureBlock(input.assessor, 'Assessor', input.assessorSignature),
      },
    ],
  };
}

/** The fields a record of one learner's assessment opens with: learner, assessor, then its own. */
export function learnerAndAssessorFields(
  input: Parameters<typeof learnerFields>[0] & { assessor: PersonInput },
  own: { label: string; value: string }[],
): FieldsSection {
  return {
    type: 'fields',
    fields: [...learnerFields(input), { label: 'Assessor', value: input.assessor.name }, ...own],
  };
}
