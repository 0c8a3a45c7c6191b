import { createPrivateKey } from 'node:crypto';
import { copyFile, mkdir } from 'node:fs/promises';
import forge from 'node-forge';
import path from 'node:path';
import type { StaffMember } from '../centre/centre-schema';
import { safeName } from '../storage/safe-name';
import { CENTRE_FILES, openCentreAuthority } from '../record/identity-store/centre-authority';
import { writeRevocationList } from '../record/identity-store/revocation-list';
import {
  identityFiles,
  openIdentity,
  SIGNING_FOLDER,
} from '../record/identity-store/identity-store';
import { proverFor, type Prover } from '../shared/proof';
import type { Workspace } from '../workspace/workspace';

/**
 * The passphrase of every demo signing identity, printed in the README so the demo signs
 * without prompts. Demo data only: a real centre's identities each have their own.
 */
export const DEMO_PASSPHRASE = 'northgate-demo';

export const DEMO_IDENTITIES_FOLDER = 'demo-identities';

/**
 * Gives the demo centre its centre certificate and the demo assessors and IQA their signing
 * identities, issued by it. They are made once by
 * `npm run demo-identities` (generating RSA keys takes a while) and copied in, so a new demo
 * centre is ready at once.
 */
export async function addDemoIdentities(
  workspace: Workspace,
  resourcesDir: string,
  now: Date,
): Promise<void> {
  const signers = workspace.centre.staff.filter((s: StaffMember) =>
    s.roles.some((r) => r === 'assessor' || r === 'iqa'),
  );
  const centre = path.join(resourcesDir, DEMO_IDENTITIES_FOLDER);
  await mkdir(path.join(workspace.dir, SIGNING_FOLDER), { recursive: true });
  for (const file of [CENTRE_FILES.p12, CENTRE_FILES.pem]) {
    await copyFile(path.join(centre, file), path.join(workspace.dir, SIGNING_FOLDER, file));
  }
  for (const person of signers) {
    const from = path.join(resourcesDir, DEMO_IDENTITIES_FOLDER, safeName(person.name));
    const to = identityFiles(workspace.dir, person.id);
    await mkdir(path.dirname(to.p12), { recursive: true });
    await copyFile(`${from}.p12`, to.p12);
    await copyFile(`${from}.pem`, to.pem);
  }
  // Nothing revoked yet, said with the centre key, so an EQA can check with centre.pem alone.
  const authority = await openCentreAuthority(workspace.dir, DEMO_PASSPHRASE);
  await writeRevocationList(workspace.dir, authority, [], now);
}

/**
 * Signs the demo's sign-offs, countersignatures and reviews as each demo person would after
 * unlocking their key: each with their own, opened once with the demo passphrase.
 */
export async function demoProver(workspace: Workspace): Promise<Prover> {
  const provers = new Map<string, Prover>();
  for (const person of workspace.centre.staff) {
    if (!person.roles.some((r) => r === 'assessor' || r === 'iqa')) continue;
    const identity = await openIdentity(workspace.dir, person.id, person.name, DEMO_PASSPHRASE);
    const key = createPrivateKey(forge.pki.privateKeyToPem(identity.privateKey));
    provers.set(person.id, proverFor(person.id, key, identity.info.fingerprintSha256));
  }
  return (personId, payload) => {
    const prove = provers.get(personId);
    if (!prove) throw new Error('The demo has no signing identity for that person.');
    return prove(personId, payload);
  };
}
