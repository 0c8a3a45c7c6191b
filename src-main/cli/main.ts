import { Workspace } from '../workspace/workspace';
import { UserError } from '../api/user-error';
import { countersignCommand, countersignHelp } from './commands/countersign';
import { demoCommand, demoHelp } from './commands/demo';
import { recordCommand, recordHelp } from './commands/record';
import { samplePlanCommand, samplePlanHelp } from './commands/sample-plan';
import { sampleReportCommand, sampleReportHelp } from './commands/sample-report';
import { specImportCommand, specImportHelp } from './commands/spec-import';
import { statusCommand, statusHelp } from './commands/status';
import { verifyCommand, verifyHelp } from './commands/verify';
import { webCommand, webHelp } from './commands/web';
import { witnessFormCommand, witnessFormHelp } from './commands/witness-form';
import { witnessImportCommand, witnessImportHelp } from './commands/witness-import';
import { processIo, UsageError, type CliIo } from './io';

type Command = {
  run: (argv: string[], io: CliIo) => Promise<number>;
  help: string;
  summary: string;
};

const commands: Record<string, Command> = {
  countersign: {
    run: countersignCommand,
    help: countersignHelp,
    summary: 'add an IQA countersignature to a signed PDF record',
  },
  demo: { run: demoCommand, help: demoHelp, summary: 'write the demo centre into an empty folder' },
  record: {
    run: recordCommand,
    help: recordHelp,
    summary: 'make a signed assessment record (PDF or DOCX) from a portfolio',
  },
  'sample plan': {
    run: samplePlanCommand,
    help: samplePlanHelp,
    summary: 'propose an IQA sampling plan and its coverage (--json for JSON)',
  },
  'sample report': {
    run: sampleReportCommand,
    help: sampleReportHelp,
    summary: 'write the IQA sampling report as PDF (optionally signed) or DOCX',
  },
  'spec import': {
    run: specImportCommand,
    help: specImportHelp,
    summary: 'read a unit specification and print it as an outline or JSON',
  },
  status: {
    run: statusCommand,
    help: statusHelp,
    summary: "show each learner's progress per unit (--json for JSON)",
  },
  verify: {
    run: verifyCommand,
    help: verifyHelp,
    summary: 'check a record: signatures, evidence, or a Word record as issued',
  },
  'witness form': {
    run: witnessFormCommand,
    help: witnessFormHelp,
    summary: 'make a witness testimony form (fillable PDF or DOCX) for a learner',
  },
  'witness import': {
    run: witnessImportCommand,
    help: witnessImportHelp,
    summary: 'read a returned fillable witness testimony PDF into a portfolio',
  },
  web: {
    run: webCommand,
    help: webHelp,
    summary: 'serve the workbench to a browser on this computer',
  },
};

function overview(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length)) + 2;
  const rows = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}${c.summary}`);
  return [
    'Usage: workbench COMMAND [options]',
    '',
    'Commands:',
    ...rows,
    '',
    'workbench COMMAND --help describes each one.',
  ].join('\n');
}

/** Runs one command line; returns the exit code. Bad input always gets a one-line reason. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [first, ...others] = argv;
  if (!first || first === '--help' || first === '-h' || first === 'help') {
    io.out(overview());
    return first ? 0 : 2;
  }
  // Commands are one word ("demo") or a group and a verb ("spec import").
  const pair = `${first} ${others[0] ?? ''}`;
  const [name, rest] = commands[pair] ? [pair, others.slice(1)] : [first, others];
  const command = commands[name];
  if (!command) {
    const verbs = Object.keys(commands).filter((c) => c.startsWith(`${first} `));
    io.err(
      verbs.length
        ? `workbench ${first}: say what to do: ${verbs.map((v) => `workbench ${v}`).join(', ')}.`
        : `workbench: there is no command "${first}". Run workbench --help to see the commands.`,
    );
    return 2;
  }
  try {
    const code = await command.run(rest, io);
    // The portfolio.json snapshots of what this command changed, before the process ends.
    await Workspace.flushAll();
    return code;
  } catch (error) {
    if (error instanceof UsageError || error instanceof UserError) {
      io.err(`workbench ${name}: ${error.message}`);
      return 2;
    }
    if (
      error instanceof TypeError &&
      'code' in error &&
      String(error.code).startsWith('ERR_PARSE_ARGS')
    ) {
      io.err(`workbench ${name}: ${error.message}. See workbench ${name} --help.`);
      return 2;
    }
    io.err(
      `workbench ${name}: something unexpected went wrong (${error instanceof Error ? error.name : 'error'}).`,
    );
    return 1;
  }
}
