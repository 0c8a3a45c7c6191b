import type { X509Certificate } from 'node:crypto';
import type { EmbeddedManifest } from '../model/record-document';
import type { EvidenceFileCheck } from './check-evidence';
import { checkEvidence } from './check-evidence';
import { readEmbeddedManifest } from './embedded-manifest';
import { checkSignatureIntegrity, findSignatures } from './find-signatures';
import { readSignatureDetails } from './signature-details';
import type { CertificateSummary } from './certificate-summary';
import { summariseCertificate } from './certificate-summary';
import { revisionEnds } from './revisions';

export interface SignatureReport {
  /** 1 for the first signature, in the order they were added. */
  number: number;
  fieldName: string | null;
  signerName: string;
  role: string | null;
  organisation: string | null;
  reason: string | null;
  location: string | null;
  signingTime: string | null;
  certificate: CertificateSummary | null;
  /** The signer's certificate as the signature carries it, for chain and revocation checks. */
  signerCertificate: X509Certificate | null;
  byteRange: [number, number, number, number];
  /** The signed bytes still hash to what was signed, and the signature matches the certificate. */
  intact: boolean;
  /** The range runs from the start of the file to the end of a revision, missing only /Contents. */
  coversWholeRevision: boolean;
  /** Nothing was added to the file after this signature. */
  coversWholeFile: boolean;
  /** PAdES's binding of the signature to its certificate (signing-certificate-v2) is present. */
  pades: boolean;
  ok: boolean;
  problems: string[];
}

export interface RecordVerification {
  ok: boolean;
  signatures: SignatureReport[];
  manifest: EmbeddedManifest | null;
  /** Present when an evidence folder was given. */
  evidence: EvidenceFileCheck[] | null;
  /** Every reason `ok` is false, in plain words, fit to show as they are. */
  problems: string[];
}

export interface VerifyOptions {
  /** The learner's evidence folder; when given, each manifest entry is checked against it. */
  evidenceDir?: string;
  /** The time to judge certificate validity at, if not each signature's own time. */
  now?: Date;
}

/**
 * Checks a record PDF the way an EQA would want it checked, offline: every signature's integrity
 * and coverage, who signed it and with what certificate, and whether the evidence the record
 * relies on is still the evidence it was signed over.
 */
export async function verifyRecordPdf(
  pdf: Uint8Array,
  options: VerifyOptions = {},
): Promise<RecordVerification> {
  const found = findSignatures(pdf);
  const details = await readSignatureDetails(pdf);
  const ends = revisionEnds(pdf);
  const problems: string[] = [];

  const signatures = found.map((signature, i): SignatureReport => {
    const integrity = checkSignatureIntegrity(pdf, signature);
    const [a, b, c, d] = signature.byteRange;
    const end = c + d;
    const info = details.get(signature.byteRange.join(' '));
    const signer = integrity.cms?.signer ?? null;
    const certificate = signer ? summariseCertificate(signer) : null;
    const coversWholeRevision =
      a === 0 && pdf[b] === 0x3c && pdf[c - 1] === 0x3e && ends.includes(end);
    const coversWholeFile = ends.at(-1) === end;
    const name = certificate?.commonName ?? info?.name ?? 'Unknown signer';
    const own: string[] = [];
    if (integrity.problem) own.push(integrity.problem);
    if (!coversWholeRevision) own.push('It does not cover the whole of its revision of the file.');
    const when = info?.signingTime ? new Date(info.signingTime) : (options.now ?? new Date());
    if (certificate && !withinValidity(signer, when)) {
      own.push('Its certificate was not valid at the time of signing.');
    }
    problems.push(...own.map((p) => `Signature ${i + 1} (${name}): ${p}`));
    return {
      number: i + 1,
      fieldName: info?.fieldName ?? null,
      signerName: name,
      role: certificate?.role ?? null,
      organisation: certificate?.organisation ?? null,
      reason: info?.reason ?? null,
      location: info?.location ?? null,
      signingTime: info?.signingTime ?? integrity.cms?.signingTimeAttribute?.toISOString() ?? null,
      certificate,
      signerCertificate: signer,
      byteRange: signature.byteRange,
      intact: integrity.intact,
      coversWholeRevision,
      coversWholeFile,
      pades: integrity.cms?.hasSigningCertificateV2 ?? false,
      ok: own.length === 0,
      problems: own,
    };
  });

  if (signatures.length === 0) problems.push('The record is not signed.');
  else if (!signatures.at(-1)?.coversWholeFile) {
    problems.push(
      'The file was changed after the last signature: something was added that nobody signed.',
    );
  }

  const manifest = await readEmbeddedManifest(pdf);
  if (!manifest) problems.push('The record carries no readable evidence manifest.');
  let evidence: EvidenceFileCheck[] | null = null;
  if (manifest && options.evidenceDir) {
    evidence = await checkEvidence(manifest.files, options.evidenceDir);
    for (const file of evidence) {
      if (file.status === 'changed')
        problems.push(`Evidence file changed since the record was signed: ${file.fileName}`);
      if (file.status === 'missing') problems.push(`Evidence file missing: ${file.fileName}`);
    }
  }
  return { ok: problems.length === 0, signatures, manifest, evidence, problems };
}

function withinValidity(cert: X509Certificate | null, when: Date): boolean {
  if (!cert) return false;
  return new Date(cert.validFrom) <= when && when <= new Date(cert.validTo);
}
