import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  createCentreAuthority,
  openCentreAuthority,
  readCentrePem,
  readRegister,
} from '../../record/identity-store/centre-authority';
import {
  readWorkspaceRevocationList,
  revocationListBeside,
  writeRevocationList,
  type RevocationList,
} from '../../record/identity-store/revocation-list';
import { mapFsError } from '../../storage/map-fs-error';
import { Workspace } from '../../workspace/workspace';
import { UsageError, type CliIo } from '../io';
import { readCommandLine } from '../command-line';

export const centreCertificateHelp = `Usage: workbench centre certificate DIR --out centre.pem [--passphrase-file FILE]

Writes the workspace's centre certificate (PEM): the one certificate an EQA trusts, since it
issues every person's signing identity. Beside it (centre-revocations.json for centre.pem) goes
the centre's revocation list: every certificate replaced or revoked, with when and why, signed by
the centre key. Give both to the EQA with the records; they check them with
workbench verify FILE --trust centre.pem (which reads the list beside it), or with pdfsig or a
PDF reader that trusts the certificate.

A workspace made before revocation lists were kept has none yet: the centre key's passphrase
(--passphrase-file FILE, or WORKBENCH_PASSPHRASE) signs one from the register.`;

export const centreCreateHelp = `Usage: workbench centre create DIR [--passphrase-file FILE]

Makes the centre certificate of a workspace that has none: a certificate authority whose key is
kept in signing/centre.p12 under its own passphrase (from --passphrase-file or the
WORKBENCH_PASSPHRASE environment variable). Creating, replacing or revoking anyone's signing
identity then needs that passphrase.`;

export async function centreCertificateCommand(argv: string[], io: CliIo): Promise<number> {
  const args = readCommandLine(
    argv,
    { out: { type: 'string' }, 'passphrase-file': { type: 'string' } },
    centreCertificateHelp,
    io,
  );
  if (!args) return 0;
  const dir = args.only('Usage: workbench centre certificate DIR --out centre.pem');
  const outFile = args.required('out', 'Say where to write it: --out centre.pem');
  const workspace = await Workspace.open(path.resolve(dir));
  const pem = await readCentrePem(workspace.dir);
  if (!pem) {
    throw new UsageError(
      `${workspace.dir} has no centre certificate yet. Make one with: workbench centre create DIR`,
    );
  }
  const out = path.resolve(outFile);
  const list = await currentRevocationList(workspace.dir, args);
  const beside = revocationListBeside(out);
  await writeFile(out, pem).catch((error: unknown) => {
    throw mapFsError(error, `The file ${out}`);
  });
  await writeFile(beside, list).catch((error: unknown) => {
    throw mapFsError(error, `The file ${beside}`);
  });
  io.out(
    `Centre certificate of ${workspace.centre.centre.name} written to ${out}, its signed revocation list to ${beside}.`,
  );
  return 0;
}

/**
 * The signed list, as the workspace keeps it when it covers every certificate in the register;
 * otherwise (a workspace from before lists were kept) signed afresh with the centre key.
 */
async function currentRevocationList(
  dir: string,
  args: { passphrase: (needed: string) => Promise<string> },
) {
  const [kept, register] = await Promise.all([readWorkspaceRevocationList(dir), readRegister(dir)]);
  const listed = new Set<string>();
  try {
    for (const s of (JSON.parse(kept ?? 'null') as RevocationList | null)?.stopped ?? []) {
      listed.add(s.fingerprintSha256);
    }
  } catch {
    // An unreadable list is signed afresh below.
  }
  if (kept && register.stopped.every((s) => listed.has(s.fingerprintSha256))) return kept;
  const passphrase = await args.passphrase(
    'Signing the centre’s revocation list (this workspace has none that is up to date)',
  );
  const authority = await openCentreAuthority(dir, passphrase);
  const list = await writeRevocationList(dir, authority, register.stopped, new Date());
  return `${JSON.stringify(list, null, 2)}\n`;
}

export async function centreCreateCommand(argv: string[], io: CliIo): Promise<number> {
  const args = readCommandLine(
    argv,
    { 'passphrase-file': { type: 'string' } },
    centreCreateHelp,
    io,
  );
  if (!args) return 0;
  const dir = args.only('Usage: workbench centre create DIR [--passphrase-file FILE]');
  const workspace = await Workspace.open(path.resolve(dir));
  const passphrase = await args.passphrase('The centre certificate');
  if (passphrase.length < 8) {
    throw new UsageError('Choose a passphrase of at least 8 characters for the centre key.');
  }
  const cert = await createCentreAuthority(
    workspace.dir,
    workspace.centre.centre.name,
    passphrase,
    new Date(),
  );
  io.out(`Centre certificate made: SHA-256 fingerprint ${cert.fingerprint256}.`);
  return 0;
}
