import path from 'node:path';
import { assertPackSigner } from '../../visit-pack/pack-signer';
import { parseSampleArg } from '../../visit-pack/pack-selection';
import { writeVisitPack } from '../../visit-pack/write-pack';
import { Workspace } from '../../workspace/workspace';
import { UsageError, type CliIo } from '../io';
import { readCommandLine } from '../command-line';
import { signingOptions } from '../passphrase';
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

export async function eqaPackCommand(argv: string[], io: CliIo): Promise<number> {
  const args = readCommandLine(
    argv,
    {
      out: { type: 'string' },
      sample: { type: 'string', multiple: true },
      from: { type: 'string' },
      to: { type: 'string' },
      ...signingOptions,
      'no-zip': { type: 'boolean' },
      'third-party': { type: 'string' },
    },
    eqaPackHelp,
    io,
  );
  if (!args) return 0;
  const dir = args.only(
    'workbench eqa-pack takes one workspace folder: workbench eqa-pack DIR --out FOLDER',
  );
  const out = args.required('out', 'say where to write the pack with --out FOLDER.');
  const [from, to] = [args.date('from'), args.date('to')];
  if (Boolean(from) !== Boolean(to))
    throw new UsageError('give the visit period as both --from and --to.');
  const thirdParty = parseThirdParty(args.optional('third-party'));
  const samples = args.repeated('sample').map(parseSampleArg);
  const identity = await args.signingIdentity('the IQA signing identity');
  const workspace = await Workspace.open(path.resolve(dir));
  if (identity) await assertPackSigner(workspace, identity);
  const pack = await writeVisitPack(workspace, {
    out,
    samples,
    period: from && to ? { from, to } : null,
    identity,
    actor: { id: 'command-line', role: 'system' },
    madeBy: identity?.info.commonName ?? workspace.centre.centre.name,
    now: new Date(),
    zip: !args.has('no-zip'),
    thirdParty,
  }).catch(thirdPartyHint);
  for (const note of pack.notes) io.err(`Note: ${note}`);
  io.out(
    `Visit pack of ${pack.learners} learner${pack.learners === 1 ? '' : 's'} (${pack.units} unit${pack.units === 1 ? '' : 's'}, ${pack.files} files) written to ${pack.folder}${pack.zip ? ` and ${pack.zip}` : ''}${pack.signedBy ? `, signed by ${pack.signedBy}` : ', not signed'}.`,
  );
  return 0;
}
