import { UserError } from '../../kernel/user-error';
import {
  buildSamplingRecord,
  buildSamplingReport,
  IdentityError,
  importP12,
  loadRecordFonts,
  layOutRecordPdf,
  renderRecordDocx,
  saveRecordPdf,
  SealError,
  signDocument,
  type SigningIdentity,
} from '..';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { dayOf } from '../../shared/record';
import { writeFileAtomic } from '../../storage/atomic-write';
import { mapFsError } from '../../storage/map-fs-error';
import { resolveInside } from '../../storage/resolve-inside';
import type { Workspace } from '../../workspace/workspace';
import { assertCentreStanding } from '../identity-store/centre-authority';
import { reportSignerProblem, reportSigners } from '../../sampling/report-signers';
import { SAMPLING_FOLDER } from '../../sampling/sampling-files';
import { samplingRecordInput, samplingReportInput } from '../../sampling/sampling-report-data';

export type ReportFormat = 'pdf' | 'docx';

/**
 * Who seals the report: a signing identity as it is kept (a passphrase-protected PKCS#12 file
 * and its passphrase, from the command line), or the IQA's identity already opened from the
 * workspace's signing folder.
 */
export type ReportSigning = { p12: Uint8Array; passphrase: string } | { identity: SigningIdentity };

export interface ReportOptions {
  format: ReportFormat;
  now: Date;
  /** Seals the PDF with the IQA's signature; a DOCX cannot carry one. */
  signing?: ReportSigning;
  /** The sampling record of this one sample instead of the report over the whole plan. */
  sampleId?: string;
}

/**
 * The IQA's sampling report (or the sampling record of one sample) as a PDF or DOCX, made by the
 * same records engine as assessment records and, for a PDF, sealed with the IQA's signature.
 */
export async function samplingReportFile(
  workspace: Workspace,
  planId: string,
  options: ReportOptions,
): Promise<Uint8Array> {
  if (options.signing && options.format !== 'pdf') {
    throw new UserError(
      'invalid-input',
      'Only a PDF can carry a signature. Make the report as a PDF to sign it.',
    );
  }
  const doc = options.sampleId
    ? buildSamplingRecord(
        await samplingRecordInput(workspace, planId, options.sampleId, options.now),
      )
    : buildSamplingReport(await samplingReportInput(workspace, planId, options.now));
  if (options.format === 'docx') return renderRecordDocx(doc);
  const pdf = await layOutRecordPdf(doc, await loadRecordFonts());
  if (!options.signing) return saveRecordPdf(pdf);
  try {
    const identity =
      'identity' in options.signing
        ? options.signing.identity
        : importP12(options.signing.p12, options.signing.passphrase);
    await assertMaySeal(workspace, doc.recordId, identity);
    return await signDocument(pdf, identity, {
      reason: options.sampleId ? 'IQA sampling record' : 'IQA sampling report',
      location: workspace.centre.centre.name,
      signingTime: options.now,
    });
  } catch (error) {
    if (error instanceof IdentityError || error instanceof SealError) {
      throw new UserError('invalid-input', error.message);
    }
    throw error;
  }
}

/**
 * The same rule `workbench verify` checks, applied before anything is signed: the report is
 * sealed only by the plan's IQA, with an identity the centre certificate issued, and never by an
 * assessor whose decisions it samples.
 */
async function assertMaySeal(
  workspace: Workspace,
  recordId: string,
  identity: SigningIdentity,
): Promise<void> {
  await assertCentreStanding(
    workspace.dir,
    identity,
    `${identity.info.commonName}'s signing identity was not issued by this centre's certificate, so a report sealed with it would not verify. Use the IQA's identity from the workspace.`,
  );
  const signers = await reportSigners(workspace, recordId);
  const problem = signers ? reportSignerProblem(signers, identity.info.commonName) : null;
  if (problem) throw new UserError('forbidden', problem);
}

/**
 * Saves a report into the workspace's sampling/reports folder, where the centre's other
 * paperwork lives, sealed with the IQA's signature when one is given.
 */
export async function saveReportInWorkspace(
  workspace: Workspace,
  planId: string,
  options: ReportOptions,
): Promise<{ path: string }> {
  const bytes = await samplingReportFile(workspace, planId, options);
  const what = options.sampleId
    ? `sampling-record-${options.sampleId}`
    : `sampling-report-${planId}`;
  const relative = path.join(
    SAMPLING_FOLDER,
    'reports',
    `${what}-${dayOf(options.now)}.${options.format}`,
  );
  const file = await resolveInside(workspace.dir, relative);
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, bytes);
  } catch (error) {
    throw mapFsError(error, 'The sampling report');
  }
  return { path: relative.split(path.sep).join('/') };
}
