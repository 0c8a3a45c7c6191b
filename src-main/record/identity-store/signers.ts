import { UserError } from '../../kernel/user-error';
import { roleLabels, type StaffMember, type StaffRole } from '../../centre/centre-schema';
import type { Workspace } from '../../workspace/workspace';
import { generateIdentity } from '../identity/generate-identity';
import type { CertificateInfo } from '../identity/certificate-info';
import type { Signer } from '../issue/issue-record';
import { X509Certificate } from 'node:crypto';
import { auditEntry } from '../../audit/audit';
import type { Actor } from '../../shared/record';
import { exportCertificatePem, type SigningIdentity } from '../identity/signing-identity';
import {
  assertCentreStanding,
  issuedByCentre,
  openCentreAuthority,
  readRegister,
  recordStopped,
} from './centre-authority';
import { writeRevocationList } from './revocation-list';
import {
  importIdentity,
  openIdentity,
  openP12,
  readCertificate,
  removeIdentity,
  saveIdentity,
} from './identity-store';
import {
  newPassphrase,
  recallPassphrase,
  rememberPassphrase,
  type SecretKeeper,
} from './sealed-passphrases';

/** Where passphrases may come from: typed by the person, or sealed on this computer. */
export interface PassphraseSource {
  passphrase?: string;
  userDataDir: string;
  keeper?: SecretKeeper;
}

export function signingRole(person: StaffMember, role?: StaffRole): StaffRole {
  const chosen = role ?? person.roles.find((r) => r !== 'eqa');
  if (!chosen || chosen === 'eqa' || !person.roles.includes(chosen)) {
    throw new UserError(
      'forbidden',
      `${person.name} is not an assessor or internal quality assurer, so cannot sign records.`,
    );
  }
  return chosen;
}

/** Opens a person's identity for one signing, with the passphrase given or sealed here. */
export async function signerFor(
  workspace: Workspace,
  person: StaffMember,
  role: StaffRole,
  source: PassphraseSource,
): Promise<Signer> {
  let passphrase = source.passphrase;
  if (!passphrase && source.keeper) {
    const cert = await readCertificate(workspace.dir, person.id);
    if (cert) {
      passphrase =
        (await recallPassphrase(source.userDataDir, source.keeper, cert.info.fingerprintSha256)) ??
        undefined;
    }
  }
  if (!passphrase) {
    throw new UserError(
      'invalid-input',
      `Enter the passphrase of ${person.name}'s signing identity to sign.`,
    );
  }
  const identity = await openIdentity(workspace.dir, person.id, person.name, passphrase);
  await assertCentreVouches(workspace, person, identity);
  return {
    identity,
    name: person.name,
    role: roleLabels[signingRole(person, role)],
    personId: person.id,
  };
}

/**
 * The rule verify applies, applied before signing: the identity was issued by the centre
 * certificate to this person and has not been replaced or revoked.
 */
async function assertCentreVouches(
  workspace: Workspace,
  person: StaffMember,
  identity: SigningIdentity,
): Promise<void> {
  await assertCentreStanding(
    workspace.dir,
    identity,
    `${person.name}'s signing identity was not issued by this centre's certificate, so nothing signed with it would verify. Ask the centre's quality lead to issue one.`,
  );
  if (identity.info.commonName !== person.name) {
    throw new UserError(
      'forbidden',
      `This signing identity is ${identity.info.commonName}'s, not ${person.name}'s.`,
    );
  }
}

/**
 * Makes a new identity for a person. Without a passphrase (only where the host can seal one,
 * in the desktop app) a random one is made and sealed, so nobody has to remember it.
 */
export async function createIdentity(
  workspace: Workspace,
  person: StaffMember,
  source: PassphraseSource,
  now: Date,
  centre: { passphrase: string | undefined; actor: Actor },
): Promise<CertificateInfo> {
  const role = signingRole(person);
  // The centre key is opened first: without it nothing is made, replaced or written.
  const authority = await openCentreAuthority(workspace.dir, centre.passphrase);
  let passphrase = source.passphrase;
  const sealed = !passphrase && source.keeper;
  if (!passphrase) {
    if (!source.keeper) {
      throw new UserError(
        'invalid-input',
        'Choose a passphrase of at least 8 characters to protect the signing identity.',
      );
    }
    passphrase = newPassphrase();
  }
  let made;
  try {
    made = generateIdentity({
      name: person.name,
      role: roleLabels[role],
      organisation: workspace.centre.centre.name,
      ...(person.email ? { email: person.email } : {}),
      passphrase,
      now,
      issuer: { certificate: authority.certificate, privateKey: authority.privateKey },
    });
  } catch (error) {
    throw new UserError('invalid-input', error instanceof Error ? error.message : String(error));
  }
  const old = await readCertificate(workspace.dir, person.id);
  if (old) {
    await stopCertificate(workspace, authority, person, old, 'replaced', '', centre.actor, now);
  }
  await saveIdentity(workspace.dir, person.id, made.p12, made.certificatePem);
  await noteOnCentre(
    workspace,
    centre.actor,
    now,
    old ? 'replaced signing identity' : 'issued signing identity',
    person,
    {
      ...(old ? { before: { fingerprintSha256: old.info.fingerprintSha256 } } : {}),
      after: {
        fingerprintSha256: made.info.fingerprintSha256,
        issuedBy: authority.info.commonName,
      },
    },
  );
  if (sealed && source.keeper) {
    await rememberPassphrase(
      source.userDataDir,
      source.keeper,
      made.info.fingerprintSha256,
      passphrase,
    );
  }
  return made.info;
}

