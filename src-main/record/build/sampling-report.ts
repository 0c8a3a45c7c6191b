import type { z } from 'zod';
import type { FieldsSection, RecordDocument, TableSection } from '../model/record-document';
import {
  assembleRecord,
  declarationsSection,
  formatDate,
  joinList,
  paragraphsSection,
  sentenceCase,
  signatureBlock,
  tableSection,
} from './record-common';
import {
  samplingRecordInputSchema,
  samplingReportInputSchema,
  type ActionRow,
  type SamplingRecordInput,
  type SamplingReportInput,
} from './sampling-inputs';
import { unitLabel } from '../../kernel/unit-label';

export const IQA_REPORT_STATEMENT =
  'I confirm that this report is a true account of the internal quality assurance sampling ' +
  'carried out under this plan, that I made none of the assessment decisions I sampled, and that ' +
  'the decisions and actions recorded are my own.';
export const IQA_RECORD_STATEMENT =
  'I confirm that I sampled the assessment decisions recorded above, none of which I made myself, ' +
  'and that the judgements in this record are my own.';
export const ASSESSOR_ACKNOWLEDGEMENT =
  'I have read the IQA’s feedback and the action points raised, and I will act on them by the dates given.';

function actionsTable(actions: ActionRow[]): TableSection {
  return tableSection(
    'Action points',
    [
      ['What', 30],
      ['Learner and unit', 20],
      ['Owner', 12],
      ['Due', 11],
      ['State', 11],
      ['Latest', 16],
    ],
    actions.map((a) => [
      a.what,
      `${a.learner}, ${a.unit}`,
      a.owner,
      formatDate(a.due),
      a.state === 'closed'
        ? `Closed ${formatDate(a.closedOn)}`
        : `${sentenceCase(a.state)}${a.overdue ? ' (OVERDUE)' : ''}`,
      a.latest ?? '',
    ]),
    'No action points were raised.',
  );
}

type ReportInput = z.output<typeof samplingReportInputSchema>;
type RecordInput = z.output<typeof samplingRecordInputSchema>;

/** A table of the report only when it has rows: an empty "none" section says nothing. */
function listedIf(heading: string, labels: string[], widths: number[], rows: string[][]) {
  if (rows.length === 0) return [];
  return [
    tableSection(
      heading,
      labels.map((label, i) => [label, widths[i] ?? 0] as const),
      rows,
    ),
  ];
}

/** Who ran the plan, over which period, and the strategy that set each assessor's rate. */
function planAndStrategy(input: ReportInput): RecordDocument['sections'] {
  const { strategy, progress } = input;
  return [
    {
      type: 'fields',
      fields: [
        { label: 'Internal quality assurer', value: input.iqa.name },
        {
          label: 'Plan period',
          value: `${formatDate(input.period.from)} to ${formatDate(input.period.to)}`,
        },
        { label: 'Plan seed', value: input.seed },
        { label: 'Report date', value: formatDate(input.generatedAt) },
      ],
    },
    {
      type: 'fields',
      heading: 'Sampling strategy',
      fields: [
        ...strategy.statusRates.map((r) => ({ label: r.label, value: `${r.rate}%` })),
        ...strategy.riskRates.map((r) => ({ label: r.label, value: `${r.rate}%` })),
        { label: 'Interim share of each sample', value: `${strategy.interimShare}%` },
        { label: 'New qualification', value: strategy.newQualification },
      ],
    },
    tableSection(
      'Assessors, their ratings and rates',
      [
        ['Assessor', 20],
        ['Status', 16],
        ['Risk', 10],
        ['Rate', 8],
        ['Why this rate', 22],
        ['Note', 24],
      ],
      strategy.assessors.map((a) => [a.name, a.status, a.risk, `${a.rate}%`, a.basis, a.note]),
      'No assessors are rated.',
    ),
    {
      type: 'fields',
      heading: 'Plan against what was done',
      fields: [
        { label: 'Samples planned', value: String(progress.planned) },
        {
          label: 'Carried out',
          value: `${progress.done} (${progress.doneLate} later than planned)`,
        },
        { label: 'Overdue', value: String(progress.overdue) },
        { label: 'Still to come', value: String(progress.upcoming) },
      ],
    } satisfies FieldsSection,
  ];
}

