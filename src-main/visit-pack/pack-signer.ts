import { UserError } from '../kernel/user-error';
import { assertCentreStanding } from '../record/identity-store/centre-authority';
import type { SigningIdentity } from '../record/identity/signing-identity';
import type { Workspace } from '../workspace/workspace';

/**
 * The pack's manifest is the IQA's word that these are the centre's records: it is signed only
 * by an IQA on the staff list, with an identity the centre certificate issued.
 */
export async function assertPackSigner(
  workspace: Workspace,
  identity: SigningIdentity,
): Promise<void> {
  await assertCentreStanding(
    workspace.dir,
    identity,
    `${identity.info.commonName}'s signing identity was not issued by this centre's certificate, so the EQA could not check the pack's signature. Use the IQA's identity from the workspace's signing folder.`,
  );
  const person = workspace.centre.staff.find(
    (s) => s.name.normalize('NFC') === identity.info.commonName.normalize('NFC') && !s.archived,
  );
  if (!person?.roles.includes('iqa')) {
    throw new UserError(
      'forbidden',
      `${identity.info.commonName} is not an IQA at this centre, so cannot sign the visit pack. The internal quality assurer signs it.`,
    );
  }
}
