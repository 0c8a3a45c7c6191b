import path from 'node:path';
import { parseArgs } from 'node:util';
import { UserError } from '../../kernel/user-error';
import { samplingReportFile, type ReportSigning } from '../../record/issue/sampling-report';
import { samplingStore } from '../../sampling/sampling-store';
import { writeFileAtomic } from '../../storage/atomic-write';
import { mapFsError } from '../../storage/map-fs-error';
import { Workspace } from '../../workspace/workspace';
import { UsageError, type CliIo } from '../io';
import { readSigningFiles } from '../passphrase';

export const sampleReportHelp = `Usage: workbench sample report DIR --format pdf|docx --out FILE [--sign --identity FILE.p12 [--passphrase-file F]] [--plan ID] [--sample ID]

Writes the IQA sampling report of the workspace DIR: the strategy, the plan against what was
done, each sample's decision and feedback, coverage matrices, action points and their state,
and trends for the EQA's attention. The newest plan is used unless --plan names one; --sample
writes the IQA sampling record of that one reviewed sample instead.

--sign seals the PDF with the IQA's signature from a PKCS#12 file (--identity). The passphrase
is read from --passphrase-file, else from the WORKBENCH_PASSPHRASE environment variable; it is
never taken on the command line. A DOCX cannot be signed.`;

async function signing(values: {
  sign?: boolean;
  identity?: string;
  'passphrase-file'?: string;
}): Promise<ReportSigning | undefined> {
  return (await readSigningFiles(values, 'the signing identity')) ?? undefined;
}

export async function sampleReportCommand(argv: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      sign: { type: 'boolean' },
      identity: { type: 'string' },
      'passphrase-file': { type: 'string' },
      plan: { type: 'string' },
      sample: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.out(sampleReportHelp);
    return 0;
  }
  const [dir, ...extra] = positionals;
  if (!dir || extra.length) {
    throw new UsageError(
      'workbench sample report takes one folder: workbench sample report DIR --format pdf --out FILE',
    );
  }
  const format = values.format;
  if (format !== 'pdf' && format !== 'docx') throw new UsageError('--format must be pdf or docx.');
  if (!values.out) throw new UsageError('--out FILE says where to write the report.');
  if (values.sign && format === 'docx') {
    throw new UsageError('only a PDF can be signed: use --format pdf with --sign.');
  }
  const sign = await signing(values);
  const workspace = await Workspace.open(path.resolve(dir));
  const { plans } = await samplingStore(workspace).listPlans();
  const plan = values.plan ? plans.find((p) => p.id === values.plan) : plans[0];
  if (!plan) {
    throw new UserError(
      'not-found',
      values.plan
        ? `there is no sampling plan "${values.plan}" in this workspace.`
        : 'this workspace has no sampling plan yet; make one in the Sampling screen first.',
    );
  }
  const bytes = await samplingReportFile(workspace, plan.id, {
    format,
    now: new Date(),
    ...(sign ? { signing: sign } : {}),
    ...(values.sample ? { sampleId: values.sample } : {}),
  });
  const out = path.resolve(values.out);
  try {
    await writeFileAtomic(out, bytes);
  } catch (error) {
    throw mapFsError(error, `The file ${out}`);
  }
  io.out(
    `${values.sample ? 'Sampling record' : 'Sampling report'} written to ${out}${sign ? ' (signed)' : ''}.`,
  );
  return 0;
}
