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
} from './visit-schema';

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

/**
 * Keeps a checked report with its visit: the signed file in the visit's folder, the report on its
 * record, and each of the EQA's actions raised in the centre's action loop.
 */
export async function importEqaReport(
  workspace: Workspace,
  pdf: Uint8Array,
  actor: Actor,
  now: Date,
): Promise<{ visitId: string; actions: number }> {
  if (actor.role !== 'iqa' && actor.role !== 'admin' && actor.role !== 'system') {
    throw new UserError(
      'forbidden',
      'The EQA’s report is imported by the internal quality assurer. Choose your IQA role (top right).',
    );
  }
  const { report, signer } = await checkEqaReport(workspace, pdf);
  const doc = await visitDoc(workspace, report.visitId);
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const visit = doc.data;
  if (visit.report) {
    throw new UserError(
      'conflict',
      visit.report.sha256 === sha256
        ? 'This EQA report has already been imported; it is kept with its visit.'
        : `This visit already has the EQA’s report, imported ${visit.report.importedAt.slice(0, 10)}. Nothing was changed.`,
    );
  }
  const known = new Set(visit.samples.map((s) => `${s.learnerId}|${s.unitId}`));
  const stray = report.samples.find((s) => !known.has(`${s.learnerId}|${s.unitId}`));
  if (stray) {
    throw refuse(
      `it reports on ${stray.learner}, ${stray.unit}, which was not in the visit’s pack.`,
    );
  }
  const actions: VisitAction[] = report.actions.map((a) => ({
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
  const folder = await visitFolder(workspace, report.visitId);
  await writeFileAtomic(path.join(folder, EQA_REPORT_PDF), pdf);
  await doc.update((file) => ({
    ...file,
    ...stamp(actor, now),
    report: {
      report,
      file: EQA_REPORT_PDF,
      sha256,
      signer,
      importedAt: now.toISOString(),
      importedBy: actor.id,
    },
    actions: [...file.actions, ...actions],
    audit: [
      ...file.audit,
      auditEntry(actor, now, 'imported EQA report', `visit ${report.visitId}`, {
        after: { signedBy: signer.name, sha256, actions: actions.map((a) => a.id) },
      }),
    ],
  }));
  return { visitId: report.visitId, actions: actions.length };
}
