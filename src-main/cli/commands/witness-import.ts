import path from 'node:path';
import { findLearner } from '../../centre/find-learner';
import { importReturnedPdf } from '../../witness/import-returned';
import { Workspace } from '../../workspace/workspace';
import { readCommandLine } from '../command-line';
import type { CliIo } from '../io';
import { commandLine } from './witness-form';
import { criterionLabel } from '../../kernel/criterion-key';

export const witnessImportHelp = `Usage: workbench witness import DIR --learner ID FILE

Reads a returned fillable witness testimony PDF into the learner's portfolio in the workspace
DIR: the PDF is kept, hashed, as the evidence file, its fields become the testimony, and the
item is mapped to the criteria the witness ticked. Prints the evidence item created as JSON.
A form made for another learner is refused.
  --learner ID    the learner's id, ULN or exact name`;

export async function witnessImportCommand(argv: string[], io: CliIo): Promise<number> {
  const args = readCommandLine(argv, { learner: { type: 'string' } }, witnessImportHelp, io);
  if (!args) return 0;
  const [dir, file] = args.exactly(
    2,
    'give the workspace and the returned PDF: workbench witness import DIR --learner ID FILE',
  ) as [string, string];
  const wanted = args.required('learner', 'say which learner: --learner ID (id, ULN or name).');
  const workspace = await Workspace.open(path.resolve(dir));
  const learner = findLearner(workspace.centre, wanted);
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