/** Remembers a typed passphrase, sealed, so the desktop app need not ask for it again. */
export async function rememberFor(
  workspace: Workspace,
  person: StaffMember,
  source: PassphraseSource,
): Promise<void> {
  const cert = await readCertificate(workspace.dir, person.id);
  if (cert && source.keeper && source.passphrase) {
    await rememberPassphrase(
      source.userDataDir,
      source.keeper,
      cert.info.fingerprintSha256,
      source.passphrase,
    );
  }
}

/**
 * Keeps a certificate that stops counting, with when and why, in the register, and signs the
 * register's list anew with the centre key for EQAs who have only the centre certificate.
 */
async function stopCertificate(
  workspace: Workspace,
  authority: SigningIdentity,
  person: StaffMember,
  old: { pem: string; info: CertificateInfo },
  reason: 'replaced' | 'revoked',
  note: string,
  actor: Actor,
  now: Date,
): Promise<void> {
  await recordStopped(workspace.dir, {
    personId: person.id,
    name: person.name,
    fingerprintSha256: old.info.fingerprintSha256,
    serialNumber: old.info.serialNumber,
    pem: old.pem,
    stoppedAt: now.toISOString(),
    reason,
    note,
    by: actor.id,
  });
  // The centre key is open now: re-sign the list an EQA checks revocations against.
  await writeRevocationList(
    workspace.dir,
    authority,
    (await readRegister(workspace.dir)).stopped,
    now,
  );
}

async function noteOnCentre(
  workspace: Workspace,
  actor: Actor,
  now: Date,
  action: string,
  person: StaffMember,
  values: { before?: unknown; after?: unknown },
): Promise<void> {
  await workspace.changeCentre((c) => ({
    centre: {
      ...c,
      audit: [
        ...c.audit,
        auditEntry(actor, now, action, `staff ${person.id}`, {
          ...values,
          subject: { personId: person.id },
        }),
      ],
    },
    result: null,
  }));
}

/**
 * Revokes a person's signing identity with the centre key: the certificate is kept in the
 * register with the time it stopped and why, and the key file is removed so it signs no more.
 */
export async function revokeIdentity(
  workspace: Workspace,
  person: StaffMember,
  reason: string,
  now: Date,
  centre: { passphrase: string | undefined; actor: Actor },
): Promise<void> {
  const authority = await openCentreAuthority(workspace.dir, centre.passphrase);
  const old = await readCertificate(workspace.dir, person.id);
  if (!old) throw new UserError('not-found', `${person.name} has no signing identity to revoke.`);
  await stopCertificate(workspace, authority, person, old, 'revoked', reason, centre.actor, now);
  await removeIdentity(workspace.dir, person.id);
  await noteOnCentre(workspace, centre.actor, now, 'revoked signing identity', person, {
    before: { fingerprintSha256: old.info.fingerprintSha256 },
    after: { reason },
  });
}

/**
 * Takes a .p12 made elsewhere only when the centre key vouches for it: whoever imports it gives
 * the centre passphrase, and a certificate the centre did not issue is certified by it.
 */
export async function importVouchedIdentity(
  workspace: Workspace,
  person: StaffMember,
  p12: Uint8Array,
  passphrase: string,
  now: Date,
  centre: { passphrase: string | undefined; actor: Actor },
): Promise<CertificateInfo> {
  const authority = await openCentreAuthority(workspace.dir, centre.passphrase);
  const centreCert = new X509Certificate(exportCertificatePem(authority));
  const opened = openP12(p12, passphrase);
  let kept = p12;
  if (!issuedByCentre(new X509Certificate(exportCertificatePem(opened)), centreCert)) {
    // The centre vouches for a key made elsewhere by certifying it as this person's: same key and
    // validity, the person's name, issued by the centre certificate, under the same passphrase.
    kept = generateIdentity({
      name: person.name,
      role: opened.info.role ?? roleLabels[signingRole(person)],
      organisation: opened.info.organisation ?? workspace.centre.centre.name,
      passphrase,
      existingKey: opened.privateKey,
      validity: {
        notBefore: opened.certificate.validity.notBefore,
        notAfter: opened.certificate.validity.notAfter,
      },
      issuer: { certificate: authority.certificate, privateKey: authority.privateKey },
    }).p12;
  }
  const old = await readCertificate(workspace.dir, person.id);
  if (old) {
    await stopCertificate(
      workspace,
      authority,
      person,
      old,
      'replaced',
      'imported',
      centre.actor,
      now,
    );
  }
  const info = await importIdentity(workspace.dir, person.id, kept, passphrase);
  await noteOnCentre(workspace, centre.actor, now, 'imported signing identity', person, {
    after: { fingerprintSha256: info.fingerprintSha256 },
  });
  return info;
}
