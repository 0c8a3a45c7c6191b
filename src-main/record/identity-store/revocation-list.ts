import { sign, verify, type X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import forge from 'node-forge';
import { z } from 'zod';
import { UserError } from '../../kernel/user-error';
import { writeFileAtomic } from '../../storage/atomic-write';
import { mapFsError } from '../../storage/map-fs-error';
import type { SigningIdentity } from '../identity/signing-identity';
import { SIGNING_FOLDER } from './identity-store';

/** A certificate that stopped (replaced or revoked), as the centre's register keeps it. */
export const stoppedSchema = z.object({
  personId: z.string().min(1),
  name: z.string().min(1),
  fingerprintSha256: z.string().min(1),
  serialNumber: z.string().min(1),
  pem: z.string().min(1),
  stoppedAt: z.iso.datetime({ offset: true }),
  reason: z.enum(['replaced', 'revoked']),
  note: z.string().default(''),
  by: z.string().min(1),
});
export type StoppedCertificate = z.infer<typeof stoppedSchema>;

/**
 * The centre's list of certificates that stopped counting (replaced or revoked), signed by the
 * centre key, so an EQA holding only the centre certificate can tell a signature made after a
 * certificate stopped. It is written whenever the centre key replaces or revokes an identity
 * (the key is open then), kept as `signing/revocations.json` and handed out beside centre.pem.
 * The signature (RSA with SHA-256, by the centre certificate's key) covers the list's JSON as
 * `listPayload` writes it: fields in a fixed order, no spaces.
 */
export const REVOCATIONS_FILE = 'revocations.json';

const entrySchema = z.object({
  name: z.string().min(1),
  fingerprintSha256: z.string().min(1),
  serialNumber: z.string().min(1),
  stoppedAt: z.iso.datetime({ offset: true }),
  reason: z.enum(['replaced', 'revoked']),
  note: z.string(),
});

const listSchema = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal('centre-revocation-list'),
  centreFingerprintSha256: z.string().min(1),
  issuedAt: z.iso.datetime({ offset: true }),
  stopped: z.array(entrySchema),
  signature: z.string().min(1),
});
export type RevocationList = z.infer<typeof listSchema>;
type Unsigned = Omit<RevocationList, 'signature'>;

/** A stopped certificate as the list carries it: the same fields in the same order every time. */
function listedEntry(s: RevocationList['stopped'][number]) {
  return {
    name: s.name,
    fingerprintSha256: s.fingerprintSha256,
    serialNumber: s.serialNumber,
    stoppedAt: s.stoppedAt,
    reason: s.reason,
    note: s.note,
  };
}

/** The exact bytes the centre key signs: the same fields in the same order every time. */
function listPayload(list: Unsigned): Buffer {
  return Buffer.from(
    JSON.stringify({
      schemaVersion: list.schemaVersion,
      kind: list.kind,
      centreFingerprintSha256: list.centreFingerprintSha256,
      issuedAt: list.issuedAt,
      stopped: list.stopped.map(listedEntry),
    }),
    'utf8',
  );
}

const at = (workspaceDir: string) => path.join(workspaceDir, SIGNING_FOLDER, REVOCATIONS_FILE);

/** Signs the register's stopped certificates with the (open) centre key and files the list. */
export async function writeRevocationList(
  workspaceDir: string,
  authority: SigningIdentity,
  stopped: readonly StoppedCertificate[],
  now: Date,
): Promise<RevocationList> {
  const unsigned: Unsigned = {
    schemaVersion: 1,
    kind: 'centre-revocation-list',
    centreFingerprintSha256: authority.info.fingerprintSha256,
    issuedAt: now.toISOString(),
    stopped: stopped.map(listedEntry),
  };
  const key = forge.pki.privateKeyToPem(authority.privateKey);
  const list = {
    ...unsigned,
    signature: sign('sha256', listPayload(unsigned), key).toString('base64'),
  };
  try {
    await writeFileAtomic(at(workspaceDir), `${JSON.stringify(list, null, 2)}\n`);
  } catch (error) {
    throw mapFsError(error, 'The centre’s revocation list');
  }
  return list;
}

export async function readWorkspaceRevocationList(workspaceDir: string): Promise<string | null> {
  return readFile(at(workspaceDir), 'utf8').catch(() => null);
}

/** Where the list goes beside an exported centre certificate: centre.pem → centre-revocations.json. */
export function revocationListBeside(certificateFile: string): string {
  const ext = path.extname(certificateFile);
  return path.join(
    path.dirname(certificateFile),
    `${path.basename(certificateFile, ext)}-revocations.json`,
  );
}

/**
 * Reads a revocation list and checks it was signed by this centre certificate's key; refuses
 * one that was not (or was changed since), since trusting it could hide a revocation.
 */
export function checkRevocationList(text: string, centre: X509Certificate): RevocationList {
  let list: RevocationList;
  try {
    list = listSchema.parse(JSON.parse(text));
  } catch {
    throw new UserError(
      'invalid-input',
      'The revocation list is not one the Workbench wrote: it cannot be read.',
    );
  }
  const { signature, ...unsigned } = list;
  const signed =
    list.centreFingerprintSha256 === centre.fingerprint256 &&
    verify('sha256', listPayload(unsigned), centre.publicKey, Buffer.from(signature, 'base64'));
  if (!signed) {
    throw new UserError(
      'invalid-input',
      'The revocation list was not signed by this centre certificate, or has been changed since it was signed: ask the centre for a new export.',
    );
  }
  return list;
}
