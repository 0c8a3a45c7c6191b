import type { RecordDocument, TableSection } from '../model/record-document';
import {
  assembleRecord,
  formatDate,
  joinList,
  sentenceCase,
  signatureBlock,
} from './record-common';
import {
  samplingRecordInputSchema,
  samplingReportInputSchema,
  type ActionRow,
  type SamplingRecordInput,
  type SamplingReportInput,
} from './sampling-inputs';

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
  return {
    type: 'table',
    heading: 'Action points',
    columns: [
      { label: 'What', width: 30 },
      { label: 'Learner and unit', width: 20 },
      { label: 'Owner', width: 12 },
      { label: 'Due', width: 11 },
      { label: 'State', width: 11 },
      { label: 'Latest', width: 16 },
    ],
    rows: actions.map((a) => [
      a.what,
      `${a.learner}, ${a.unit}`,
      a.owner,
      formatDate(a.due),
      a.state === 'closed'
        ? `Closed ${formatDate(a.closedOn)}`
        : `${sentenceCase(a.state)}${a.overdue ? ' (OVERDUE)' : ''}`,
      a.latest ?? '',
    ]),
    emptyText: 'No action points were raised.',
  };
}

/** The IQA's report over a sampling plan, for the centre and its EQA. */
/** A table of the report only when it has rows: an empty "none" section says nothing. */
function listedIf(heading: string, labels: string[], widths: number[], rows: string[][]) {
  if (rows.length === 0) return [];
  const columns = labels.map((label, i) => ({ label, width: widths[i] ?? 0 }));
  return [{ type: 'table' as const, heading, columns, rows }];
}

