import { targetOverdue } from '../../kernel/progress-review-words';
import type { z } from 'zod';
import type { RecordDocument, TableSection } from '../model/record-document';
import {
  assembleRecord,
  declarationsSection,
  formatDate,
  sentenceCase,
  signatureBlock,
  tableSection,
} from './record-common';
import { learnerAndAssessorFields } from './session-sections';
import type { ProgressInput } from './record-inputs';
import { progressInputSchema } from './record-inputs';

type Input = z.output<typeof progressInputSchema>;

function creditsField(roc: Input['rulesOfCombination']) {
  if (roc.creditsAchieved === undefined) return [];
  return [
    {
      label: 'Credits achieved',
      value:
        roc.creditsRequired === undefined
          ? String(roc.creditsAchieved)
          : `${roc.creditsAchieved} of ${roc.creditsRequired} required`,
    },
  ];
}

function unitsTable(input: Input): TableSection {
  return tableSection(
    'Units',
    [
      ['Unit ref', 13],
      ['Unit title', 31],
      ['Group', 13],
      ['Level', 7],
      ['Credits', 10],
      ['Criteria met', 10],
      ['Status', 16],
    ],
    input.units.map((u) => [
      u.ref,
      u.title,
      u.group,
      u.level ?? '',
      u.credits === undefined ? '' : String(u.credits),
      `${u.criteriaMet} of ${u.criteriaTotal}`,
      u.achievedDate
        ? `${sentenceCase(u.status)} ${formatDate(u.achievedDate)}`
        : sentenceCase(u.status),
    ]),
    'The learner is not registered on any unit.',
  );
}

/** The targets set at the last progress review: not yet answered (the next review does that). */
function lastTargets(input: Input): TableSection[] {
  const review = input.lastReview;
  if (!review) return [];
  return [
    tableSection(
      `Targets from the progress review of ${formatDate(review.heldOn)}`,
      [
        ['Target', 60],
        ['By', 16],
        ['Who', 24],
      ],
      // One past its date is flagged.
      review.targets.map((t) => [
        t.what,
        `${formatDate(t.byWhen)}${targetOverdue(t.byWhen, null, input.asAt) ? ' (past its date)' : ''}`,
        t.who,
      ]),
      'No targets were set at that review.',
    ),
  ];
}

export function buildProgressRecord(raw: ProgressInput): RecordDocument {
  const input = progressInputSchema.parse(raw);
  const roc = input.rulesOfCombination;
  const sections: RecordDocument['sections'] = [
    learnerAndAssessorFields(input, [
      { label: 'Progress as at', value: formatDate(input.asAt) },
      ...creditsField(roc),
    ]),
    unitsTable(input),
    { type: 'paragraphs', heading: 'Rules of combination', paragraphs: roc.position },
    ...lastTargets(input),
    ...(input.assessorSignature
      ? [
          declarationsSection('Signature', [
            {
              statement: 'I confirm that this summary reflects the assessment decisions made.',
              signature: signatureBlock(input.assessor, 'Assessor', input.assessorSignature),
            },
          ]),
        ]
      : []),
  ];
  return assembleRecord(input, {
    kind: 'progress',
    title: 'Learner progress summary',
    unitRef: 'All units',
    author: input.assessor.name,
    subject: `Progress of ${input.learner.name} as at ${formatDate(input.asAt)}`,
    sections,
  });
}
