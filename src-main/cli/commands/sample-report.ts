import path from 'node:path';
import { UserError } from '../../kernel/user-error';
import { samplingReportFile, type ReportSigning } from '../../record/issue/sampling-report';
import { samplingStore } from '../../sampling/sampling-store';
import { writeFileAtomic } from '../../storage/atomic-write';
import { mapFsError } from '../../storage/map-fs-error';
import { Workspace } from '../../workspace/workspace';
import { UsageError, type CliIo } from '../io';
import { readCommandLine } from '../command-line';
import { signingOptions } from '../passphrase';

export const sampleReportHelp = `Usage: workbench sample report DIR --format pdf|docx --out FILE [--sign --identity FILE.p12 [--passphrase-file F]] [--plan ID] [--sample ID]

Writes the IQA sampling report of the workspace DIR: the strategy, the plan against what was
done, each sample's decision and feedback, coverage matrices, action points and their state,
and trends for the EQA's attention. The newest plan is used unless --plan names one; --sample
writes the IQA sampling record of that one reviewed sample instead.

--sign seals the PDF with the IQA's signature from a PKCS#12 file (--identity). The passphrase
is read from --passphrase-file, else from the WORKBENCH_PASSPHRASE environment variable; it is
never taken on the command line. A DOCX cannot be signed.`;

export async function sampleReportCommand(argv: string[], io: CliIo): Promise<number> {
  const args = readCommandLine(
    argv,
    {
      format: { type: 'string' },
      out: { type: 'string' },
      ...signingOptions,
      plan: { type: 'string' },
      sample: { type: 'string' },
    },
    sampleReportHelp,
    io,
  );
  if (!args) return 0;
  const dir = args.only(
    'workbench sample report takes one folder: workbench sample report DIR --format pdf --out FILE',
  );
  const format = args.choice('format', ['pdf', 'docx'], '--format must be pdf or docx.');
  if (!format) throw new UsageError('--format must be pdf or docx.');
  const outFile = args.required('out', '--out FILE says where to write the report.');
  if (args.has('sign') && format === 'docx') {
    throw new UsageError('only a PDF can be signed: use --format pdf with --sign.');
  }
  const sign: ReportSigning | null = await args.signingFiles('the signing identity');
  const [planId, sampleId] = [args.optional('plan'), args.optional('sample')];
  const workspace = await Workspace.open(path.resolve(dir));
  const { plans } = await samplingStore(workspace).listPlans();
  const plan = planId ? plans.find((p) => p.id === planId) : plans[0];
  if (!plan) {
    throw new UserError(
      'not-found',
      planId
        ? `there is no sampling plan "${planId}" in this workspace.`
        : 'this workspace has no sampling plan yet; make one in the Sampling screen first.',
    );
  }
  const bytes = await samplingReportFile(workspace, plan.id, {
    format,
    now: new Date(),
    ...(sign ? { signing: sign } : {}),
    ...(sampleId ? { sampleId } : {}),
  });
  const out = path.resolve(outFile);
  try {
    await writeFileAtomic(out, bytes);
  } catch (error) {
    throw mapFsError(error, `The file ${out}`);
  }
  io.out(
    `${sampleId ? 'Sampling record' : 'Sampling report'} written to ${out}${sign ? ' (signed)' : ''}.`,
  );
  return 0;
}
