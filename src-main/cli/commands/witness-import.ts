import path from 'node:path';
import { parseArgs } from 'node:util';
import { findLearner } from '../../centre/find-learner';
import { importReturnedPdf } from '../../witness/import-returned';
import { Workspace } from '../../workspace/workspace';
import { UsageError, type CliIo } from '../io';
import { commandLine } from './witness-form';
import { criterionLabel } from '../../kernel/criterion-key';

export const witnessImportHelp = `Usage: workbench witness import DIR --learner ID FILE

Reads a returned fillable witness testimony PDF into the learner's portfolio in the workspace
DIR: the PDF is kept, hashed, as the evidence file, its fields become the testimony, and the
item is mapped to the criteria the witness ticked. Prints the evidence item created as JSON.
A form made for another learner is refused.
  --learner ID    the learner's id, ULN or exact name`;

export async function witnessImportCommand(argv: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { learner: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.out(witnessImportHelp);
    return 0;
  }
  const [dir, file, ...extra] = positionals;
  if (!dir || !file || extra.length) {
    throw new UsageError(
      'give the workspace and the returned PDF: workbench witness import DIR --learner ID FILE',
    );
  }
  if (!values.learner) throw new UsageError('say which learner: --learner ID (id, ULN or name).');
  const workspace = await Workspace.open(path.resolve(dir));
  const learner = findLearner(workspace.centre, values.learner);
  const saved = await importReturnedPdf(
    workspace,
    learner.id,
    path.resolve(file),
    path.basename(file),
    commandLine,
    new Date(),
  );
  const mappings = (await workspace.portfolio(learner.id)).data.mappings
    .filter((m) => m.evidenceId === saved.evidence.id && !m.removed)
    .map((m) => criterionLabel(m.criterionRef, m.partRef));
  io.out(
    JSON.stringify(
      {
        evidence: saved.evidence,
        criteria: mappings,
        testimony: {
          id: saved.testimony.id,
          witness: saved.testimony.witness,
          template: saved.testimony.template,
        },
        warnings: saved.flags.map((f) => f.message),
      },
      null,
      2,
    ),
  );
  return 0;
}
