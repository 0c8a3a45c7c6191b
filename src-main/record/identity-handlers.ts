import path from 'node:path';
import type { HandlerMap } from '../api/handler';
import { UserError } from '../kernel/user-error';
import type { Workbench } from '../app/workbench';
import { safeName } from '../storage/safe-name';
import { readCentrePem } from './identity-store/centre-authority';
import { pemToDer, readCertificate } from './identity-store/identity-store';
import {
  readWorkspaceRevocationList,
  revocationListBeside,
} from './identity-store/revocation-list';
import {
  createIdentity,
  importVouchedIdentity,
  rememberFor,
  revokeIdentity,
  signingRole,
} from './identity-store/signers';
import type { recordOperations } from './record-contract';
import { passphraseSource } from './record-handler-support';
import type { IdentityList } from './record-views';

type IdentityOps =
  | 'identity:list'
  | 'identity:create'
  | 'identity:import'
  | 'identity:export'
  | 'identity:revoke'
  | 'identity:export-centre';

function signer(wb: Workbench, personId: string) {
  const person = wb.workspace.centre.staff.find((s) => s.id === personId && !s.archived);
  if (!person) throw new UserError('not-found', 'That person is not on the staff of this centre.');
  signingRole(person);
  return person;
}

async function list(wb: Workbench): Promise<IdentityList> {
  const workspace = wb.workspace;
  const people = workspace.centre.staff.filter(
    (s) => !s.archived && s.roles.some((r) => r === 'assessor' || r === 'iqa'),
  );
  return {
    people: await Promise.all(
      people.map(async (p) => ({
        personId: p.id,
        name: p.name,
        roles: p.roles,
        certificate: (await readCertificate(workspace.dir, p.id))?.info ?? null,
      })),
    ),
    canSealPassphrases: Boolean(wb.host.protectSecret && wb.host.unprotectSecret),
  };
}

export const identityHandlers: HandlerMap<Extract<keyof typeof recordOperations, IdentityOps>> = {
  'identity:list': async (_input, wb) => list(wb),

  'identity:create': async ({ personId, passphrase, centrePassphrase }, wb) => {
    await createIdentity(
      wb.workspace,
      signer(wb, personId),
      passphraseSource(wb, passphrase),
      wb.clock(),
      { passphrase: centrePassphrase, actor: wb.actor() },
    );
    return list(wb);
  },

  'identity:import': async (
    { personId, contentBase64, passphrase, remember, centrePassphrase },
    wb,
  ) => {
    const person = signer(wb, personId);
    const bytes = new Uint8Array(Buffer.from(contentBase64, 'base64'));
    await importVouchedIdentity(wb.workspace, person, bytes, passphrase, wb.clock(), {
      passphrase: centrePassphrase,
      actor: wb.actor(),
    });
    if (remember) await rememberFor(wb.workspace, person, passphraseSource(wb, passphrase));
    return list(wb);
  },

  'identity:revoke': async ({ personId, reason, centrePassphrase }, wb) => {
    await revokeIdentity(wb.workspace, signer(wb, personId), reason, wb.clock(), {
      passphrase: centrePassphrase,
      actor: wb.actor(),
    });
    return list(wb);
  },

  'identity:export-centre': async ({ part }, wb) => {
    const fileName = `${safeName(wb.workspace.centre.centre.name, 'centre')}-centre-certificate.pem`;
    if (part === 'revocations') {
      const list = await readWorkspaceRevocationList(wb.workspace.dir);
      if (!list) {
        throw new UserError(
          'not-found',
          'This workspace has no signed revocation list yet. It is signed whenever an identity is replaced or revoked, or by workbench centre certificate with the centre passphrase.',
        );
      }
      return {
        // Named as verify --trust looks for it, beside the certificate.
        fileName: path.basename(revocationListBeside(fileName)),
        mediaType: 'application/json',
        contentBase64: Buffer.from(list).toString('base64'),
      };
    }
    const pem = await readCentrePem(wb.workspace.dir);
    if (!pem) throw new UserError('not-found', 'This workspace has no centre certificate yet.');
    return {
      fileName,
      mediaType: 'application/x-pem-file',
      contentBase64: Buffer.from(pem).toString('base64'),
    };
  },

  'identity:export': async ({ personId, format }, wb) => {
    const person = signer(wb, personId);
    const cert = await readCertificate(wb.workspace.dir, person.id);
    if (!cert) throw new UserError('not-found', `${person.name} has no signing identity yet.`);
    const base = `${safeName(person.name, 'certificate')}-signing-certificate`;
    return format === 'pem'
      ? {
          fileName: `${base}.pem`,
          mediaType: 'application/x-pem-file',
          contentBase64: Buffer.from(cert.pem).toString('base64'),
        }
      : {
          fileName: `${base}.cer`,
          mediaType: 'application/pkix-cert',
          contentBase64: Buffer.from(pemToDer(cert.pem)).toString('base64'),
        };
  },
};
