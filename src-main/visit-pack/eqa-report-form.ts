import { X509Certificate } from 'node:crypto';
import { z } from 'zod';
import { directClaimsDecisions, eqaRiskRatings } from '../kernel/eqa-words';
import { UserError } from '../kernel/user-error';
import { issuedByCentre, readCentreCertificate } from '../record/identity-store/centre-authority';
import { exportCertificatePem, type SigningIdentity } from '../record/identity/signing-identity';
import { openP12 } from '../record/identity-store/identity-store';
import type { RecordFonts } from '../record/pdf/fonts';
import { dayOf, isoDate } from '../shared/record';
import { safeName } from '../storage/safe-name';
import type { Workspace } from '../workspace/workspace';
import { signEqaReport } from './eqa-report-pdf';
import { eqaActionSchema, type EqaReport } from './visit-schema';
import { visitDoc } from './visit-store';

/**
 * The EQA's report filled in on screen: the EQA's answers only. Who the samples are and which
 * centre it is come from the centre's own record of the visit; the EQA's name from their
 * certificate; so nothing in the signed report is taken from the screen that the screen could get
 * wrong. Every agree or disagree starts unanswered (null) and is the EQA's own choice.
 */
export const eqaAnswersSchema = z.object({
  visitId: z.string().regex(/^vi-[0-9a-f]{8,32}$/, 'must be a visit id'),
  awardingBody: z.string().trim().max(200),
  visitedOn: isoDate.or(z.literal('')),
  samples: z
    .array(
      z.object({
        learnerId: z.string().min(1),
        unitId: z.string().min(1),
        agreesWithAssessor: z.boolean().nullable(),
        agreesWithIqa: z.boolean().nullable(),
        comment: z.string().trim().max(8000),
      }),
    )
    .max(500),
  findings: z.array(z.string().trim().max(8000)).max(100),
  actions: z.array(eqaActionSchema).max(100),
  riskRating: z.enum(eqaRiskRatings).nullable(),
  directClaims: z.enum(directClaimsDecisions).nullable(),
  directClaimsReason: z.string().trim().max(8000),
});
export type EqaAnswers = z.infer<typeof eqaAnswersSchema>;

/** The EQA's own signing identity, sent for one signature and never kept. */
export const eqaIdentitySchema = z.object({
  contentBase64: z
    .string()
    .min(1, 'Choose your signing identity (.p12).')
    .max(1_000_000)
    .regex(/^[A-Za-z0-9+/=\s]*$/, 'must be base64'),
  passphrase: z.string().min(1, 'Enter the passphrase of your signing identity.').max(1000),
});

/** What the form shows for a visit before the EQA has answered anything. */
export interface EqaReportFormView {
  visitId: string;
  centreName: string;
  packMadeAt: string;
  samples: { learnerId: string; unitId: string; learner: string; unit: string }[];
  /** The awarding bodies the centre works with, to choose from (none is chosen for the EQA). */
  awardingBodies: string[];
  /** Whether the centre already holds an EQA report for this visit (a new one would replace it). */
  reported: boolean;
}

export interface SignedEqaReport {
  fileName: string;
  mediaType: 'application/pdf';
  base64: string;
  signer: { name: string; organisation: string | null; issuer: string; fingerprintSha256: string };
}

/** Only an EQA writes the report, and writes nothing into the centre's workspace doing it. */
export function assertEqa(role: string): void {
  if (role !== 'eqa') {
    throw new UserError(
      'forbidden',
      'The EQA report is written and signed by the external quality assurer. Choose your EQA role (top right).',
    );
  }
}

export async function eqaReportForm(
  workspace: Workspace,
  visitId: string,
): Promise<EqaReportFormView> {
  const visit = (await visitDoc(workspace, visitId)).data;
  return {
    visitId: visit.id,
    centreName: workspace.centre.centre.name,
    packMadeAt: visit.packMadeAt,
    samples: visit.samples.map(({ learnerId, unitId, learner, unit }) => ({
      learnerId,
      unitId,
      learner,
      unit,
    })),
    awardingBodies: workspace.centre.awardingBodies.map((a) => a.name),
    reported: visit.report !== null,
  };
}

