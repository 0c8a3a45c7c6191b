import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCentreAuthority, readCentrePem } from '../../record/identity-store/centre-authority';
import { mapFsError } from '../../storage/map-fs-error';
import { Workspace } from '../../workspace/workspace';
import { UsageError, type CliIo } from '../io';
import { readPassphrase } from '../passphrase';

export const centreCertificateHelp = `Usage: workbench centre certificate DIR --out centre.pem

Writes the workspace's centre certificate (PEM): the one certificate an EQA trusts, since it
issues every person's signing identity. Give it to the EQA with the records; they check them with
workbench verify FILE --trust centre.pem, or with pdfsig or a PDF reader that trusts it.`;

export const centreCreateHelp = `Usage: workbench centre create DIR [--passphrase-file FILE]

Makes the centre certificate of a workspace that has none: a certificate authority whose key is
kept in signing/centre.p12 under its own passphrase (from --passphrase-file or the
WORKBENCH_PASSPHRASE environment variable). Creating, replacing or revoking anyone's signing
identity then needs that passphrase.`;

function folder(positionals: string[], usage: string): string {
  const [dir, ...extra] = positionals;
  if (!dir || extra.length) throw new UsageError(usage);
  return path.resolve(dir);
}

export async function centreCertificateCommand(argv: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.out(centreCertificateHelp);
    return 0;
  }
  const dir = folder(positionals, 'Usage: workbench centre certificate DIR --out centre.pem');
  if (!values.out) throw new UsageError('Say where to write it: --out centre.pem');
  const workspace = await Workspace.open(dir);
  const pem = await readCentrePem(workspace.dir);
  if (!pem) {
    throw new UsageError(
      `${workspace.dir} has no centre certificate yet. Make one with: workbench centre create DIR`,
    );
  }
  const out = path.resolve(values.out);
  await writeFile(out, pem).catch((error: unknown) => {
    throw mapFsError(error, `The file ${out}`);
  });
  io.out(`Centre certificate of ${workspace.centre.centre.name} written to ${out}.`);
  return 0;
}

export async function centreCreateCommand(argv: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { 'passphrase-file': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.out(centreCreateHelp);
    return 0;
  }
  const dir = folder(positionals, 'Usage: workbench centre create DIR [--passphrase-file FILE]');
  const workspace = await Workspace.open(dir);
  const passphrase = await readPassphrase(values['passphrase-file'], 'The centre certificate');
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
