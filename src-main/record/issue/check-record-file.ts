import type { X509Certificate } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import type { Workspace } from '../../workspace/workspace';
import { readBodyHash } from '../docx/docx-fingerprint';
import { knownCertificates } from '../identity-store/identity-store';
import { sha256Hex, verifyIssuedDocx } from '../../portfolio/issued-record';
import { formatDate } from '../../kernel/dates';
import type { Erasure } from '../../portfolio/erasure-schema';
import { checkEvidence, type EvidenceFileCheck } from '../verify/check-evidence';
import { certificateProblems, roleProblems, trustAnchor, type StoppedEntry } from './check-trust';
import type { CertificateSummary } from '../verify/certificate-summary';
import { readEmbeddedManifest } from '../verify/embedded-manifest';
import { verifyRecordPdf } from '../verify/verify-record-pdf';
import { findIssued } from './find-issued';
import { FORM_KEYWORD } from '../../shared/form-marks';

export interface SignatureCheck {
  number: number;
  signerName: string;
  role: string | null;
  organisation: string | null;
  reason: string | null;
  signingTime: string | null;
  certificate: CertificateSummary | null;
  /** The signed bytes are unchanged and the signature matches its certificate. */
  intact: boolean;
  /** The certificate is one of the signing identities kept in the workspace; null without one. */
  knownToWorkspace: boolean | null;
  ok: boolean;
  problems: string[];
}

export interface RecordCheck {
  format: 'pdf' | 'docx';
  ok: boolean;
  recordId: string | null;
  learnerName: string | null;
  signatures: SignatureCheck[];
  /** Each evidence file the record relies on, when the workspace holds the learner's portfolio. */
  evidence: { fileName: string; status: 'unchanged' | 'changed' | 'missing' | 'erased' }[] | null;
  docx: { asIssued: boolean | null; bodyUnchanged: boolean | null } | null;
  /** Every reason `ok` is false, in plain words. */
  problems: string[];
  /** Worth knowing but not a failure. */
  notes: string[];
  /** Set when the file is not a record at all: what it is, in one sentence. */
  notARecord?: string;
}

/** A witness testimony form made by the workbench says so in its keywords. */
async function witnessFormIn(bytes: Uint8Array): Promise<string | null> {
  try {
    const pdf = await PDFDocument.load(bytes, {
      updateMetadata: false,
      throwOnInvalidObject: false,
    });
    const keywords = pdf.getKeywords() ?? '';
    if (!keywords.includes(FORM_KEYWORD)) return null;
    return /form:([\w-]+)/.exec(keywords)?.[1] ?? '';
  } catch {
    return null;
  }
}

export function formatOf(fileName: string, bytes: Uint8Array): 'pdf' | 'docx' | null {
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)
    return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'docx';
  return /\.pdf$/i.test(fileName) ? 'pdf' : /\.docx$/i.test(fileName) ? 'docx' : null;
}

/** The answer for a file that is not a record to verify. */
function refused(problem: string): RecordCheck {
  return {
    format: 'pdf',
    ok: false,
    recordId: null,
    learnerName: null,
    signatures: [],
    evidence: null,
    docx: null,
    problems: [problem],
    notes: [],
  };
}

type PdfReport = Awaited<ReturnType<typeof verifyRecordPdf>>;
type Anchor = Awaited<ReturnType<typeof trustAnchor>>;

/** Each signature's problems with its certificate (against the centre's) and with its role. */
async function signerProblems(
  bytes: Uint8Array,
  report: PdfReport,
  anchor: Anchor,
  recordId: string | null,
  workspace: Workspace | null,
): Promise<Map<number, string[]>> {
  const trustOf = new Map<number, string[]>();
  if (anchor) {
    for (const s of report.signatures) trustOf.set(s.number, certificateProblems(s, anchor));
  }
  const roles = await roleProblems(bytes, report.signatures, recordId, workspace);
  for (const s of report.signatures) {
    trustOf.set(s.number, [
      ...(trustOf.get(s.number) ?? []),
      ...roles.filter((r) => r.startsWith(`Signature ${s.number} `)),
    ]);
  }
  return trustOf;
}

