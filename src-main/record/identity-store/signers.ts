import { UserError } from '../../api/user-error';
import { roleLabels, type StaffMember, type StaffRole } from '../../centre/centre-schema';
import type { Workspace } from '../../workspace/workspace';
import { generateIdentity } from '../identity/generate-identity';
import type { CertificateInfo } from '../identity/certificate-info';
import type { Signer } from '../issue/issue-record';
import { openIdentity, readCertificate, saveIdentity } from './identity-store';
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
  return { identity, name: person.name, role: roleLabels[signingRole(person, role)] };
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
): Promise<CertificateInfo> {
  const role = signingRole(person);
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
    });
  } catch (error) {
    throw new UserError('invalid-input', error instanceof Error ? error.message : String(error));
  }
  await saveIdentity(workspace.dir, person.id, made.p12, made.certificatePem);
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