/** The samples planned, those taken out and what was left unsampled. */
function samplesSections(input: ReportInput): RecordDocument['sections'] {
  return [
    tableSection(
      'Samples',
      [
        ['Learner', 13],
        ['Unit', 17],
        ['Assessor', 11],
        ['Type', 13],
        ['Planned', 10],
        ['Done', 10],
        ['Decision', 11],
        ['Why sampled', 22],
      ],
      input.samples.map((s) => [
        s.learner,
        s.unit,
        s.assessor,
        sentenceCase(s.type),
        formatDate(s.planned),
        formatDate(s.done),
        s.decision,
        joinList(s.reasons),
      ]),
      'The plan has no samples.',
    ),
    ...listedIf(
      'Taken out of the plan',
      ['Learner', 'Unit', 'Why', 'On'],
      [20, 30, 35, 15],
      input.removed.map((r) => [r.learner, r.unit, r.reason, formatDate(r.on)]),
    ),
    ...listedIf(
      'Not sampled',
      ['Learner', 'Unit', 'Assessor', 'Why not'],
      [20, 30, 15, 35],
      input.leftOut.map((l) => [l.learner, l.unit, l.assessor, sentenceCase(l.reason)]),
    ),
  ];
}

/** What the IQA decided and each assessor's sampled share against their rate. */
function decisionsAndShares(input: ReportInput): TableSection[] {
  return [
    tableSection(
      'Decisions and feedback to assessors',
      [
        ['Learner and unit', 20],
        ['Assessor', 12],
        ['Decision', 12],
        ['VACSR', 14],
        ['Feedback / records', 14],
        ['Feedback to the assessor', 28],
      ],
      input.reviews.map((r) => [
        `${r.learner}, ${r.unit}`,
        r.assessor,
        r.decision,
        r.vacsr,
        `${r.feedbackQuality} / ${r.recordsQuality}`,
        r.feedbackToAssessor,
      ]),
      'No sample has been reviewed yet.',
    ),
    tableSection(
      "Each assessor's sampled share against their rate",
      [
        ['Assessor', 24],
        ['Rate', 10],
        ['Assessments', 14],
        ['Needed', 12],
        ['Done', 10],
        ['Share done', 14],
        ['Status', 16],
      ],
      input.compliance.map((c) => [
        c.assessor,
        `${c.rate}%`,
        String(c.assessments),
        String(c.required),
        String(c.done),
        `${c.share}%`,
        c.compliant ? 'Compliant' : 'Not compliant',
      ]),
    ),
  ];
}

/** The CAMERA coverage matrices and the gaps they leave. */
function coverageSections(input: ReportInput): RecordDocument['sections'] {
  return [
    ...input.matrices.map((m) =>
      tableSection(
        `Coverage: ${m.title} (samples of assessments)`,
        [
          ['Assessor', 18],
          ...m.columns.map((c) => [c, Math.max(8, 82 / Math.max(1, m.columns.length))] as const),
        ],
        m.rows.map((r) => [r.assessor, ...r.cells]),
        'Nothing to cover.',
      ),
    ),
    paragraphsSection(
      'Coverage gaps',
      input.gaps,
      "None: every assessor's rate is planned and every CAMERA target is covered.",
    ),
  ];
}

