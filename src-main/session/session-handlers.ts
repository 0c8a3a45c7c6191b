import { createPrivateKey } from 'node:crypto';
import forge from 'node-forge';
import type { HandlerMap } from '../api/handler';
import { UserError } from '../kernel/user-error';
import type { Workbench } from '../app/workbench';
import { roleLabels } from '../centre/centre-schema';
import { readCertificate } from '../record/identity-store/identity-store';
import { rememberFor, signerFor } from '../record/identity-store/signers';
import { passphraseSource } from '../record/record-handler-support';
import { proverFor } from '../shared/proof';
import type { SessionView, sessionOperations } from './session-contract';

function view(workbench: Workbench): SessionView {
  const staff = workbench.hasWorkspace ? workbench.workspace.centre.staff : [];
  const choices = staff
    .filter((s) => !s.archived)
    .flatMap((s) =>
      s.roles.map((role) => ({ personId: s.id, name: s.name, role, roleLabel: roleLabels[role] })),
    );
  const signedIn = workbench.signedIn();
  return {
    user: signedIn
      ? {
          personId: signedIn.person.id,
          name: signedIn.person.name,
          role: signedIn.role,
          roleLabel: roleLabels[signedIn.role],
        }
      : null,
    readOnly: workbench.readOnly(),
    unlocked: workbench.isUnlocked(),
    canSealPassphrases: Boolean(workbench.host.protectSecret && workbench.host.unprotectSecret),
    choices,
  };
}

/** Workbenches (sessions) that have already tried the passphrase this computer keeps. */
const triedKept = new WeakSet<Workbench>();

/**
 * The first look at a new session unlocks the remembered person with the passphrase this
 * computer keeps for them, sealed, when they asked it to ("Keep it on this computer"). Without
 * one, or if it no longer opens the key, they are asked as usual.
 */
async function unlockWithKept(workbench: Workbench): Promise<void> {
  if (triedKept.has(workbench) || !workbench.hasWorkspace) return;
  triedKept.add(workbench);
  const user = workbench.signedIn();
  const { protectSecret, unprotectSecret } = workbench.host;
  if (!user || user.role === 'eqa' || workbench.isUnlocked() || !protectSecret || !unprotectSecret)
    return;
  try {
    const source = passphraseSource(workbench);
    const signer = await signerFor(workbench.workspace, user.person, user.role, source);
    const key = createPrivateKey(forge.pki.privateKeyToPem(signer.identity.privateKey));
    workbench.rememberUnlocked(
      user.person.id,
      proverFor(user.person.id, key, signer.identity.info.fingerprintSha256),
    );
  } catch {
    // Nothing kept, or it no longer opens the key: the screen offers "Unlock to sign".
  }
}

export const sessionHandlers: HandlerMap<keyof typeof sessionOperations> = {
  'session:get': async (_input, workbench) => {
    await unlockWithKept(workbench);
    return view(workbench);
  },
  'session:set-user': async ({ personId, role, passphrase, remember }, workbench) => {
    if (role === 'eqa') {
      await workbench.signIn({ personId, role });
      return view(workbench);
    }
    const workspace = workbench.workspace;
    const person = workspace.centre.staff.find((s) => s.id === personId && !s.archived);
    if (!person)
      throw new UserError('not-found', 'That person is not on the staff of this centre.');
    if (!person.roles.includes(role)) {
      throw new UserError(
        'invalid-input',
        `${person.name} does not have that role in this centre.`,
      );
    }
    // Someone the centre has not issued an identity yet can be chosen to mark, but signs nothing.
    if (!(await readCertificate(workspace.dir, person.id))) {
      await workbench.signIn({ personId, role });
      return view(workbench);
    }
    // The key is opened once here; each sign-off or review after it is signed in memory.
    const source = passphraseSource(workbench, passphrase);
    const signer = await signerFor(workspace, person, role, source).catch((error: unknown) => {
      if (error instanceof UserError && !passphrase && /Enter the passphrase/.test(error.message)) {
        throw new UserError(
          'invalid-input',
          `Enter ${person.name}'s signing passphrase to work as ${person.name}.`,
        );
      }
      throw error;
    });
    const key = createPrivateKey(forge.pki.privateKeyToPem(signer.identity.privateKey));
    await workbench.signIn({ personId, role });
    workbench.rememberUnlocked(
      person.id,
      proverFor(person.id, key, signer.identity.info.fingerprintSha256),
    );
    if (remember) await rememberFor(workspace, person, source);
    return view(workbench);
  },
};
