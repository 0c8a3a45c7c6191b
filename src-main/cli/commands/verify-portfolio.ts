import path from 'node:path';
import { findLearner } from '../../centre/find-learner';
import { checkPortfolioProofs } from '../../record/verify/verify-portfolio';
import { Workspace } from '../../workspace/workspace';
import { readCommandLine } from '../command-line';
import type { CliIo } from '../io';

export const verifyPortfolioHelp = `Usage: workbench verify-portfolio DIR --learner ID

Checks that every sign-off, countersignature, unlock and IQA review in one learner's portfolio
was made by the person it names: each carries a signature by that person's own key, over what
they decided, with a certificate the centre certificate issued to them and that had not been
replaced or revoked before. Exits 0 when all hold, 1 with one line per problem.

  --learner ID     the learner's id, ULN or exact name`;

export async function verifyPortfolioCommand(argv: string[], io: CliIo): Promise<number> {
  const args = readCommandLine(argv, { learner: { type: 'string' } }, verifyPortfolioHelp, io);
  if (!args) return 0;
  const dir = args.only('workbench verify-portfolio takes one workspace folder and --learner ID.');
  const wanted = args.required('learner', 'say whose portfolio with --learner (id, ULN or name).');
  const workspace = await Workspace.open(path.resolve(dir));
  const learner = findLearner(workspace.centre, wanted);
  const check = await checkPortfolioProofs(workspace, learner);
  if (check.problems.length === 0) {
    io.out(
      `${learner.name}: VALID. Checked ${check.checked} (sign-offs, countersignatures, unlocks and IQA reviews): each was signed by the key of the person it names.`,
    );
    return 0;
  }
  io.out(
    [
      `${learner.name}: NOT VALID. ${check.problems.length} of ${check.checked} checks failed.`,
      ...check.problems.map((p) => `Problem: ${p}`),
    ].join('\n'),
  );
  return 1;
}
