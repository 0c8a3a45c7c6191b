import type { X509Certificate } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import type { Workspace } from '../../workspace/workspace';
import {
  issuedByCentre,
  readCentreCertificate,
  readRegister,
  type StoppedCertificate,
} from '../identity-store/centre-authority';
import type { SignatureReport } from '../verify/verify-record-pdf';
import { reportSignerProblem, reportSigners } from '../../sampling/report-signers';

/** What verify needs to know of a certificate that stopped counting. */
export type StoppedEntry = Pick<
  StoppedCertificate,
  'fingerprintSha256' | 'stoppedAt' | 'reason' | 'note'
>;

/** What an EQA checks signatures against: the centre certificate, and where known the register. */
export interface TrustAnchor {
  centre: X509Certificate;
  /**
   * Certificates that stopped (replaced or revoked): the workspace's register, or else the
   * centre's signed revocation list handed out with its certificate; null when neither is known.
   */
  stopped: readonly StoppedEntry[] | null;
}

export async function trustAnchor(
  workspace: Workspace | null,
  trusted: X509Certificate | null,
  listed: readonly StoppedEntry[] | null = null,
): Promise<TrustAnchor | null> {
  const centre = trusted ?? (workspace ? await readCentreCertificate(workspace.dir) : null);
  if (!centre) return null;
  const stopped = workspace ? (await readRegister(workspace.dir)).stopped : listed;
  return { centre, stopped };
}

const longDay = (iso: string) => iso.slice(0, 10);

/** Every reason a signature's certificate does not vouch for its signer, one line each. */
export function certificateProblems(signature: SignatureReport, anchor: TrustAnchor): string[] {
  const label = `Signature ${signature.number} (${signature.signerName})`;
  const cert = signature.signerCertificate;
  if (!cert || !issuedByCentre(cert, anchor.centre)) {
    return [
      `${label}: its certificate was not issued by the centre certificate (${
        anchor.centre.subject
          .split('\n')
          .find((l) => l.startsWith('CN='))
          ?.slice(3) ?? 'centre'
      }), so nothing vouches that ${signature.signerName} signed it.`,
    ];
  }
  const stopped = anchor.stopped?.find((s) => s.fingerprintSha256 === cert.fingerprint256);
  if (stopped) {
    const signedAt = signature.signingTime;
    if (!signedAt || signedAt >= stopped.stoppedAt) {
      return [
        `${label}: the certificate was ${stopped.reason} on ${longDay(stopped.stoppedAt)}${stopped.note ? ` (${stopped.note})` : ''}, ${signedAt ? `before this signature on ${longDay(signedAt)}` : 'and the signature gives no time'}.`,
      ];
    }
  }
  return [];
}

/** The name the record says signed it first: the assessor of a record, the IQA of a report. */
export async function namedSigner(pdf: Uint8Array): Promise<string | null> {
  try {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    return doc.getAuthor() ?? null;
  } catch {
    return null;
  }
}

/**
 * Whether each signer is the person the record names in that role: the first signature is by the
 * person the record names (its assessor, or a report's IQA); a countersignature is by someone
 * else, an IQA or an assessor. Inside a workspace, a sampling report's signer must be the plan's
 * IQA and never an assessor whose decisions it samples.
 */
export async function roleProblems(
  pdf: Uint8Array,
  signatures: readonly SignatureReport[],
  recordId: string | null,
  workspace: Workspace | null,
): Promise<string[]> {
  const problems: string[] = [];
  const first = signatures[0];
  if (!first) return problems;
  const named = await namedSigner(pdf);
  const names = named?.split(', ') ?? [];
  if (!named || !names.includes(first.signerName)) {
    problems.push(
      `Signature 1 (${first.signerName}): the record names ${named ?? 'nobody'} as the person who signs it, not ${first.signerName}.`,
    );
  }
  for (const later of signatures.slice(1)) {
    if (later.signerName === first.signerName) {
      problems.push(
        `Signature ${later.number} (${later.signerName}): a countersignature must be by someone other than the first signer.`,
      );
    } else if (later.role && !/internal quality assurer|assessor/i.test(later.role)) {
      problems.push(
        `Signature ${later.number} (${later.signerName}): a countersignature is by an IQA or a qualified assessor, not a ${later.role}.`,
      );
    }
  }
  if (workspace && recordId?.startsWith('sampling-')) {
    const allowed = await reportSigners(workspace, recordId);
    for (const s of allowed ? signatures : []) {
      const problem = reportSignerProblem(allowed!, s.signerName);
      if (problem) problems.push(`Signature ${s.number} (${s.signerName}): ${problem}`);
    }
  }
  return problems;
}