export function buildSamplingReport(raw: SamplingReportInput): RecordDocument {
  const input = samplingReportInputSchema.parse(raw);
  const { strategy, progress } = input;
  const sections: RecordDocument['sections'] = [
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
    {
      type: 'table',
      heading: 'Assessors, their ratings and rates',
      columns: [
        { label: 'Assessor', width: 20 },
        { label: 'Status', width: 16 },
        { label: 'Risk', width: 10 },
        { label: 'Rate', width: 8 },
        { label: 'Why this rate', width: 22 },
        { label: 'Note', width: 24 },
      ],
      rows: strategy.assessors.map((a) => [
        a.name,
        a.status,
        a.risk,
        `${a.rate}%`,
        a.basis,
        a.note,
      ]),
      emptyText: 'No assessors are rated.',
    },
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
    },
    {
      type: 'table',
      heading: 'Samples',
      columns: [
        { label: 'Learner', width: 13 },
        { label: 'Unit', width: 17 },
        { label: 'Assessor', width: 11 },
        { label: 'Type', width: 13 },
        { label: 'Planned', width: 10 },
        { label: 'Done', width: 10 },
        { label: 'Decision', width: 11 },
        { label: 'Why sampled', width: 22 },
      ],
      rows: input.samples.map((s) => [
        s.learner,
        s.unit,
        s.assessor,
        sentenceCase(s.type),
        formatDate(s.planned),
        formatDate(s.done),
        s.decision,
        joinList(s.reasons),
      ]),
      emptyText: 'The plan has no samples.',
    },
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
    {
      type: 'table',
      heading: 'Decisions and feedback to assessors',
      columns: [
        { label: 'Learner and unit', width: 20 },
        { label: 'Assessor', width: 12 },
        { label: 'Decision', width: 12 },
        { label: 'VACSR', width: 14 },
        { label: 'Feedback / records', width: 14 },
        { label: 'Feedback to the assessor', width: 28 },
      ],
      rows: input.reviews.map((r) => [
        `${r.learner}, ${r.unit}`,
        r.assessor,
        r.decision,
        r.vacsr,
        `${r.feedbackQuality} / ${r.recordsQuality}`,
        r.feedbackToAssessor,
      ]),
      emptyText: 'No sample has been reviewed yet.',
    },
    {
      type: 'table',
      heading: "Each assessor's sampled share against their rate",
      columns: [
        { label: 'Assessor', width: 24 },
        { label: 'Rate', width: 10 },
        { label: 'Assessments', width: 14 },
        { label: 'Needed', width: 12 },
        { label: 'Done', width: 10 },
        { label: 'Share done', width: 14 },
        { label: 'Status', width: 16 },
      ],
      rows: input.compliance.map((c) => [
        c.assessor,
        `${c.rate}%`,
        String(c.assessments),
        String(c.required),
        String(c.done),
        `${c.share}%`,
        c.compliant ? 'Compliant' : 'Not compliant',
      ]),
    },
    ...input.matrices.map((m): TableSection => ({
      type: 'table',
      heading: `Coverage: ${m.title} (samples of assessments)`,
      columns: [
        { label: 'Assessor', width: 18 },
        ...m.columns.map((c) => ({
          label: c,
          width: Math.max(8, 82 / Math.max(1, m.columns.length)),
        })),
      ],
      rows: m.rows.map((r) => [r.assessor, ...r.cells]),
      emptyText: 'Nothing to cover.',
    })),
    {
      type: 'paragraphs',
      heading: 'Coverage gaps',
      paragraphs: input.gaps,
      emptyText: "None: every assessor's rate is planned and every CAMERA target is covered.",
    },
    actionsTable(input.actions),
    {
      type: 'paragraphs',
      heading: "Trends for the EQA's attention",
      paragraphs: input.trends,
      emptyText: 'No trends stand out in this plan.',
    },
    {
      type: 'declarations',
      heading: 'Declaration',
      declarations: [
        {
          statement: IQA_REPORT_STATEMENT,
          signature: signatureBlock(input.iqa, 'Internal quality assurer', input.iqaSignature),
        },
      ],
    },
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
    {
      type: 'table',
      heading: 'Criteria sampled',
      columns: [
        { label: 'Criterion', width: 14 },
        { label: "Assessor's decision", width: 22 },
        { label: 'IQA', width: 14 },
        { label: 'Comment', width: 50 },
      ],
      rows: input.criteria.map((c) => [
        c.ref,
        c.assessorDecision,
        c.agree === null ? 'Not sampled' : c.agree ? 'Agree' : 'Disagree',
        c.comment,
      ]),
      emptyText: 'No criteria were recorded.',
    },
    {
      type: 'table',
      heading: 'Evidence sampled',
      columns: [
        { label: 'Evidence', width: 50 },
        { label: 'Method', width: 30 },
        { label: 'Date', width: 20 },
      ],
      rows: input.evidenceSampled.map((e) => [e.title, e.method, e.date]),
      emptyText: 'No evidence is mapped to this unit.',
    },
    {
      type: 'table',
      heading: 'VACSR checks',
      columns: [
        { label: 'Check', width: 40 },
        { label: 'Met', width: 10 },
        { label: 'Comment', width: 50 },
      ],
      rows: input.vacsr.map((v) => [v.check, v.met ? 'Yes' : 'No', v.comment]),
    },
    {
      type: 'fields',
      heading: 'Quality of assessment',
      fields: [
        {
          label: 'Assessor feedback',
          value: `${sentenceCase(input.feedbackQuality.rating)}${input.feedbackQuality.comment ? `: ${input.feedbackQuality.comment}` : ''}`,
        },
        {
          label: 'Assessment records',
          value: `${sentenceCase(input.recordsQuality.rating)}${input.recordsQuality.comment ? `: ${input.recordsQuality.comment}` : ''}`,
        },
        { label: 'IQA decision', value: input.decision },
      ],
    },
    {
      type: 'paragraphs',
      heading: 'Feedback to the assessor',
      paragraphs: input.feedbackToAssessor,
      emptyText: 'No feedback recorded.',
    },
    actionsTable(input.actions),
    {
      type: 'declarations',
      heading: 'Declarations',
      declarations: [
        {
          statement: IQA_RECORD_STATEMENT,
          signature: signatureBlock(input.iqa, 'Internal quality assurer', input.iqaSignature),
        },
        {
          statement: ASSESSOR_ACKNOWLEDGEMENT,
          signature: signatureBlock(input.assessor, 'Assessor', input.assessorAcknowledgement),
        },
      ],
    },
  ];
  return assembleRecord(input, {
    kind: 'sampling-record',
    title: 'IQA sampling record',
    unitRef: input.unit.ref,
    author: input.iqa.name,
    subject: `${input.unit.ref} ${input.unit.title}: IQA sampling record for ${input.learner.name}`,
    sections,
  });
}