/** Each signature as the check reports it; a certificate the workspace does not know is noted. */
async function signatureChecks(
  report: PdfReport,
  trustOf: Map<number, string[]>,
  workspace: Workspace | null,
  notes: string[],
): Promise<SignatureCheck[]> {
  const known = workspace ? await knownCertificates(workspace.dir) : null;
  return report.signatures.map((s): SignatureCheck => {
    const knownToWorkspace =
      known && s.certificate ? known.has(s.certificate.fingerprintSha256) : null;
    if (knownToWorkspace === false) {
      notes.push(
        `Signature ${s.number} (${s.signerName}) uses a certificate that is not one of this workspace's signing identities; compare its fingerprint with the one the centre gave you.`,
      );
    }
    return {
      number: s.number,
      signerName: s.signerName,
      role: s.role,
      organisation: s.organisation,
      reason: s.reason,
      signingTime: s.signingTime,
      certificate: s.certificate,
      intact: s.intact,
      knownToWorkspace,
      ok: s.ok && (trustOf.get(s.number)?.length ?? 0) === 0,
      problems: [...s.problems, ...(trustOf.get(s.number) ?? [])],
    };
  });
}

/**
 * Checks a record file as an EQA would: for a PDF every signature, and, with the workspace, the
 * evidence files against the manifest the signers saw; for a Word file, whether it is the record
 * exactly as the portfolio issued it.
 */
export async function checkRecordFile(
  bytes: Uint8Array,
  fileName: string,
  workspace: Workspace | null,
  options: {
    trust?: X509Certificate | null;
    /** The centre's signed revocation list, read beside `trust` when an EQA has no workspace. */
    stopped?: readonly StoppedEntry[] | null;
  } = {},
): Promise<RecordCheck> {
  const format = formatOf(fileName, bytes);
  if (format === 'docx') return checkDocx(bytes, workspace);
  if (format !== 'pdf') {
    return refused('This file is neither a PDF nor a Word record.');
  }
  const form = await witnessFormIn(bytes);
  if (form !== null) {
    const what = `This is a witness testimony form${form ? ` (form ${form})` : ''}, not a signed record, so there is nothing to verify; to bring a filled-in form into the portfolio, import it (workbench witness import).`;
    return { ...refused(what), notARecord: what };
  }
  const manifest = await readEmbeddedManifest(bytes);
  // Sampling reports and records are kept in sampling/reports, erasure records in erasures/:
  // neither is issued from a portfolio.
  const fromSampling =
    (manifest?.recordId.startsWith('sampling-') || manifest?.recordId.startsWith('erasure-')) ??
    false;
  const issued =
    workspace && manifest && !fromSampling ? await findIssued(workspace, manifest.recordId) : null;
  const report = await verifyRecordPdf(bytes, issued ? { evidenceDir: issued.evidenceDir } : {});
  const notes: string[] = [];
  const evidence = issued
    ? withErasures(report.evidence ?? [], issued.erasures, notes)
    : (report.evidence ?? null);
  const problems = report.problems.filter(
    (p) =>
      !evidence?.some((e) => e.status === 'erased' && p === `Evidence file missing: ${e.fileName}`),
  );
  if (workspace && manifest?.recordId.startsWith('erasure-')) {
    problems.push(...(await erasureRecordProblems(workspace, manifest.recordId, bytes)));
  }
  if (workspace && manifest && !issued && !fromSampling) {
    problems.push(
      `Record ${manifest.recordId} was not issued from this workspace, so its evidence could not be checked.`,
    );
  }
  if (issued && sha256Hex(bytes) !== issued.entry.sha256) {
    problems.push(
      `This file is not record ${issued.entry.recordId} as issued: its SHA-256 differs from the one the portfolio noted when it was issued or countersigned.`,
    );
  }
  const anchor = await trustAnchor(workspace, options.trust ?? null, options.stopped ?? null);
  const trustOf = await signerProblems(
    bytes,
    report,
    anchor,
    manifest?.recordId ?? null,
    workspace,
  );
  if (!anchor) {
    problems.push(
      'There is no centre certificate to check the signers against: give the workspace (--workspace DIR) or the centre certificate (--trust centre.pem).',
    );
  }
  for (const s of report.signatures) problems.push(...(trustOf.get(s.number) ?? []));
  if (!workspace) notes.push('No workspace was given, so the evidence files were not checked.');
  if (anchor && !anchor.stopped) {
    notes.push(
      'No revocation list from the centre was given, so whether a certificate was replaced or revoked before it signed was not checked.',
    );
  }
  const signatures = await signatureChecks(report, trustOf, workspace, notes);
  return {
    format,
    ok: problems.length === 0,
    recordId: manifest?.recordId ?? null,
    learnerName: issued?.learner.name ?? null,
    signatures,
    evidence: evidence?.map((e) => ({ fileName: e.fileName, status: e.status })) ?? null,
    docx: null,
    problems,
    notes,
  };
}

