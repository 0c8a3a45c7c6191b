import path from 'node:path';
import { parseArgs } from 'node:util';
import { UserError } from '../../kernel/user-error';
import { IdentityError } from '../../record/identity/identity-error';
import { importP12, type SigningIdentity } from '../../record/identity/signing-identity';
import { assertPackSigner } from '../../visit-pack/pack-signer';
import { parseSampleArg } from '../../visit-pack/pack-selection';
import { writeVisitPack } from '../../visit-pack/write-pack';
import { Workspace } from '../../workspace/workspace';
import { UsageError, type CliIo } from '../io';
import { readSigningFiles } from '../passphrase';
import { parseThirdParty, thirdPartyHint } from '../third-party';

export const eqaPackHelp = `Usage: workbench eqa-pack DIR --out FOLDER [--sample LEARNER:UNIT …] [--from DATE --to DATE]
                        [--sign --identity FILE.p12 [--passphrase-file F]] [--no-zip]
                        [--third-party leave-out|include]

Writes the pack for an EQA visit into FOLDER (new or empty) and FOLDER.zip beside it:
index.html, which opens in any browser with no server and no network, the sampled learners'
units, decisions, feedback and evidence files, their records, the IQA's sampling records, the
centre certificate and MANIFEST.sha256. Nobody outside the sample is named anywhere in it.

  --sample L:U     a learner (id, ULN or exact name) and unit (Ofqual code, id or title) the EQA
                   asked for; repeat it for each. Without it, the newest sampling plan's samples
  --from, --to     only plan samples planned or done in this period (YYYY-MM-DD)
  --sign           sign the manifest (MANIFEST.sha256.p7s) and the sampling records as the IQA,
                   with --identity FILE.p12; the passphrase comes from --passphrase-file, else
                   WORKBENCH_PASSPHRASE, never the command line
  --no-zip         leave out the .zip
  --third-party    what to do with evidence an assessor marked as holding other people's
                   personal data: leave-out (listed in the pack as left out) or include. The pack
                   is not written while such evidence is in it and this is not given

The EQA checks it with workbench verify-pack FOLDER --trust centre.pem, or with
sha256sum -c MANIFEST.sha256 and openssl cms -verify.`;

const day = /^\d{4}-\d{2}-\d{2}$/;

async function identityFrom(values: {
  sign?: boolean;
  identity?: string;
  'passphrase-file'?: string;
}): Promise<SigningIdentity | null> {
  const files = await readSigningFiles(values, 'the IQA signing identity');
  if (!files) return null;
  const { p12, passphrase } = files;
  try {
    return importP12(p12, passphrase);
  } catch (error) {
    if (error instanceof IdentityError) throw new UserError('invalid-input', error.message);
    throw error;
  }
}

export async function eqaPackCommand(argv: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      sample: { type: 'string', multiple: true },
      from: { type: 'string' },
      to: { type: 'string' },
      sign: { type: 'boolean' },
      identity: { type: 'string' },
      'passphrase-file': { type: 'string' },
      'no-zip': { type: 'boolean' },
      'third-party': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.out(eqaPackHelp);
    return 0;
  }
  const [dir, ...extra] = positionals;
  if (!dir || extra.length)
    throw new UsageError(
      'workbench eqa-pack takes one workspace folder: workbench eqa-pack DIR --out FOLDER',
    );
  if (!values.out) throw new UsageError('say where to write the pack with --out FOLDER.');
  if (Boolean(values.from) !== Boolean(values.to))
    throw new UsageError('give the visit period as both --from and --to.');
  if ((values.from && !day.test(values.from)) || (values.to && !day.test(values.to)))
    throw new UsageError('write --from and --to as dates, YYYY-MM-DD.');
  const thirdParty = parseThirdParty(values['third-party']);
  const samples = (values.sample ?? []).map(parseSampleArg);
  const identity = await identityFrom(values);
  const workspace = await Workspace.open(path.resolve(dir));
  if (identity) await assertPackSigner(workspace, identity);
  const pack = await writeVisitPack(workspace, {
    out: values.out,
    samples,
    period: values.from && values.to ? { from: values.from, to: values.to } : null,
    identity,
    actor: { id: 'command-line', role: 'system' },
    madeBy: identity?.info.commonName ?? workspace.centre.centre.name,
    now: new Date(),
    zip: !values['no-zip'],
    thirdParty,
  }).catch(thirdPartyHint);
  for (const note of pack.notes) io.err(`Note: ${note}`);
  io.out(
    `Visit pack of ${pack.learners} learner${pack.learners === 1 ? '' : 's'} (${pack.units} unit${pack.units === 1 ? '' : 's'}, ${pack.files} files) written to ${pack.folder}${pack.zip ? ` and ${pack.zip}` : ''}${pack.signedBy ? `, signed by ${pack.signedBy}` : ', not signed'}.`,
  );
  return 0;
}
