import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../kernel/user-error';
import type { StaffMember } from '../../centre/centre-schema';
import type { Actor } from '../../shared/record';
import { Workspace } from '../../workspace/workspace';
import { findLearner } from '../../centre/find-learner';
import { loadLibrary, loadRecordSource } from '../../record/from-portfolio/record-source';
import { findRegisteredUnit, registeredUnits } from '../../portfolio/registered-units';
import { signerFor } from '../../record/identity-store/signers';
import { planSigner } from '../../record/from-portfolio/assessment-plan-input';
import { issueRecord, type Signer } from '../../record/issue/issue-record';
import { assertMaySignRecord } from '../../record/issue/may-sign';
import { portfolioRecordKinds, type PortfolioRecordKind } from '../../record/model/record-document';
import { loadRecordFonts } from '../../record/pdf/fonts';
import { unitProgress } from '../../decision/progress';
import { safeName } from '../../storage/safe-name';
import { readCommandLine } from '../command-line';
import { UsageError, type CliIo } from '../io';
import { makeFolders, writeOutFile } from '../out-file';

export const recordHelp = `Usage: workbench record DIR --learner ID --unit REF [--kind KIND] --format pdf|docx --out FILE [--sign]
       workbench record DIR --learner ID --kind assessment-plan|progress-review [--id ID] --format pdf|docx --out FILE [--sign]
       workbench record DIR --all --out FOLDER [--format pdf|docx] [--sign]

Makes an assessment record from the portfolio in the workspace DIR, writes it to FILE, then
files it in the learner's records/ folder with its SHA-256 noted in the portfolio. A record that
cannot be written to FILE is not issued. A folder in FILE's path that does not exist is made, and
the command says so.

  --learner ID     the learner's id, ULN or exact name
  --unit REF       the unit's Ofqual code, awarding-body code, id or title
  --kind KIND      unit-record (the default), observation, discussion, progress, evidence-index,
                   progress-review or assessment-plan
  --id ID          the progress review or assessment plan the record is of (its id); without it,
                   the latest review, or the learner's only current plan
  --evidence ID    the observation or discussion evidence item the record is of (its id or
                   exact title); without it, the unit's only one (a direct observation before
                   a practical demonstration)
  --format F       pdf (the default) or docx
  --sign           sign the PDF with the assessor's signing identity from the workspace
  --passphrase-file FILE   read the identity's passphrase from FILE (else WORKBENCH_PASSPHRASE)
  --all            every signed-off unit's record for every learner, into the folder --out;
                   a unit whose record says the same as the one last issued is not issued
                   again (the issued copy is written to the folder instead)

The passphrase is never given on the command line itself, where other users could see it.`;

const system: Actor = { id: 'command-line', role: 'system' };

const recordOptions = {
  learner: { type: 'string' },
  unit: { type: 'string' },
  kind: { type: 'string', default: 'unit-record' },
  format: { type: 'string', default: 'pdf' },
  out: { type: 'string' },
  sign: { type: 'boolean' },
  'passphrase-file': { type: 'string' },
  evidence: { type: 'string' },
  id: { type: 'string' },
  all: { type: 'boolean' },
} as const;

type Values = { learner?: string; unit?: string; evidence?: string; id?: string };

/** What every record written by one command shares. */
interface Run {
  workspace: Workspace;
  kind: PortfolioRecordKind;
  format: 'pdf' | 'docx';
  out: string;
  secret: string | undefined;
  signerOf: (assessorId: string) => Promise<Signer | undefined>;
  fonts: Awaited<ReturnType<typeof loadRecordFonts>>;
  library: Awaited<ReturnType<typeof loadLibrary>>;
  now: Date;
  io: CliIo;
}

/** Each assessor's signer, opened once with the passphrase given; none without one. */
function signersFor(workspace: Workspace, secret: string | undefined) {
  const signers = new Map<string, Signer>();
  return async (assessorId: string): Promise<Signer | undefined> => {
    if (!secret) return undefined;
    const cached = signers.get(assessorId);
    if (cached) return cached;
    const person = workspace.centre.staff.find((s) => s.id === assessorId) as
      StaffMember | undefined;
    if (!person)
      throw new UserError(
        'not-found',
        'The unit has no assessor on the staff list, so nobody can sign it.',
      );
    // The rule the screen applies: only an assessor signs a record as it is issued.
    assertMaySignRecord(person, 'assessor', null);
    const made = await signerFor(workspace, person, 'assessor', {
      passphrase: secret,
      userDataDir: '',
    });
    signers.set(assessorId, made);
    return made;
  };
}

type Job = { learnerId: string; name: string; unitId: string; assessorId: string };

/** Every signed-off unit of every learner still on the roster. */
async function signedOffUnits(run: Run): Promise<Job[]> {
  const jobs: Job[] = [];
  for (const learner of run.workspace.centre.learners.filter((l) => !l.archived)) {
    const source = await loadRecordSource(run.workspace, learner.id, run.library);
    for (const { unit, registration } of registeredUnits(source)) {
      if (unitProgress(source.portfolio, unit, source.centre.staff).signedOff) {
        jobs.push({
          learnerId: learner.id,
          name: learner.name,
          unitId: unit.id,
          assessorId: registration.assessorId,
        });
      }
    }
  }
  return jobs;
}

