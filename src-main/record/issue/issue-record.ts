import { randomBytes } from 'node:crypto';
import { access, mkdir, readFile } from 'node:fs/promises';
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
} from '../../portfolio/issued-record';
import type { PortfolioRecordKind, RecordDocument } from '../model/record-document';
import type { RecordFonts } from '../pdf/fonts';
import { loadRecordFonts } from '../pdf/fonts';
import { layOutRecordPdf, saveRecordPdf } from '../pdf/render-record-pdf';
import { SealError } from '../seal/sign-options';
import { signDocument } from '../seal/sign-pdf';
import { UserError } from '../../kernel/user-error';
import { appended } from '../../shared/appended-list';
import { formatDate } from '../../kernel/dates';

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
  /** Set when nothing was issued because the same record, saying the same, already had been. */
  unchanged?: true;
}

export interface IssueOptions {
  fonts?: RecordFonts;
  library?: CentreLibrary;
  /**
   * Hands the finished file to wherever the caller is sending it (a copy the user asked for),
   * before it is filed and noted: when that fails nothing is issued, so the portfolio never
   * notes a record the user did not get.
   */
  deliver?: (bytes: Uint8Array, fileName: string) => Promise<void>;
  /**
   * Issue nothing when the last record of the same kind, unit, format and signing says exactly
   * what this one would (only its ID and the day it was made differing) and its file is still
   * in records/: that record is returned, marked `unchanged`.
   */
  unlessUnchanged?: boolean;
}

/**
 * The SHA-256 of what a record says, leaving out the two things that differ every time it is
 * made (its ID and when), so two records of the same portfolio state can be told apart from a
 * record of a changed one.
 */
export function contentHash(document: RecordDocument): string {
  const json = JSON.stringify({ ...document, recordId: '', generatedAt: '' }, (_key, value) =>
    value instanceof Uint8Array ? Buffer.from(value).toString('base64') : (value as unknown),
  );
  return sha256Hex(new TextEncoder().encode(json));
}

async function sameAsLastIssued(
  portfolioDir: string,
  issued: readonly StoredIssuedRecord[],
  match: { kind: string; unitRef: string; format: string; signed: boolean; content: string },
): Promise<IssuedFile | null> {
  const last = issued.findLast(
    (e) =>
      e.kind === match.kind &&
      e.unitRef === match.unitRef &&
      e.format === match.format &&
      e.signatures.length > 0 === match.signed,
  );
  if (last?.content !== match.content) return null;
  const file = path.join(portfolioDir, last.file);
  try {
    await access(file);
    const bytes = new Uint8Array(await readFile(file));
    return sha256Hex(bytes) === last.sha256
      ? { entry: last, path: file, bytes, unchanged: true }
      : null;
  } catch {
    return null;
  }
}

/** Refuses to sign with a certificate that is expired or not yet valid: the signature would not verify. */
export function assertCertificateValid(signer: Signer, now: Date): void {
  const { validFrom, validTo } = signer.identity.info;
  if (now < new Date(validFrom) || now > new Date(validTo)) {
    throw new UserError(
      'invalid-input',
      `${signer.name}'s signing certificate is valid from ${formatDate(validFrom)} to ${formatDate(validTo)}, not on ${formatDate(now.toISOString())}. Import a current certificate or create a new identity.`,
    );
  }
}

/** "R-20261124-7K3F9Q": the date it was made and six characters nobody will mistype. */
export function newRecordId(now: Date): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const random = [...randomBytes(6)].map((b) => alphabet[b % alphabet.length]).join('');
  return `R-${now.toISOString().slice(0, 10).replaceAll('-', '')}-${random}`;
}

/** What each kind of record is, as a first signature's reason names it. */
const signedAs: Record<PortfolioRecordKind, string> = {
  'unit-record': 'declaration on the unit assessment record',
  observation: 'observation record',
  discussion: 'professional discussion record',
  progress: 'learner progress summary',
  'evidence-index': 'evidence index',
  'progress-review': 'progress review',
  'assessment-plan': 'assessment plan',
};

/**
 * The reason a signature gives, as a PDF reader shows it beside the signer: what the signer
 * vouches for, so an assessor's signature on an observation never reads as one on the unit's
 * decisions.
 */
export function signReason(
  role: string,
  countersign: boolean,
  kind: PortfolioRecordKind = 'unit-record',
): string {
  return countersign ? `${role} countersignature` : `${role}'s ${signedAs[kind]}`;
}

/** The record as a Word file, an unsigned PDF, or a PDF sealed by the signer. */
async function renderIssued(
  workspace: Workspace,
  document: RecordDocument,
  request: IssueRequest,
  now: Date,
  shared: IssueOptions,
): Promise<{ bytes: Uint8Array; signatures: StoredIssuedRecord['signatures'] }> {
  if (request.format === 'docx') return { bytes: await renderRecordDocx(document), signatures: [] };
  const pdf = await layOutRecordPdf(document, shared.fonts ?? (await loadRecordFonts()));
  const { signer } = request;
  if (!signer) return { bytes: await saveRecordPdf(pdf), signatures: [] };
  try {
    const bytes = await signDocument(pdf, signer.identity, {
      reason: signReason(signer.role, false, request.kind),
      location: workspace.centre.centre.name,
      name: signer.name,
      signingTime: now,
    });
    return {
      bytes,
      signatures: [{ name: signer.name, role: signer.role, signedAt: now.toISOString() }],
    };
  } catch (error) {
    if (error instanceof SealError) throw new UserError('conflict', error.message);
    throw error;
  }
}

/** Writes the record into the learner's records/ folder; the file is there before it is named. */
async function fileInRecords(
  source: Awaited<ReturnType<typeof loadRecordSource>>,
  fileName: string,
  bytes: Uint8Array,
): Promise<{ relative: string; target: string }> {
  const relative = `${RECORDS_FOLDER}/${fileName}`;
  const target = path.join(source.portfolioDir, RECORDS_FOLDER, fileName);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFileAtomic(target, bytes);
  } catch (error) {
    throw mapFsError(error, `The records folder of ${source.learner.name}`);
  }
  return { relative, target };
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
  shared: IssueOptions = {},
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
  const content = contentHash(document);
  if (shared.unlessUnchanged) {
    const same = await sameAsLastIssued(source.portfolioDir, source.portfolio.issuedRecords, {
      kind: request.kind,
      unitRef,
      format: request.format,
      signed: request.signer !== undefined,
      content,
    });
    if (same) return same;
  }
  const { bytes, signatures } = await renderIssued(workspace, document, request, now, shared);
  const fileName = `${safeName(`${request.kind} ${unitRef}`, 'record', 60)}-${recordId.toLowerCase()}.${request.format}`;
  if (shared.deliver) await shared.deliver(bytes, fileName);
  const { relative, target } = await fileInRecords(source, fileName, bytes);
  const entry = storedIssuedRecordSchema.parse({
    id: newId('ir'),
    ...stamp(actor, now),
    recordId,
    kind: request.kind,
    learnerId: source.learner.id,
    unitRef,
    format: request.format,
    sha256: sha256Hex(bytes),
    content,
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
    issuedRecords: appended(p.issuedRecords, entry),
    audit: appended(
      p.audit,
      auditEntry(actor, now, 'issued record', `record ${recordId}`, {
        after: {
          kind: entry.kind,
          format: entry.format,
          file: relative,
          sha256: entry.sha256,
          signed: signatures.length > 0,
        },
      }),
    ),
  }));
  return { entry, path: target, bytes };
}
