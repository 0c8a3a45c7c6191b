import { X509Certificate } from 'node:crypto';
import type { Learner, StaffMember } from '../../centre/centre-schema';
import type { UnitSignOffRecord } from '../../portfolio/decision-schema';
import { countersignPayload, signOffPayload, unlockPayload } from '../../decision/sign-off-proofs';
import { reviewPayload } from '../../sampling/review-proof';
import { samplingStore } from '../../sampling/sampling-store';
import { proofHolds, type Proof } from '../../shared/proof';
import type { Workspace } from '../../workspace/workspace';
import {
  issuedByCentre,
  readCentreCertificate,
  readRegister,
  type StoppedCertificate,
} from '../identity-store/centre-authority';
import { readCertificate } from '../identity-store/identity-store';

/** One thing a person decided, the signature it should carry, and what that signature covers. */
interface Claim {
  label: string;
  personId: string;
  /** When it was recorded, to tell a certificate that had already stopped. */
  at: string;
  proof: Proof | undefined;
  payload: unknown;
}

export interface PortfolioProofCheck {
  learner: Learner;
  checked: number;
  problems: string[];
}

interface KnownCertificate {
  cert: X509Certificate;
  stopped: StoppedCertificate | null;
}

/** Every certificate the centre issued that a proof may name: today's, and those that stopped. */
async function knownCertificates(workspace: Workspace): Promise<Map<string, KnownCertificate>> {
  const known = new Map<string, KnownCertificate>();
  for (const s of (await readRegister(workspace.dir)).stopped) {
    known.set(s.fingerprintSha256, { cert: new X509Certificate(s.pem), stopped: s });
  }
  for (const person of workspace.centre.staff) {
    const current = await readCertificate(workspace.dir, person.id);
    if (current) {
      known.set(current.info.fingerprintSha256, {
        cert: new X509Certificate(current.pem),
        stopped: null,
      });
    }
  }
  return known;
}

const day = (iso: string) => iso.slice(0, 10);
const commonName = (cert: X509Certificate) =>
  cert.subject
    .split('\n')
    .find((l) => l.startsWith('CN='))
    ?.slice(3) ?? '';

/** The three signed steps of a sign-off, each checked the same way when it was taken. */
const signOffSteps = [
  {
    what: 'Sign-off',
    by: 'signedOffBy',
    at: 'signedOffAt',
    proof: 'signOffProof',
    payload: signOffPayload,
  },
  {
    what: 'Countersignature',
    by: 'countersignedBy',
    at: 'countersignedAt',
    proof: 'countersignProof',
    payload: countersignPayload,
  },
  { what: 'Unlock', by: 'voidedBy', at: 'voidedAt', proof: 'voidProof', payload: unlockPayload },
] as const;

function signOffClaims(learnerId: string, s: UnitSignOffRecord, name: NameOf): Claim[] {
  return signOffSteps.flatMap((step) => {
    const by = s[step.by];
    const at = s[step.at];
    if (!by || !at) return [];
    return [
      {
        label: `${step.what} of ${s.unitId} by ${name(by)} on ${day(at)}`,
        personId: by,
        at,
        proof: s[step.proof],
        payload: step.payload(learnerId, s),
      },
    ];
  });
}

type NameOf = (personId: string) => string;

/**
 * Whether every sign-off, countersignature, unlock and IQA review in a learner's portfolio was
 * signed by the key of the person it names, with a certificate the centre certificate issued to
 * them that had not stopped before, over exactly what the record now says.
 */
export async function checkPortfolioProofs(
  workspace: Workspace,
  learner: Learner,
): Promise<PortfolioProofCheck> {
  const staff = new Map<string, StaffMember>(workspace.centre.staff.map((s) => [s.id, s]));
  const name: NameOf = (id) => staff.get(id)?.name ?? id;
  const portfolio = (await workspace.portfolio(learner.id)).data;
  const claims = portfolio.signOffs.flatMap((s) => signOffClaims(learner.id, s, name));
  for (const { reviews } of await samplingStore(workspace).allReviews()) {
    for (const review of reviews.filter((r) => r.learnerId === learner.id)) {
      claims.push({
        label: `IQA review of ${review.unitId} by ${name(review.reviewerId)} on ${review.reviewedOn}`,
        personId: review.reviewerId,
        at: review.updatedBy === review.reviewerId ? review.updatedAt : review.reviewedOn,
        proof: review.proof,
        payload: reviewPayload(review),
      });
    }
  }

  const centre = await readCentreCertificate(workspace.dir);
  if (!centre) {
    return {
      learner,
      checked: claims.length,
      problems: ['This workspace has no centre certificate, so no signature can be checked.'],
    };
  }
  const known = await knownCertificates(workspace);
  const problems: string[] = [];
  for (const claim of claims) {
    const problem = claimProblem(claim, name(claim.personId), centre, known);
    if (problem) problems.push(`${claim.label}: ${problem}`);
  }
  return { learner, checked: claims.length, problems };
}

function claimProblem(
  claim: Claim,
  personName: string,
  centre: X509Certificate,
  known: Map<string, KnownCertificate>,
): string | null {
  const { proof } = claim;
  if (!proof)
    return `it carries no signature by ${personName}'s key, so nothing shows they made it.`;
  if (proof.personId !== claim.personId) {
    return `it is signed as someone else (${proof.personId}), not ${personName}.`;
  }
  const found = known.get(proof.certificateSha256);
  if (!found) {
    return `it was signed with a certificate (${proof.certificateSha256.slice(0, 23)}…) this centre has no record of issuing.`;
  }
  if (!issuedByCentre(found.cert, centre)) {
    return 'it was signed with a certificate the centre certificate did not issue.';
  }
  if (commonName(found.cert) !== personName) {
    return `it was signed with ${commonName(found.cert)}'s certificate, not ${personName}'s.`;
  }
  if (found.stopped && claim.at >= found.stopped.stoppedAt) {
    return `it was signed after the certificate was ${found.stopped.reason} on ${day(found.stopped.stoppedAt)}.`;
  }
  if (!proofHolds(proof, claim.payload, found.cert.publicKey)) {
    return 'the signature does not match what the record says now: it has been changed since it was signed.';
  }
  return null;
}
