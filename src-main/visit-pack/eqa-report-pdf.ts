import { AFRelationship } from 'pdf-lib';
import { formatDate } from '../kernel/dates';
import { agreementWord } from '../kernel/eqa-words';
import { UserError } from '../kernel/user-error';
import { tableSection } from '../record/build/record-common';
import type { SigningIdentity } from '../record/identity/signing-identity';
import { recordDocumentSchema, type RecordDocument } from '../record/model/record-document';
import type { RecordFonts } from '../record/pdf/fonts';
import { layOutRecordPdf } from '../record/pdf/render-record-pdf';
import { signDocument } from '../record/seal/sign-pdf';
import {
  directClaimsLabels,
  EQA_REPORT_ATTACHMENT,
  eqaReportSchema,
  riskRatingLabels,
  type EqaReport,
} from './visit-schema';

const answer = agreementWord;

/** What the EQA has left unanswered; a report is signed only once everything is decided. */
export function unansweredInReport(report: EqaReport): string[] {
  const missing: string[] = [];
  for (const s of report.samples) {
    if (s.agreesWithAssessor === null)
      missing.push(`whether you agree with the assessor on ${s.learner}, ${s.unit}`);
    if (s.agreesWithIqa === null)
      missing.push(`whether you agree with the IQA on ${s.learner}, ${s.unit}`);
  }
  if (report.riskRating === null) missing.push('the risk rating');
  if (report.directClaims === null) missing.push('the decision on direct claims status');
  if (report.findings.length === 0) missing.push('at least one finding');
  return missing;
}

/** The visit, the samples with the EQA's agreement, findings, actions, risk and direct claims. */
function eqaReportSections(report: EqaReport): RecordDocument['sections'] {
  return [
    {
      type: 'fields',
      heading: 'The visit',
      fields: [
        { label: 'Centre', value: report.centreName },
        { label: 'Visit', value: report.visitId },
        { label: 'Visited on', value: formatDate(report.visitedOn) },
        { label: 'External quality assurer', value: report.eqa.name },
        { label: 'Awarding body', value: report.eqa.awardingBody },
        { label: 'Signed on', value: formatDate(report.signedOn) },
      ],
    },
    tableSection(
      'Learners and units sampled',
      [
        ['Learner', 20],
        ['Unit', 28],
        ['Assessor', 12],
        ['IQA', 12],
        ['Comment', 28],
      ],
      report.samples.map((s) => [
        s.learner,
        s.unit,
        answer(s.agreesWithAssessor),
        answer(s.agreesWithIqa),
        s.comment,
      ]),
      'No learner’s work was sampled.',
    ),
    { type: 'paragraphs', heading: 'Findings', paragraphs: report.findings },
    tableSection(
      'Actions for the centre',
      [
        ['Action', 60],
        ['Owner', 22],
        ['Due', 18],
      ],
      report.actions.map((a) => [a.what, a.owner, formatDate(a.due)]),
      'No actions.',
    ),
    {
      type: 'fields',
      heading: 'Risk and direct claims status',
      fields: [
        {
          label: 'Risk rating',
          value: report.riskRating ? riskRatingLabels[report.riskRating] : 'Not given',
        },
        {
          label: 'Direct claims status',
          value: report.directClaims ? directClaimsLabels[report.directClaims] : 'Not decided',
        },
        ...(report.directClaimsReason
          ? [{ label: 'Reason', value: report.directClaimsReason }]
          : []),
      ],
    },
  ];
}

/** The report as the records engine prints it: every answer the signed data holds, in words. */
export function eqaReportDocument(report: EqaReport, generatedAt: string): RecordDocument {
  return recordDocumentSchema.parse({
    schemaVersion: 1,
    kind: 'eqa-report',
    recordId: `${report.visitId}-eqa`,
    title: 'External quality assurance report',
    header: {
      centreName: report.centreName,
      awardingBody: report.eqa.awardingBody,
      qualificationTitle: '',
      qualificationNumber: '',
    },
    footer: { learnerName: report.eqa.name, unitRef: '', label: 'EQA' },
    author: report.eqa.name,
    subject: `EQA report on the visit ${report.visitId}`,
    generatedAt,
    sections: eqaReportSections(report),
    evidenceManifest: [],
  });
}

/**
 * The one file the EQA returns: the report laid out by the records engine, its data attached as
 * eqa-report.json inside the signed bytes, sealed with the EQA's own signing identity.
 */
export async function signEqaReport(
  input: unknown,
  identity: SigningIdentity,
  fonts: RecordFonts,
  now: Date,
): Promise<Uint8Array> {
  const parsed = eqaReportSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(
      'invalid-input',
      `The report is not complete: ${issue?.path.join('.') || 'it'} ${issue?.message ?? 'is wrong'}.`,
    );
  }
  const report = parsed.data;
  const missing = unansweredInReport(report);
  if (missing.length) {
    throw new UserError('invalid-input', `Before signing, give ${missing.join('; ')}.`);
  }
  const pdf = await layOutRecordPdf(eqaReportDocument(report, now.toISOString()), fonts);
  await pdf.attach(
    new TextEncoder().encode(`${JSON.stringify(report, null, 2)}\n`),
    EQA_REPORT_ATTACHMENT,
    {
      mimeType: 'application/json',
      description: 'The EQA report as data, for the centre to import',
      creationDate: now,
      modificationDate: now,
      afRelationship: AFRelationship.Data,
    },
  );
  return signDocument(pdf, identity, {
    reason: 'External quality assurance report',
    location: report.eqa.awardingBody,
    signingTime: now,
  });
}
