import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../kernel/user-error';
import { loadRecordFonts } from '../../record/pdf/fonts';
import { dayOf } from '../../shared/record';
import { mapFsError } from '../../storage/map-fs-error';
import { importEqaReport } from '../../visit-pack/eqa-report-import';
import { signEqaReport } from '../../visit-pack/eqa-report-pdf';
import type { PackData } from '../../visit-pack/pack-model';
import { packVisit } from '../../visit-pack/pack-report';
import { PACK_DATA_FILE } from '../../visit-pack/write-pack';
import { Workspace } from '../../workspace/workspace';
import { readCommandLine, readGivenFile, readGivenJson } from '../command-line';
import { UsageError, type CliIo } from '../io';
import { writeOutFile } from '../out-file';
import { signingOptions } from '../passphrase';

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

export async function eqaReportNewCommand(argv: string[], io: CliIo): Promise<number> {
  const args = readCommandLine(argv, { out: { type: 'string' } }, eqaReportNewHelp, io);
  if (!args) return 0;
  const pack = args.only('give the pack folder: workbench eqa-report new PACK');
  const out = args.required('out', 'say where to write the answers with --out FILE.json.');
  const data = (await readGivenJson(
    path.join(pack, PACK_DATA_FILE),
    'The pack',
  )) as Partial<PackData>;
  if (data.kind !== 'eqa-visit-pack' || !data.visit || !data.learners) {
    throw new UserError(
      'invalid-input',
      `${pack} is not a visit pack that names its visit. Ask the centre for a new pack.`,
    );
  }
  // The visit as the screen's report form names it, so the signed report imports the same way.
  const visit = packVisit({ ...data, centre: data.centre ?? { name: '' } } as PackData);
  const answers = {
    schemaVersion: 1,
    kind: 'eqa-report',
    visitId: visit.id,
    centreId: visit.centreId,
    centreName: visit.centreName,
    eqa: { name: '', awardingBody: '' },
    visitedOn: '',
    samples: visit.samples.map((sample) => ({
      ...sample,
      agreesWithAssessor: null,
      agreesWithIqa: null,
      comment: '',
    })),
    findings: [],
    actions: [],
    riskRating: null,
    directClaims: null,
    directClaimsReason: '',
  };
  await writeFile(path.resolve(out), `${JSON.stringify(answers, null, 2)}\n`, {
    flag: 'wx',
  }).catch((error: unknown) => {
    throw mapFsError(error, `The answers file ${out}`);
  });
  io.out(`The report to fill in is in ${out}.`);
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
  const answersFile = args.only('give the answers file: workbench eqa-report sign ANSWERS.json');
  const out = args.required('out', 'say where to write the report with --out REPORT.pdf.');
  const identity = (await args.signingIdentity('the EQA’s own signing identity', {
    always: true,
  }))!;
  const now = new Date();
  const answers = (await readGivenJson(answersFile, 'The answers file')) as Record<string, unknown>;
  const pdf = await signEqaReport(
    { ...answers, signedOn: dayOf(now) },
    identity,
    await loadRecordFonts(),
    now,
  );
  await writeOutFile(out, pdf);
  io.out(`The EQA report, signed by ${identity.info.commonName}, is in ${out}.`);
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
  const dir = args.only('give the workspace folder: workbench eqa-report import DIR --file F');
  const file = args.required('file', 'say which report to import with --file REPORT.pdf.');
  const bytes = await readGivenFile(file, 'The report');
  const workspace = await Workspace.open(path.resolve(dir));
  const named = args.optional('by');
  const by = named?.trim().toLowerCase();
  const iqa = by
    ? workspace.centre.staff.find((s) => s.id === named || s.name.toLowerCase() === by)
    : undefined;
  if (by && !iqa) throw new UsageError(`--by ${named} is not a member of staff.`);
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