async function checkDocx(bytes: Uint8Array, workspace: Workspace | null): Promise<RecordCheck> {
  const body = await readBodyHash(bytes);
  const problems: string[] = [];
  const notes: string[] = [];
  const bodyUnchanged = body.printed && body.actual ? body.printed === body.actual : null;
  if (bodyUnchanged === false)
    problems.push(
      'The wording of this record was edited after it was issued: its body no longer matches the SHA-256 in its footer.',
    );
  if (bodyUnchanged === null)
    problems.push('This Word file carries no record fingerprint in its footer.');
  let asIssued: boolean | null = null;
  let learnerName: string | null = null;
  let evidence: ReturnType<typeof withErasures> | null = null;
  if (!workspace) {
    problems.push(
      'Give the workspace (--workspace DIR) to check whether this is the record as issued.',
    );
  } else if (body.recordId) {
    const issued = await findIssued(workspace, body.recordId);
    if (!issued) {
      problems.push(`Record ${body.recordId} was not issued from this workspace.`);
    } else {
      learnerName = issued.learner.name;
      const check = verifyIssuedDocx(
        bytes,
        issued.all.filter((e) => e.recordId === body.recordId),
      );
      asIssued = check.ok;
      if (check.ok) notes.push(check.message);
      else problems.push(check.message);
      const entry = issued.all.findLast((e) => e.recordId === body.recordId);
      if (entry?.evidence) {
        evidence = withErasures(
          await checkEvidence(entry.evidence, issued.evidenceDir),
          issued.erasures,
          notes,
        );
        for (const file of evidence) {
          if (file.status === 'changed')
            problems.push(`Evidence file changed since the record was issued: ${file.fileName}`);
          if (file.status === 'missing') problems.push(`Evidence file missing: ${file.fileName}`);
        }
      } else {
        notes.push('This record was issued before evidence hashes were kept with it.');
      }
    }
  }
  return {
    format: 'docx',
    ok: problems.length === 0,
    recordId: body.recordId,
    learnerName,
    signatures: [],
    evidence: evidence?.map((e) => ({ fileName: e.fileName, status: e.status })) ?? null,
    docx: { asIssued, bodyUnchanged },
    problems,
    notes,
  };
}

/**
 * Evidence a record relied on that was erased under the retention policy (or on the learner's
 * request) since: said plainly, with the erasure record, rather than reported missing.
 */
function withErasures(
  files: readonly EvidenceFileCheck[],
  erasures: readonly Erasure[],
  notes: string[],
): (Omit<EvidenceFileCheck, 'status'> & { status: EvidenceFileCheck['status'] | 'erased' })[] {
  return files.map((file) => {
    if (file.status !== 'missing') return file;
    const erasure = erasures.find((e) => e.evidence.some((v) => v.sha256 === file.expectedSha256));
    if (!erasure) return file;
    const why =
      erasure.basis === 'retention' ? 'under the retention policy' : "at the learner's request";
    notes.push(
      `Evidence file ${file.fileName}: evidence erased on ${formatDate(erasure.erasedAt)} ${why} (erasure record ${erasure.recordId}).`,
    );
    return { ...file, status: 'erased' as const };
  });
}

/** An erasure record checked against the one the centre's audit trail noted when it was made. */
async function erasureRecordProblems(
  workspace: Workspace,
  recordId: string,
  bytes: Uint8Array,
): Promise<string[]> {
  const noted = workspace.centre.audit.find(
    (a) =>
      a.action.startsWith('erased learner') &&
      (a.after as { recordId?: string } | undefined)?.recordId === recordId,
  );
  if (!noted) return [`Erasure record ${recordId} is not on this workspace's audit trail.`];
  const sha = (noted.after as { recordSha256?: string }).recordSha256;
  return sha && sha !== sha256Hex(bytes)
    ? [
        `This file is not erasure record ${recordId} as made: its SHA-256 differs from the one noted on the centre's audit trail.`,
      ]
    : [];
}
