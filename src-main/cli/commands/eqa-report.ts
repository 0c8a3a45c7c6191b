import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../kernel/user-error';
import { IdentityError } from '../../record/identity/identity-error';
import { importP12 } from '../../record/identity/signing-identity';
import { loadRecordFonts } from '../../record/pdf/fonts';
import { dayOf } from '../../shared/record';
import { mapFsError } from '../../storage/map-fs-error';
import { importEqaReport } from '../../visit-pack/eqa-report-import';
import { signEqaReport } from '../../visit-pack/eqa-report-pdf';
import type { PackData } from '../../visit-pack/pack-model';
import { PACK_DATA_FILE } from '../../visit-pack/write-pack';
import { Workspace } from '../../workspace/workspace';
import { onePositional, readCommandLine } from '../command-line';
import { UsageError, type CliIo } from '../io';
import { writeOutFile } from '../out-file';
import { readSigningFiles, signingOptions } from '../passphrase';

export const eqaReportNewHelp = `Usage: workbench eqa-report new PACK --out ANSWERS.json

Writes the EQA's report to fill in, for the visit whose pack is in the folder PACK: each learner
and unit sampled, with agree or disagree with the assessor and the IQA left unanswered (null),
empty findings and actions, and no risk rating or direct claims decision. Fill it in, then sign it
with workbench eqa-report sign.`;

export const eqaReportSignHelp = `Usage: workbench eqa-report sign ANSWERS.json --out REPORT.pdf
                              --sign --identity EQA.p12 [--passphrase-file F]

Makes the EQA's report as one PDF, with the answers attached inside the signed bytes, and signs it
with the EQA's own signing identity (from the awarding body, not the centre). Everything must be
answered: each agree or disagree, the findings, the risk rating and the direct claims decision.
The passphrase comes from --passphrase-file, else WORKBENCH_PASSPHRASE, never the command line.`;

export const eqaReportImportHelp = `Usage: workbench eqa-report import DIR --file REPORT.pdf [--by IQA]

Checks the EQA's signed report (one intact signature by the EQA named in it, with a certificate the
centre did not issue, about a visit of this centre) and keeps it with its visit in
DIR/visits/<visit>/, raising the EQA's actions in the centre's action loop. A corrected report for a visit that has one
replaces it: the first stays in the folder and on the audit trail, and every action already raised
stays as it is. The same file twice, or an older report after a newer one, is refused. An action whose owner
is not a member of staff by name is held by the IQA named with --by (name or id).`;

async function readJson(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path.resolve(file), 'utf8');
  } catch (error) {
    throw mapFsError(error, `${what} ${file}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UserError('invalid-input', `${what} ${file} is not JSON.`);
  }
}

export async function eqaReportNewCommand(argv: string[], io: CliIo): Promise<number> {
  const args = readCommandLine(argv, { out: { type: 'string' } }, eqaReportNewHelp, io);
  if (!args) return 0;
  const { values } = args;
  const pack = onePositional(
    args.positionals,
    'give the pack folder: workbench eqa-report new PACK',
  );
  if (!values.out) throw new UsageError('say where to write the answers with --out FILE.json.');
  const data = (await readJson(path.join(pack, PACK_DATA_FILE), 'The pack')) as Partial<PackData>;
  if (data.kind !== 'eqa-visit-pack' || !data.visit || !data.learners) {
    throw new UserError(
      'invalid-input',
      `${pack} is not a visit pack that names its visit. Ask the centre for a new pack.`,
    );
  }
  const answers = {
    schemaVersion: 1,
    kind: 'eqa-report',
    visitId: data.visit.id,
    centreId: data.visit.centreId,
    centreName: data.centre?.name ?? '',
    eqa: { name: '', awardingBody: '' },
    visitedOn: '',
    samples: data.learners.flatMap((l) =>
      l.units.map((u) => ({
        learnerId: l.id,
        unitId: u.id,
        learner: l.name,
        unit: `${u.ref} ${u.title}`.trim(),
        agreesWithAssessor: null,
        agreesWithIqa: null,
        comment: '',
      })),
    ),
    findings: [],
    actions: [],
    riskRating: null,
    directClaims: null,
    directClaimsReason: '',
  };
  await writeFile(path.resolve(values.out), `${JSON.stringify(answers, null, 2)}\n`, {
    flag: 'wx',
  }).catch((error: unknown) => {
    throw mapFsError(error, `The answers file ${values.out}`);
  });
  io.out(`The report to fill in is in ${values.out}.`);
  return 0;
}

export async function eqaReportSignCommand(argv: string[], io: CliIo): Promise<number> {
  const args = readCommandLine(
    argv,
    {
      out: { type: 'string' },
      ...signingOptions,
    },
    eqaReportSignHelp,
    io,
  );
  if (!args) return 0;
  const { values } = args;
  const answersFile = onePositional(
    args.positionals,
    'give the answers file: workbench eqa-report sign ANSWERS.json',
  );
  if (!values.out) throw new UsageError('say where to write the report with --out REPORT.pdf.');
  const files = await readSigningFiles({ ...values, sign: true }, 'the EQA’s own signing identity');
  let identity;
  try {
    identity = importP12(files!.p12, files!.passphrase);
  } catch (error) {
    if (error instanceof IdentityError) throw new UserError('invalid-input', error.message);
    throw error;
  }
  const now = new Date();
  const answers = (await readJson(answersFile, 'The answers file')) as Record<string, unknown>;
  const pdf = await signEqaReport(
    { ...answers, signedOn: dayOf(now) },
    identity,
    await loadRecordFonts(),
    now,
  );
  await writeOutFile(values.out, pdf);
  io.out(`The EQA report, signed by ${identity.info.commonName}, is in ${values.out}.`);
  return 0;
}

export async function eqaReportImportCommand(argv: string[], io: CliIo): Promise<number> {
  const args = readCommandLine(
    argv,
    {
      file: { type: 'string' },
      by: { type: 'string' },
    },
    eqaReportImportHelp,
    io,
  );
  if (!args) return 0;
  const { values } = args;
  const dir = onePositional(
    args.positionals,
    'give the workspace folder: workbench eqa-report import DIR --file F',
  );
  if (!values.file) throw new UsageError('say which report to import with --file REPORT.pdf.');
  const bytes = await readFile(path.resolve(values.file)).catch((error: unknown) => {
    throw mapFsError(error, `The report ${values.file}`);
  });
  const workspace = await Workspace.open(path.resolve(dir));
  const by = values.by?.trim().toLowerCase();
  const iqa = by
    ? workspace.centre.staff.find((s) => s.id === values.by || s.name.toLowerCase() === by)
    : undefined;
  if (by && !iqa) throw new UsageError(`--by ${values.by} is not a member of staff.`);
  const made = await importEqaReport(
    workspace,
    bytes,
    iqa ? { id: iqa.id, role: 'iqa' } : { id: 'command-line', role: 'system' },
    new Date(),
  );
  io.out(
    `The EQA report is kept with the visit ${made.visitId}${made.replaced ? ', replacing the earlier report (kept beside it)' : ''}; ${made.actions} action${made.actions === 1 ? '' : 's'} raised for the centre.`,
  );
  for (const what of made.notInReport)
    io.out(`Kept open, though the new report does not repeat it: ${what}`);
  return 0;
}
