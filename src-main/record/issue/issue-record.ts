import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { auditEntry } from '../../audit/audit';
import { newId } from '../../shared/ids';
import { stamp, type Actor } from '../../shared/record';
import { writeFileAtomic } from '../../storage/atomic-write';
import { mapFsError } from '../../storage/map-fs-error';
import { safeName } from '../../storage/safe-name';
import type { Workspace } from '../../workspace/workspace';
import { renderRecordDocx } from '../docx/render-record-docx';
import { buildFromPortfolio, type RecordRequest } from '../from-portfolio/build-from-portfolio';
import { loadRecordSource, type CentreLibrary } from '../from-portfolio/record-source';
import type { SigningIdentity } from '../identity/signing-identity';
import {
  sha256Hex,
  storedIssuedRecordSchema,
  type StoredIssuedRecord,
} from '../issued/issued-record';
import type { RecordFonts } from '../pdf/fonts';
import { loadRecordFonts } from '../pdf/fonts';
import { layOutRecordPdf, saveRecordPdf } from '../pdf/render-record-pdf';
import { SealError } from '../seal/sign-options';
import { signDocument } from '../seal/sign-pdf';
import { UserError } from '../../api/user-error';

export const RECORDS_FOLDER = 'records';

export interface Signer {
  identity: SigningIdentity;
  name: string;
  /** As printed in the signature's reason: "Assessor", "Internal quality assurer". */
  role: string;
  /** Who on the staff signs, when known: an IQA's countersignature shows their review. */
  personId?: string;
}

export interface IssueRequest extends RecordRequest {
  learnerId: string;
  format: 'pdf' | 'docx';
  signer?: Signer;
}

export interface IssuedFile {
  entry: StoredIssuedRecord;
  /** Where the file is on this computer. */
  path: string;
  bytes: Uint8Array;
}

/** Refuses to sign with a certificate that is expired or not yet valid: the signature would not verify. */
export function assertCertificateValid(signer: Signer, now: Date): void {
  const { validFrom, validTo } = signer.identity.info;
  if (now < new Date(validFrom) || now > new Date(validTo)) {
    throw new UserError(
      'invalid-input',
      `${signer.name}'s signing certificate is valid from ${validFrom.slice(0, 10)} to ${validTo.slice(0, 10)}, not on ${now.toISOString().slice(0, 10)}. Import a current certificate or create a new identity.`,
    );
  }
}

/** "R-20261124-7K3F9Q": the date it was made and six characters nobody will mistype. */
export function newRecordId(now: Date): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const random = [...randomBytes(6)].map((b) => alphabet[b % alphabet.length]).join('');
  return `R-${now.toISOString().slice(0, 10).replaceAll('-', '')}-${random}`;
}

export function signReason(role: string, countersign: boolean): string {
  return countersign ? `${role} countersignature` : `${role}'s declaration: assessment decisions`;
}

/**
 * Makes a record from the portfolio, signs it when asked, files it in the learner's records/
 * folder and notes it, with its SHA-256, in the portfolio and its audit trail. The file is on
 * disk before the portfolio names it, so the portfolio never points at a file that is not there.
 */
export async function issueRecord(
  workspace: Workspace,
  request: IssueRequest,
  actor: Actor,
  now: Date,
  shared: { fonts?: RecordFonts; library?: CentreLibrary } = {},
): Promise<IssuedFile> {
  if (request.format === 'docx' && request.signer) {
    throw new UserError(
      'invalid-input',
      'A Word record cannot carry a digital signature. Issue it as a PDF to sign it; the Word copy is checked against the SHA-256 the portfolio keeps.',
    );
  }
  if (request.signer) assertCertificateValid(request.signer, now);
  const source = await loadRecordSource(workspace, request.learnerId, shared.library);
  const recordId = newRecordId(now);
  const { document, unitRef } = await buildFromPortfolio(source, request, {
    recordId,
    generatedAt: now.toISOString(),
  });
  if (request.signer && document.draft) {
    throw new UserError(
      'conflict',
      `This ${document.title.toLowerCase()} is a draft (${document.draft.replace(/:.*$/, '').toLowerCase()}), so it cannot be sealed with a declaration. Sign the unit off first, or issue the draft unsigned.`,
    );
  }
  const signatures: StoredIssuedRecord['signatures'] = [];
  let bytes: Uint8Array;
  if (request.format === 'docx') {
    bytes = await renderRecordDocx(document);
  } else {
    const pdf = await layOutRecordPdf(document, shared.fonts ?? (await loadRecordFonts()));
    if (!request.signer) {
      bytes = await saveRecordPdf(pdf);
    } else {
      try {
        bytes = await signDocument(pdf, request.signer.identity, {
          reason: signReason(request.signer.role, false),
          location: workspace.centre.centre.name,
          name: request.signer.name,
          signingTime: now,
        });
      } catch (error) {
        if (error instanceof SealError) throw new UserError('conflict', error.message);
        throw error;
      }
      signatures.push({
        name: request.signer.name,
        role: request.signer.role,
        signedAt: now.toISOString(),
      });
    }
  }

  const fileName = `${safeName(`${request.kind} ${unitRef}`, 'record', 60)}-${recordId.toLowerCase()}.${request.format}`;
  const relative = `${RECORDS_FOLDER}/${fileName}`;
  const target = path.join(source.portfolioDir, RECORDS_FOLDER, fileName);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFileAtomic(target, bytes);
  } catch (error) {
    throw mapFsError(error, `The records folder of ${source.learner.name}`);
  }
  const entry = storedIssuedRecordSchema.parse({
    id: newId('ir'),
    ...stamp(actor, now),
    recordId,
    kind: request.kind,
    learnerId: source.learner.id,
    unitRef,
    format: request.format,
    sha256: sha256Hex(bytes),
    issuedAt: now.toISOString(),
    issuedBy: actor.id,
    file: relative,
    title: document.title,
    signatures,
    evidence: document.evidenceManifest,
  });
  const doc = await workspace.portfolio(source.learner.id);
  await doc.update((p) => ({
    ...p,
    issuedRecords: [...p.issuedRecords, entry],
    audit: [
      ...p.audit,
      auditEntry(actor, now, 'issued record', `record ${recordId}`, {
        after: {
          kind: entry.kind,
          format: entry.format,
          file: relative,
          sha256: entry.sha256,
          signed: signatures.length > 0,
        },
      }),
    ],
  }));
  return { entry, path: target, bytes };
}
