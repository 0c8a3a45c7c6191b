import { processIo, usageLine, type CliIo } from './io';

type Run = (argv: string[], io: CliIo) => Promise<number>;

type Command = {
  /** Loaded only when the command runs, so `workbench help` starts without the domain code. */
  load: () => Promise<Run>;
  summary: string;
};

const commands: Record<string, Command> = {
  'centre certificate': {
    load: async () => (await import('./commands/centre')).centreCertificateCommand,
    summary: 'write the centre certificate (PEM) for an EQA to trust',
  },
  'centre create': {
    load: async () => (await import('./commands/centre')).centreCreateCommand,
    summary: 'make the centre certificate that issues every signing identity',
  },
  countersign: {
    load: async () => (await import('./commands/countersign')).countersignCommand,
    summary: 'add an IQA countersignature to a signed PDF record',
  },
  erase: {
    load: async () => (await import('./commands/retention')).eraseCommand,
    summary: "erase a learner's evidence and personal details, with a signed erasure record",
  },
  retention: {
    load: async () => (await import('./commands/retention')).retentionCommand,
    summary: 'list learners whose data has passed its retention period',
  },
  demo: {
    load: async () => (await import('./commands/demo')).demoCommand,
    summary: 'write the demo centre into an empty folder',
  },
  'eqa-pack': {
    load: async () => (await import('./commands/eqa-pack')).eqaPackCommand,
    summary: 'write the self-contained, signed pack for an EQA visit (folder and .zip)',
  },
  'eqa-report new': {
    load: async () => (await import('./commands/eqa-report')).eqaReportNewCommand,
    summary: "write the EQA's report to fill in, from a visit pack (JSON)",
  },
  'eqa-report sign': {
    load: async () => (await import('./commands/eqa-report')).eqaReportSignCommand,
    summary: "make the EQA's report as one PDF signed with the EQA's own identity",
  },
  'eqa-report import': {
    load: async () => (await import('./commands/eqa-report')).eqaReportImportCommand,
    summary: "check the EQA's signed report and keep it with its visit",
  },
  'export-learner': {
    load: async () => (await import('./commands/export-learner')).exportLearnerCommand,
    summary: "write a learner's own copy of everything held about them (folder or .zip)",
  },
  record: {
    load: async () => (await import('./commands/record')).recordCommand,
    summary: 'make a signed assessment record (PDF or DOCX) from a portfolio',
  },
  'sample plan': {
    load: async () => (await import('./commands/sample-plan')).samplePlanCommand,
    summary: 'propose an IQA sampling plan and its coverage (--json for JSON)',
  },
  'sample report': {
    load: async () => (await import('./commands/sample-report')).sampleReportCommand,
    summary: 'write the IQA sampling report as PDF (optionally signed) or DOCX',
  },
  'spec import': {
    load: async () => (await import('./commands/spec-import')).specImportCommand,
    summary: 'read a unit specification and print it as an outline or JSON',
  },
  status: {
    load: async () => (await import('./commands/status')).statusCommand,
    summary: "show each learner's progress per unit (--json for JSON)",
  },
  verify: {
    load: async () => (await import('./commands/verify')).verifyCommand,
    summary: 'check a record: signatures, evidence, or a Word record as issued',
  },
  'verify-pack': {
    load: async () => (await import('./commands/verify-pack')).verifyPackCommand,
    summary: 'check an EQA visit pack: manifest, signature, records and evidence',
  },
  'verify-portfolio': {
    load: async () => (await import('./commands/verify-portfolio')).verifyPortfolioCommand,
    summary: "check every sign-off and review in a learner's portfolio was signed by its maker",
  },
  'witness form': {
    load: async () => (await import('./commands/witness-form')).witnessFormCommand,
    summary: 'make a witness testimony form (fillable PDF or DOCX) for a learner',
  },
  'witness import': {
    load: async () => (await import('./commands/witness-import')).witnessImportCommand,
    summary: 'read a returned fillable witness testimony PDF into a portfolio',
  },
  web: {
    load: async () => (await import('./commands/web')).webCommand,
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
    const run = await command.load();
    const code = await run(rest, io);
    // The portfolio.json snapshots of what this command changed, before the process ends
    // (the command has loaded the workspace code already, so this import costs nothing).
    const { Workspace } = await import('../workspace/workspace');
    await Workspace.flushAll();
    return code;
  } catch (error) {
    const line = usageLine(error, name);
    if (line) {
      io.err(line);
      return 2;
    }
    io.err(
      `workbench ${name}: something unexpected went wrong (${error instanceof Error ? error.name : 'error'}).`,
    );
    return 1;
  }
}
