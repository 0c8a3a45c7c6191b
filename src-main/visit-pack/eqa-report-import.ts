import { createHash } from 'node:crypto';
import path from 'node:path';
import { auditEntry } from '../audit/audit';
import { UserError } from '../kernel/user-error';
import { readCentreCertificate } from '../record/identity-store/centre-authority';
import { readAttachment } from '../record/verify/embedded-manifest';
import { verifyRecordPdf } from '../record/verify/verify-record-pdf';
import { raiseAction } from '../sampling/action-loop';
import { newId } from '../shared/ids';
import { stamp, type Actor } from '../shared/record';
import { writeFileAtomic } from '../storage/atomic-write';
import type { Workspace } from '../workspace/workspace';
import { visitDoc, visitFolder } from './visit-store';
import {
  EQA_REPORT_ATTACHMENT,
  EQA_REPORT_PDF,
  eqaReportSchema,
  type EqaReport,
  type ImportedReport,
  type VisitAction,
  type VisitFile,
} from './visit-schema';
import { formatDate } from '../kernel/dates';

export interface CheckedReport {
  report: EqaReport;
  signer: ImportedReport['signer'];
}

const refuse = (why: string) =>
  new UserError('invalid-input', `This EQA report cannot be imported: ${why}`);

/**
 * Checks a returned EQA report as the centre must before keeping it: one signature, intact and
 * covering the whole file; the report's data inside the signed bytes; signed by the EQA named in
 * it with their own certificate (the awarding body's, never one this centre issued); and for a
 * visit of this centre.
 */
export async function checkEqaReport(
  workspace: Workspace,
  pdf: Uint8Array,
): Promise<CheckedReport> {
  const verification = await verifyRecordPdf(pdf);
  const [signature, ...more] = verification.signatures;
  if (!signature) throw refuse('it is not signed. Ask the EQA for the signed PDF they made.');
  if (more.length) throw refuse('it carries more than one signature; an EQA report has one.');
  if (!verification.ok || !signature.signerCertificate) {
    throw refuse(
      `${verification.problems.join(' ')} It may have been changed after the EQA signed it; ask the EQA to send it again.`,
    );
  }
  const bytes = await readAttachment(pdf, EQA_REPORT_ATTACHMENT);
  let json: unknown = null;
  try {
    json = bytes ? JSON.parse(new TextDecoder().decode(bytes)) : null;
  } catch {
    json = null;
  }
  const parsed = eqaReportSchema.safeParse(json);
  if (!parsed.success) {
    throw refuse('it is a signed PDF but not an EQA report made with the workbench.');
  }
  const report = parsed.data;
  const cert = signature.signerCertificate;
  const centre = await readCentreCertificate(workspace.dir);
  if (centre && cert.checkIssued(centre) && cert.verify(centre.publicKey)) {
    throw refuse(
      'it was signed with a certificate this centre issued. An EQA signs with their own certificate from the awarding body.',
    );
  }
  if (signature.signerName !== report.eqa.name) {
    throw refuse(
      `it names ${report.eqa.name} as the EQA but was signed by ${signature.signerName}.`,
    );
  }
  if (report.centreId !== workspace.centre.centre.id) {
    throw refuse(
      `it is about a visit to another centre (${report.centreName}), not ${workspace.centre.centre.name}.`,
    );
  }
  return {
    report,
    signer: {
      name: signature.signerName,
      organisation: signature.organisation,
      subject: cert.subject.replace(/\n/g, ', '),
      issuer: cert.issuer.replace(/\n/g, ', '),
      fingerprintSha256: cert.fingerprint256,
      signedAt: signature.signingTime,
    },
  };
}

/**
 * The staff member an action's owner names, by name; otherwise (a role, "the centre") the IQA
 * who imports the report holds it and passes it on.
 */
function ownerOf(workspace: Workspace, written: string, importer: string): string {
  const wanted = written.trim().toLowerCase();
  const named = workspace.centre.staff.find((s) => s.name.trim().toLowerCase() === wanted);
  if (named) return named.id;
  if (!workspace.centre.staff.some((s) => s.id === importer)) {
    throw new UserError(
      'invalid-input',
      `The EQA's action for "${written}" names nobody on the staff. Say which IQA is importing the report, who will hold it.`,
    );
  }
  return importer;
}

export interface ImportedEqaReport {
  visitId: string;
  /** Actions raised from this report (those already in the loop from the report it replaced are kept, not raised again). */
  actions: number;
  /** Whether it replaced the report the visit held (a corrected report from the EQA). */
  replaced: boolean;
  /** Actions of the earlier report the new one does not repeat: kept in the loop for the IQA to close. */
  notInReport: string[];
}

const sameAction = (a: VisitAction, b: { what: string; owner: string }) =>
  a.what.trim() === b.what.trim() &&
  a.ownerAsWritten.trim().toLowerCase() === b.owner.trim().toLowerCase();