/** Issues one unit's record into the folder; says whether it was unchanged and not issued again. */
async function issueInto(run: Run, job: Job, counter: string): Promise<boolean> {
  const signer = await run.signerOf(job.assessorId);
  const targetOf = (fileName: string) =>
    path.join(run.out, `${safeName(job.name, 'learner')}-${fileName}`);
  const issued = await issueRecord(
    run.workspace,
    {
      learnerId: job.learnerId,
      kind: 'unit-record',
      unit: job.unitId,
      format: run.format,
      ...(signer ? { signer } : {}),
    },
    system,
    run.now,
    {
      fonts: run.fonts,
      library: run.library,
      unlessUnchanged: true,
      deliver: (bytes, fileName) => writeOutFile(targetOf(fileName), bytes),
    },
  );
  const target = targetOf(path.basename(issued.path));
  if (!issued.unchanged) {
    run.io.err(`${counter} ${job.name}: ${issued.entry.unitRef} → ${path.basename(target)}`);
    return false;
  }
  const there = await readFile(target).catch(() => null);
  if (!there?.equals(issued.bytes)) await writeOutFile(target, issued.bytes);
  run.io.err(
    `${counter} ${job.name}: ${issued.entry.unitRef} unchanged since record ${issued.entry.recordId}, not issued again → ${path.basename(target)}`,
  );
  return true;
}

/** `--all`: every signed-off unit's record into the folder --out. */
async function recordAll(run: Run): Promise<number> {
  const made = await makeFolders(run.out);
  if (made.length) run.io.out(`Made the folder ${run.out} for the records.`);
  const jobs = await signedOffUnits(run);
  if (jobs.length === 0) {
    run.io.out('No unit is signed off yet, so there are no records to write.');
    return 0;
  }
  let skipped = 0;
  for (const [i, job] of jobs.entries()) {
    if (await issueInto(run, job, `[${i + 1}/${jobs.length}]`)) skipped += 1;
  }
  const fresh = jobs.length - skipped;
  run.io.out(
    `${jobs.length} records written to ${run.out}: ${fresh} issued now${skipped ? `, ${skipped} unchanged and already issued, so not issued again` : ''}.`,
  );
  return 0;
}

/** One record of one learner, written to the file --out. */
async function recordOne(run: Run, values: Values): Promise<number> {
  const { kind, io, out } = run;
  if (!values.learner)
    throw new UsageError('say which learner with --learner (id, ULN or name), or use --all.');
  const learner = findLearner(run.workspace.centre, values.learner);
  const source = await loadRecordSource(run.workspace, learner.id, run.library);
  if (kind === 'unit-record' && !values.unit)
    throw new UsageError('say which unit with --unit (Ofqual code, id or title).');
  const registered = values.unit
    ? findRegisteredUnit(source, values.unit)
    : registeredUnits(source)[0];
  if (values.id && kind !== 'assessment-plan' && kind !== 'progress-review')
    throw new UsageError(
      '--id names an assessment plan or a progress review; use it with --kind assessment-plan or --kind progress-review.',
    );
  const signerId =
    kind === 'assessment-plan'
      ? planSigner(source.portfolio, values.id)?.assessorId
      : registered?.registration.assessorId;
  const signer = signerId ? await run.signerOf(signerId) : undefined;
  if (run.secret && !signer)
    throw new UserError(
      'not-found',
      `${learner.name} is on no unit, so there is no assessor to sign.`,
    );
  // The folder is made only once there is a record to put in it.
  const deliver = async (bytes: Uint8Array) => {
    const made = await makeFolders(path.dirname(out));
    if (made.length) io.out(`Made the folder ${path.dirname(out)} for the record.`);
    await writeOutFile(out, bytes);
  };
  const issued = await issueRecord(
    run.workspace,
    {
      learnerId: learner.id,
      kind,
      ...(values.unit ? { unit: values.unit } : {}),
      ...(values.evidence ? { evidenceId: values.evidence } : {}),
      ...(values.id ? { id: values.id } : {}),
      format: run.format,
      ...(signer ? { signer } : {}),
    },
    system,
    run.now,
    { fonts: run.fonts, library: run.library, deliver },
  );
  io.out(
    `Record ${issued.entry.recordId} (${issued.entry.title}, ${learner.name}${issued.entry.unitRef ? `, ${issued.entry.unitRef}` : ''})${signer ? `, signed by ${signer.name}` : ''}, written to ${out}. SHA-256 ${issued.entry.sha256}.`,
  );
  return 0;
}

export async function recordCommand(argv: string[], io: CliIo): Promise<number> {
  const args = readCommandLine(argv, recordOptions, recordHelp, io);
  if (!args) return 0;
  const dir = args.only(
    'workbench record takes one workspace folder. See workbench record --help.',
  );
  const kind = args.choice(
    'kind',
    portfolioRecordKinds,
    `--kind must be one of: ${portfolioRecordKinds.join(', ')}.`,
  )!;
  const format = args.choice('format', ['pdf', 'docx'], '--format must be pdf or docx.')!;
  const out = args.required('out', 'say where to write the record with --out.');
  if (args.has('sign') && format === 'docx')
    throw new UsageError('only PDF records can be signed; use --format pdf with --sign.');
  const secret = args.has('sign') ? await args.passphrase('--sign') : undefined;

  const workspace = await Workspace.open(path.resolve(dir));
  const run: Run = {
    workspace,
    kind,
    format,
    out: path.resolve(out),
    secret,
    signerOf: signersFor(workspace, secret),
    fonts: await loadRecordFonts(),
    library: await loadLibrary(workspace),
    now: new Date(),
    io,
  };
  return args.has('all')
    ? recordAll(run)
    : recordOne(run, {
        learner: args.optional('learner'),
        unit: args.optional('unit'),
        evidence: args.optional('evidence'),
        id: args.optional('id'),
      });
}
