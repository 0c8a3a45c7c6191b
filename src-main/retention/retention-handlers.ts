import type { HandlerMap } from '../api/handler';
import { passphraseSource } from '../record/record-handler-support';
import { signerFor } from '../record/identity-store/signers';
import { assertMayErase, eraseLearner } from './erase';
import type { retentionOperations } from './retention-contract';
import { retentionList, setRetentionPolicy } from './retention-list';

export const retentionHandlers: HandlerMap<keyof typeof retentionOperations> = {
  'retention:list': async (_input, wb) => retentionList(wb.workspace, wb.clock()),

  'retention:set-policy': async (input, wb) => {
    const { person } = wb.requireSignedIn();
    assertMayErase(person);
    return setRetentionPolicy(wb.workspace, input, wb.actor(), wb.clock());
  },

  'retention:erase': async (input, wb) => {
    const workspace = wb.workspace;
    const { person } = wb.requireSignedIn();
    assertMayErase(person);
    // Only the person who proved who they are this session erases, and seals it as themselves.
    wb.assertUnlocked('an erasure');
    const signer = await signerFor(
      workspace,
      person,
      'iqa',
      passphraseSource(wb, input.passphrase),
    );
    return eraseLearner(
      workspace,
      {
        learnerId: input.learnerId,
        reason: input.reason,
        scope: input.scope,
        onRequest: input.onRequest,
      },
      person,
      signer,
      wb.actor(),
      wb.clock(),
    );
  },
};