/** eqa-report.pdf, then eqa-report-2.pdf…: a replaced report's file is never written over. */
function nextReportFile(visit: VisitFile): string {
  const taken = new Set([visit.report, ...visit.replacedReports].map((r) => r?.file));
  let name = EQA_REPORT_PDF;
  for (let n = 2; taken.has(name); n += 1) name = EQA_REPORT_PDF.replace('.pdf', `-${n}.pdf`);
  return name;
}

/** Only the IQA (or an administrator, or the system) imports the EQA's report. */
function assertImporter(actor: Actor): void {
  if (actor.role !== 'iqa' && actor.role !== 'admin' && actor.role !== 'system') {
    throw new UserError(
      'forbidden',
      'The EQA’s report is imported by the internal quality assurer. Choose your IQA role (top right).',
    );
  }
}

/** Refuses a report the visit already holds, one older than it holds, or one off its sample. */
function assertFitsVisit(visit: VisitFile, report: EqaReport, sha256: string): void {
  const earlier = [visit.report, ...visit.replacedReports].find((r) => r?.sha256 === sha256);
  if (earlier) {
    throw new UserError(
      'conflict',
      `This EQA report has already been imported (${earlier.file}); it is kept with its visit. Nothing was changed.`,
    );
  }
  const previous = visit.report;
  if (previous && report.signedOn < previous.report.signedOn) {
    throw new UserError(
      'conflict',
      `This visit already has a later report from the EQA, signed ${formatDate(previous.report.signedOn)}; this one was signed ${formatDate(report.signedOn)}. Nothing was changed.`,
    );
  }
  const known = new Set(visit.samples.map((s) => `${s.learnerId}|${s.unitId}`));
  const stray = report.samples.find((s) => !known.has(`${s.learnerId}|${s.unitId}`));
  if (stray) {
    throw refuse(
      `it reports on ${stray.learner}, ${stray.unit}, which was not in the visit’s pack.`,
    );
  }
}

/** The report's actions not already in the loop, raised; and the loop's open ones it drops. */
function actionsOf(workspace: Workspace, visit: VisitFile, report: EqaReport, actor: Actor) {
  const fresh = report.actions.filter((a) => !visit.actions.some((old) => sameAction(old, a)));
  const actions: VisitAction[] = fresh.map((a) => ({
    ...raiseAction({
      id: newId('ea'),
      sampleId: report.visitId,
      what: a.what,
      owner: ownerOf(workspace, a.owner, actor.id),
      raisedBy: report.eqa.name,
      raisedOn: report.signedOn,
      due: a.due,
    }),
    from: 'eqa',
    ownerAsWritten: a.owner,
  }));
  const notInReport = visit.actions
    .filter((old) => old.state !== 'closed' && !report.actions.some((a) => sameAction(old, a)))
    .map((old) => old.what);
  return { actions, notInReport };
}

/**
 * Keeps a checked report with its visit: the signed file in the visit's folder, the report on its
 * record, and each of the EQA's actions raised in the centre's action loop. A different report
 * for a visit that has one (the EQA's corrected report) replaces it: the first stays in the
 * folder, on the record and on the audit trail, and every action already raised stays in the
 * loop as it is, answers and all; only the new report's actions not already there are raised.
 */
export async function importEqaReport(
  workspace: Workspace,
  pdf: Uint8Array,
  actor: Actor,
  now: Date,
): Promise<ImportedEqaReport> {
  assertImporter(actor);
  const { report, signer } = await checkEqaReport(workspace, pdf);
  const doc = await visitDoc(workspace, report.visitId);
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const visit = doc.data;
  assertFitsVisit(visit, report, sha256);
  const previous = visit.report;
  const { actions, notInReport } = actionsOf(workspace, visit, report, actor);
  const file = nextReportFile(visit);
  const folder = await visitFolder(workspace, report.visitId);
  await writeFileAtomic(path.join(folder, file), pdf);
  await doc.update((data) => ({
    ...data,
    ...stamp(actor, now),
    report: {
      report,
      file,
      sha256,
      signer,
      importedAt: now.toISOString(),
      importedBy: actor.id,
    },
    replacedReports: previous ? [...data.replacedReports, previous] : data.replacedReports,
    actions: [...data.actions, ...actions],
    audit: [
      ...data.audit,
      auditEntry(
        actor,
        now,
        previous ? 'replaced EQA report' : 'imported EQA report',
        `visit ${report.visitId}`,
        {
          ...(previous ? { before: { file: previous.file, sha256: previous.sha256 } } : {}),
          after: { file, signedBy: signer.name, sha256, actions: actions.map((a) => a.id) },
        },
      ),
    ],
  }));
  return { visitId: report.visitId, actions: actions.length, replaced: !!previous, notInReport };
}
