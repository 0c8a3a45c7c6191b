import { X509Certificate } from 'node:crypto';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import forge from 'node-forge';
import { UserError } from '../../kernel/user-error';
import { writeFileAtomic } from '../../storage/atomic-write';
import { mapFsError } from '../../storage/map-fs-error';
import { safeName } from '../../storage/safe-name';
import type { CertificateInfo } from '../identity/certificate-info';
import { describeCertificate } from '../identity/certificate-info';
import { IdentityError } from '../identity/identity-error';
import {
  exportCertificatePem,
  importP12,
  type SigningIdentity,
} from '../identity/signing-identity';

/**
 * Signing identities live in the workspace's signing/ folder, one pair of files per person:
 * `<person-id>.p12` (certificate and private key, the key encrypted by its passphrase, never
 * stored in the clear) and `<person-id>.pem` (the public certificate, for checkers to trust).
 */
export const SIGNING_FOLDER = 'signing';

const fileBase = (personId: string) => safeName(personId, 'person', 100);

export function identityFiles(workspaceDir: string, personId: string) {
  const base = path.join(workspaceDir, SIGNING_FOLDER, fileBase(personId));
  return { p12: `${base}.p12`, pem: `${base}.pem` };
}

export async function saveIdentity(
  workspaceDir: string,
  personId: string,
  p12: Uint8Array,
  certificatePem: string,
): Promise<void> {
  const files = identityFiles(workspaceDir, personId);
  try {
    await mkdir(path.dirname(files.p12), { recursive: true });
    await writeFileAtomic(files.p12, Buffer.from(p12));
    await writeFileAtomic(files.pem, certificatePem);
  } catch (error) {
    throw mapFsError(error, 'The signing identity');
  }
}

/** Removes a person's key and certificate files (the certificate is kept in the register first). */
export async function removeIdentity(workspaceDir: string, personId: string): Promise<void> {
  const files = identityFiles(workspaceDir, personId);
  await rm(files.p12, { force: true });
  await rm(files.pem, { force: true });
}

/** The person's certificate, or null when they have no signing identity yet. */
export async function readCertificate(
  workspaceDir: string,
  personId: string,
): Promise<{ pem: string; info: CertificateInfo } | null> {
  let pem: string;
  try {
    pem = await readFile(identityFiles(workspaceDir, personId).pem, 'utf8');
  } catch {
    return null;
  }
  try {
    return { pem, info: describeCertificate(forge.pki.certificateFromPem(pem)) };
  } catch {
    return null;
  }
}

export function pemToDer(pem: string): Uint8Array {
  return new Uint8Array(new X509Certificate(pem).raw);
}

/** Opens the person's identity with its passphrase, in memory only. */
export async function openIdentity(
  workspaceDir: string,
  personId: string,
  personName: string,
  passphrase: string,
): Promise<SigningIdentity> {
  let p12: Buffer;
  try {
    p12 = await readFile(identityFiles(workspaceDir, personId).p12);
  } catch {
    throw new UserError(
      'not-found',
      `${personName} has no signing identity in this workspace. Create one or import the centre's .p12 on the Records page.`,
    );
  }
  return openP12(p12, passphrase);
}

/**
 * Opens a PKCS#12 signing identity with its passphrase; a wrong passphrase or a file that is
 * not an identity is said in the user's words.
 */
export function openP12(p12: Uint8Array, passphrase: string): SigningIdentity {
  try {
    return importP12(p12, passphrase);
  } catch (error) {
    if (error instanceof IdentityError) throw new UserError('invalid-input', error.message);
    throw error;
  }
}

/** Checks an imported .p12 opens with its passphrase, and keeps it as it came. */
export async function importIdentity(
  workspaceDir: string,
  personId: string,
  p12: Uint8Array,
  passphrase: string,
): Promise<CertificateInfo> {
  const identity = openP12(p12, passphrase);
  await saveIdentity(workspaceDir, personId, p12, exportCertificatePem(identity));
  return identity.info;
}

/** Every certificate kept in the workspace, by SHA-256 fingerprint: the centre's own signers. */
export async function knownCertificates(workspaceDir: string): Promise<Map<string, string>> {
  const dir = path.join(workspaceDir, SIGNING_FOLDER);
  const names = await readdir(dir).catch(() => [] as string[]);
  const known = new Map<string, string>();
  // The centre certificate issues identities; it is not one of them.
  for (const name of names.filter((n) => n.endsWith('.pem') && n !== 'centre.pem')) {
    try {
      const pem = await readFile(path.join(dir, name), 'utf8');
      const info = describeCertificate(forge.pki.certificateFromPem(pem));
      known.set(info.fingerprintSha256, info.commonName);
    } catch {
      // A file that is not a certificate trusts nobody.
    }
  }
  return known;
}
