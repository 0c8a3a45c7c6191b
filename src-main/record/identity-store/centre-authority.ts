import { X509Certificate } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { UserError } from '../../kernel/user-error';
import { writeFileAtomic } from '../../storage/atomic-write';
import { mapFsError } from '../../storage/map-fs-error';
import { generateIdentity } from '../identity/generate-identity';
import { IdentityError } from '../identity/identity-error';
import {
  exportCertificatePem,
  importP12,
  type SigningIdentity,
} from '../identity/signing-identity';
import { SIGNING_FOLDER } from './identity-store';
import { stoppedSchema, writeRevocationList, type StoppedCertificate } from './revocation-list';

/**
 * The centre certificate: one CA, kept by the centre's quality lead, that issues every person's
 * signing identity. An EQA trusts this one certificate and so every signature the centre vouches
 * for. Its key is in `signing/centre.p12` under its own passphrase; `signing/centre.pem` is the
 * public certificate to hand out. `signing/register.json` keeps every certificate that stopped
 * (replaced or revoked), with when and why, so a signature made before still counts and one made
 * after does not.
 */
export const CENTRE_FILES = { p12: 'centre.p12', pem: 'centre.pem', register: 'register.json' };

export const registerSchema = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal('certificate-register'),
  stopped: z.array(stoppedSchema),
});
export type { StoppedCertificate };
export type CertificateRegister = z.infer<typeof registerSchema>;

const at = (workspaceDir: string, file: string) => path.join(workspaceDir, SIGNING_FOLDER, file);

export async function readCentreCertificate(workspaceDir: string): Promise<X509Certificate | null> {
  try {
    return new X509Certificate(await readFile(at(workspaceDir, CENTRE_FILES.pem)));
  } catch {
    return null;
  }
}

export async function readCentrePem(workspaceDir: string): Promise<string | null> {
  return readFile(at(workspaceDir, CENTRE_FILES.pem), 'utf8').catch(() => null);
}

/** Makes the centre certificate (valid ten years) when the workspace has none. */
export async function createCentreAuthority(
  workspaceDir: string,
  organisation: string,
  passphrase: string,
  now: Date,
): Promise<X509Certificate> {
  if (await readCentreCertificate(workspaceDir)) {
    throw new UserError('conflict', 'This workspace already has a centre certificate.');
  }
  const made = generateIdentity({
    name: `${organisation} centre certificate`,
    role: 'Centre certificate authority',
    organisation,
    passphrase,
    now,
    validYears: 10,
    authority: true,
  });
  try {
    await mkdir(path.join(workspaceDir, SIGNING_FOLDER), { recursive: true });
    await writeFileAtomic(at(workspaceDir, CENTRE_FILES.p12), Buffer.from(made.p12));
    await writeFileAtomic(at(workspaceDir, CENTRE_FILES.pem), made.certificatePem);
  } catch (error) {
    throw mapFsError(error, 'The centre certificate');
  }
  // An empty list, signed: an EQA can tell "nothing revoked" from "no list to check".
  await writeRevocationList(workspaceDir, importP12(made.p12, passphrase), [], now);
  return new X509Certificate(made.certificatePem);
}

/** Opens the centre key with its passphrase, in memory, to issue, replace or revoke. */
export async function openCentreAuthority(
  workspaceDir: string,
  passphrase: string | undefined,
): Promise<SigningIdentity> {
  if (!passphrase) {
    throw new UserError(
      'forbidden',
      "Creating, replacing or revoking a signing identity needs the centre certificate's passphrase. Ask the centre's quality lead to enter it.",
    );
  }
  let p12: Buffer;
  try {
    p12 = await readFile(at(workspaceDir, CENTRE_FILES.p12));
  } catch {
    throw new UserError(
      'not-found',
      'This workspace has no centre certificate yet. Create one first: every signing identity is issued by it.',
    );
  }
  try {
    return importP12(p12, passphrase);
  } catch (error) {
    if (error instanceof IdentityError) {
      throw new UserError(
        'forbidden',
        error.reason === 'wrong-passphrase'
          ? "That is not the centre certificate's passphrase, so nothing was changed."
          : error.message,
      );
    }
    throw error;
  }
}

export async function readRegister(workspaceDir: string): Promise<CertificateRegister> {
  let text: string;
  try {
    text = await readFile(at(workspaceDir, CENTRE_FILES.register), 'utf8');
  } catch {
    return { schemaVersion: 1, kind: 'certificate-register', stopped: [] };
  }
  return registerSchema.parse(JSON.parse(text));
}

/** Adds a stopped certificate; entries are only ever added. */
export async function recordStopped(
  workspaceDir: string,
  entry: StoppedCertificate,
): Promise<void> {
  const register = await readRegister(workspaceDir);
  const next = { ...register, stopped: [...register.stopped, entry] };
  try {
    await writeFileAtomic(
      at(workspaceDir, CENTRE_FILES.register),
      `${JSON.stringify(next, null, 2)}\n`,
    );
  } catch (error) {
    throw mapFsError(error, 'The register of signing certificates');
  }
}

/** Whether `cert` was issued by the centre certificate: its issuer name and its signature. */
export function issuedByCentre(cert: X509Certificate, centre: X509Certificate): boolean {
  if (cert.fingerprint256 === centre.fingerprint256) return false;
  return cert.checkIssued(centre) && cert.verify(centre.publicKey);
}

/**
 * What makes a signature count, checked before signing as verify checks it after: the identity
 * was issued by the centre certificate and has not been replaced or revoked. `notIssued` says,
 * in the caller's words, what to do about an identity the centre did not issue.
 */
export async function assertCentreStanding(
  workspaceDir: string,
  identity: SigningIdentity,
  notIssued: string,
): Promise<void> {
  const centre = await readCentreCertificate(workspaceDir);
  const cert = new X509Certificate(exportCertificatePem(identity));
  if (!centre || !issuedByCentre(cert, centre)) throw new UserError('forbidden', notIssued);
  const stopped = (await readRegister(workspaceDir)).stopped.find(
    (s) => s.fingerprintSha256 === cert.fingerprint256,
  );
  if (stopped) {
    throw new UserError(
      'forbidden',
      `This signing identity was ${stopped.reason} on ${stopped.stoppedAt.slice(0, 10)} and signs no more.`,
    );
  }
}