/** The IQA's report over a sampling plan, for the centre and its EQA. */
export function buildSamplingReport(raw: SamplingReportInput): RecordDocument {
  const input = samplingReportInputSchema.parse(raw);
  const sections: RecordDocument['sections'] = [
    ...planAndStrategy(input),
    ...samplesSections(input),
    ...decisionsAndShares(input),
    ...coverageSections(input),
    actionsTable(input.actions),
    paragraphsSection(
      "Trends for the EQA's attention",
      input.trends,
      'No trends stand out in this plan.',
    ),
    declarationsSection('Declaration', [
      {
        statement: IQA_REPORT_STATEMENT,
        signature: signatureBlock(input.iqa, 'Internal quality assurer', input.iqaSignature),
      },
    ]),
  ];
  return assembleRecord(input, {
    kind: 'sampling-report',
    title: 'IQA sampling report',
    unitRef: '',
    author: input.iqa.name,
    subject: `IQA sampling report, ${formatDate(input.period.from)} to ${formatDate(input.period.to)}`,
    sections,
    footerLabel: 'IQA',
  });
}

const rated = (q: { rating: string; comment: string }) =>
  `${sentenceCase(q.rating)}${q.comment ? `: ${q.comment}` : ''}`;

/** What the IQA looked at in the sample: criteria, evidence and the VACSR checks. */
function sampledSections(input: RecordInput): TableSection[] {
  return [
    tableSection(
      'Criteria sampled',
      [
        ['Criterion', 14],
        ["Assessor's decision", 22],
        ['IQA', 14],
        ['Comment', 50],
      ],
      input.criteria.map((c) => [
        c.ref,
        c.assessorDecision,
        c.agree === null ? 'Not sampled' : c.agree ? 'Agree' : 'Disagree',
        c.comment,
      ]),
      'No criteria were recorded.',
    ),
    tableSection(
      'Evidence sampled',
      [
        ['Evidence', 50],
        ['Method', 30],
        ['Date', 20],
      ],
      input.evidenceSampled.map((e) => [e.title, e.method, e.date]),
      'No evidence is mapped to this unit.',
    ),
    tableSection(
      'VACSR checks',
      [
        ['Check', 40],
        ['Met', 10],
        ['Comment', 50],
      ],
      input.vacsr.map((v) => [v.check, v.met ? 'Yes' : 'No', v.comment]),
    ),
  ];
}

/** The IQA sampling record of one sample (DOMAIN.md: IQA sampling record). */
export function buildSamplingRecord(raw: SamplingRecordInput): RecordDocument {
  const input = samplingRecordInputSchema.parse(raw);
  const sections: RecordDocument['sections'] = [
    {
      type: 'fields',
      fields: [
        { label: 'Learner', value: input.learner.name },
        ...(input.learner.uln ? [{ label: 'ULN', value: input.learner.uln }] : []),
        { label: 'Unit', value: input.unit.title },
        { label: 'Unit reference', value: input.unit.ref },
        { label: 'Assessor', value: input.assessor.name },
        { label: 'IQA', value: input.iqa.name },
        { label: 'Sample', value: sentenceCase(input.type) },
        { label: 'Planned', value: formatDate(input.planned) },
        { label: 'Reviewed', value: formatDate(input.reviewedOn) },
        { label: 'Why sampled', value: joinList(input.reasons) },
      ],
    },
    ...sampledSections(input),
    {
      type: 'fields',
      heading: 'Quality of assessment',
      fields: [
        { label: 'Assessor feedback', value: rated(input.feedbackQuality) },
        { label: 'Assessment records', value: rated(input.recordsQuality) },
        { label: 'IQA decision', value: input.decision },
      ],
    },
    paragraphsSection(
      'Feedback to the assessor',
      input.feedbackToAssessor,
      'No feedback recorded.',
    ),
    actionsTable(input.actions),
    declarationsSection('Declarations', [
      {
        statement: IQA_RECORD_STATEMENT,
        signature: signatureBlock(input.iqa, 'Internal quality assurer', input.iqaSignature),
      },
      {
        statement: ASSESSOR_ACKNOWLEDGEMENT,
        signature: signatureBlock(input.assessor, 'Assessor', input.assessorAcknowledgement),
      },
    ]),
  ];
  return assembleRecord(input, {
    kind: 'sampling-record',
    title: 'IQA sampling record',
    unitRef: input.unit.ref,
    author: input.iqa.name,
    subject: `${unitLabel(input.unit.ref, input.unit.title)}: IQA sampling record for ${input.learner.name}`,
    sections,
  });
}
