import { z } from 'zod';
import { isoDate } from '../../shared/record';
import type { RecordDocument } from '../model/record-document';
import { assembleRecord, formatDate, signatureBlock, tableSection } from './record-common';
import { learnerAndAssessorFields } from './session-sections';
import { personSchema, recordContextSchema, signatureInputSchema } from './record-inputs';

/** A target as printed: what, by when, who. */
const targetRowSchema = z.object({ what: z.string(), byWhen: isoDate, who: z.string() });

export const progressReviewInputSchema = recordContextSchema.extend({
  heldOn: isoDate,
  assessor: personSchema,
  employerName: z.string().default(''),
  /** The progress on each unit on the day of the review, as the portfolio stood then. */
  units: z.array(
    z.object({
      ref: z.string(),
      title: z.string(),
      met: z.number(),
      total: z.number(),
      status: z.string(),
    }),
  ),
  previousHeldOn: isoDate.nullable(),
  previousTargets: z.array(
    targetRowSchema.extend({
      /** "Met", "Partly met", "Not met", or empty while unanswered. */
      outcome: z.string(),
      comment: z.string(),
      /** Past its date on the day of the review and not met. */
      overdue: z.boolean(),
    }),
  ),
  targets: z.array(targetRowSchema),
  wentWell: z.string(),
  concerns: z.string(),
  learnerView: z.string(),
  employerView: z.string(),
  wellbeing: z.string(),
  /** Each person's declaration, in the words they signed, with their signature once given. */
  signatures: z.array(
    z.object({
      statement: z.string().min(1),
      person: personSchema,
      signature: signatureInputSchema,
    }),
  ),
  draft: z.string().optional(),
  /** Which version of the review this is: what it amends and why, or what superseded it. */
  versionNotes: z.array(z.string()).default([]),
});

export type ProgressReviewInput = z.input<typeof progressReviewInputSchema>;

const said = (heading: string, text: string, emptyText: string) => ({
  type: 'paragraphs' as const,
  heading,
  paragraphs: text.split(/\n+/).filter((p) => p.trim() !== ''),
  emptyText,
});

const statusWords: Record<string, string> = {
  open: 'In progress',
  'awaiting-countersignature': 'Signed off, awaiting countersignature',
  'signed-off': 'Signed off',
};

function previousTargetsSection(input: z.output<typeof progressReviewInputSchema>) {
  return {
    type: 'table' as const,
    heading: input.previousHeldOn
      ? `Targets set at the review of ${formatDate(input.previousHeldOn)}`
      : 'Targets set at the previous review',
    columns: [
      { label: 'Target', width: 34 },
      { label: 'By', width: 12 },
      { label: 'Who', width: 14 },
      { label: 'Outcome', width: 16 },
      { label: 'Comment', width: 24 },
    ],
    rows: input.previousTargets.map((t) => [
      t.what,
      formatDate(t.byWhen),
      t.who,
      t.overdue ? `${t.outcome || 'Not answered'} (past its date)` : t.outcome || 'Not answered',
      t.comment,
    ]),
    emptyText: 'This is the learner’s first review: no earlier targets.',
  };
}

export function buildProgressReviewRecord(raw: ProgressReviewInput): RecordDocument {
  const input = progressReviewInputSchema.parse(raw);
  const sections: RecordDocument['sections'] = [
    learnerAndAssessorFields(input, [
      ...(input.employerName ? [{ label: 'Employer', value: input.employerName }] : []),
      { label: 'Review held on', value: formatDate(input.heldOn) },
    ]),
    tableSection(
      `Progress on each unit on ${formatDate(input.heldOn)}`,
      [
        ['Unit ref', 14],
        ['Unit title', 46],
        ['Criteria met', 14],
        ['Status', 26],
      ],
      input.units.map((u) => [
        u.ref,
        u.title,
        `${u.met} of ${u.total}`,
        statusWords[u.status] ?? u.status,
      ]),
      'The learner was not registered on any unit.',
    ),
    ...(input.versionNotes.length
      ? [{ type: 'paragraphs' as const, heading: 'Version', paragraphs: input.versionNotes }]
      : []),
    previousTargetsSection(input),
    said('What went well', input.wentWell, 'Nothing recorded.'),
    said('Concerns', input.concerns, 'None recorded.'),
    said('The learner’s view', input.learnerView, 'Not recorded.'),
    said('The employer’s view', input.employerView, 'Not recorded.'),
    said('Wellbeing and support', input.wellbeing, 'Nothing recorded.'),
    tableSection(
      'Targets for the next period (SMART)',
      [
        ['Target', 60],
        ['By', 16],
        ['Who', 24],
      ],
      input.targets.map((t) => [t.what, formatDate(t.byWhen), t.who]),
      'No targets set.',
    ),
    {
      type: 'declarations',
      heading: 'Signatures',
      declarations: input.signatures.map((s) => ({
        statement: s.statement,
        signature: signatureBlock(s.person, s.person.role ?? 'Signatory', s.signature),
      })),
    },
  ];
  return assembleRecord(input, {
    kind: 'progress-review',
    title: 'Progress review',
    unitRef: 'All units',
    author: input.assessor.name,
    subject: `Progress review of ${input.learner.name} held on ${formatDate(input.heldOn)}`,
    sections,
    ...(input.draft ? { draft: input.draft } : {}),
  });
}