/** Opens the EQA's own .p12, refusing one this centre issued: an EQA signs as the awarding body's. */
export async function openEqaIdentity(
  workspace: Workspace,
  p12: Uint8Array,
  passphrase: string,
): Promise<SigningIdentity> {
  return openEqaIdentityFor(await readCentreCertificate(workspace.dir), p12, passphrase);
}

/** The same, against a centre certificate already in hand (the one in a visit pack). */
export function openEqaIdentityFor(
  centre: X509Certificate | null,
  p12: Uint8Array,
  passphrase: string,
): SigningIdentity {
  const identity = openP12(p12, passphrase);
  const cert = new X509Certificate(exportCertificatePem(identity));
  if (centre && (cert.fingerprint256 === centre.fingerprint256 || issuedByCentre(cert, centre))) {
    throw new UserError(
      'invalid-input',
      'This signing identity was issued by the centre. Sign the EQA report with your own, from your awarding body, so the centre can tell it came from you.',
    );
  }
  return identity;
}

/** The visit a report is about, as the centre recorded it (or as its pack carries it). */
export interface ReportedVisit {
  id: string;
  centreId: string;
  centreName: string;
  samples: readonly EqaReportFormView['samples'][number][];
}

/** The report as it will be signed: the visit's samples in the centre's order, with the EQA's answers. */
export function reportFromAnswers(
  visit: ReportedVisit,
  answers: EqaAnswers,
  eqaName: string,
  signedOn: string,
): EqaReport {
  const given = new Map(answers.samples.map((s) => [`${s.learnerId}|${s.unitId}`, s]));
  const stray = answers.samples.find(
    (s) => !visit.samples.some((v) => v.learnerId === s.learnerId && v.unitId === s.unitId),
  );
  if (answers.visitId !== visit.id || stray) {
    throw new UserError(
      'invalid-input',
      'The report names a learner’s unit that was not in this visit’s pack. Reload the form.',
    );
  }
  if (!answers.awardingBody) throw new UserError('invalid-input', 'Name your awarding body.');
  if (!answers.visitedOn) throw new UserError('invalid-input', 'Give the date of the visit.');
  return {
    schemaVersion: 1,
    kind: 'eqa-report',
    visitId: visit.id,
    centreId: visit.centreId,
    centreName: visit.centreName,
    eqa: { name: eqaName, awardingBody: answers.awardingBody },
    visitedOn: answers.visitedOn,
    samples: visit.samples.map(({ learnerId, unitId, learner, unit }) => {
      const answer = given.get(`${learnerId}|${unitId}`);
      return {
        learnerId,
        unitId,
        learner,
        unit,
        agreesWithAssessor: answer?.agreesWithAssessor ?? null,
        agreesWithIqa: answer?.agreesWithIqa ?? null,
        comment: answer?.comment ?? '',
      };
    }),
    findings: answers.findings.filter((f) => f.length > 0),
    actions: answers.actions,
    riskRating: answers.riskRating,
    directClaims: answers.directClaims,
    directClaimsReason: answers.directClaimsReason,
    signedOn,
  };
}

/** The centre's own record of the visit, as a report is made from it. */
export async function workspaceVisit(
  workspace: Workspace,
  visitId: string,
): Promise<ReportedVisit> {
  const visit = (await visitDoc(workspace, visitId)).data;
  return {
    id: visit.id,
    centreId: visit.centreId,
    centreName: workspace.centre.centre.name,
    samples: visit.samples,
  };
}

/**
 * Signs the EQA's report as the one file to return. Reads the record of the visit and writes
 * nothing: the file goes back to the EQA, who sends it to the centre.
 */
export async function signEqaReportFromForm(
  visit: ReportedVisit,
  answers: EqaAnswers,
  identity: SigningIdentity,
  fonts: RecordFonts,
  now: Date,
): Promise<SignedEqaReport> {
  const report = reportFromAnswers(visit, answers, identity.info.commonName, dayOf(now));
  const pdf = await signEqaReport(report, identity, fonts, now);
  const name = safeName(`EQA report ${report.centreName} ${report.visitedOn}`, 'EQA report');
  return {
    fileName: `${name}.pdf`,
    mediaType: 'application/pdf',
    base64: Buffer.from(pdf).toString('base64'),
    signer: {
      name: identity.info.commonName,
      organisation: identity.info.organisation,
      issuer: identity.info.issuer,
      fingerprintSha256: identity.info.fingerprintSha256,
    },
  };
}
