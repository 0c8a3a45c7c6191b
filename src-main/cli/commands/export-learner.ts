import path from 'node:path';
import { parseArgs } from 'node:util';
import { findLearner } from '../../centre/find-learner';
import { writeLearnerCopy } from '../../learner-copy/write-copy';
import { Workspace } from '../../workspace/workspace';
import { UsageError, type CliIo } from '../io';
import { parseThirdParty, thirdPartyHint } from '../third-party';

export const exportLearnerHelp = `Usage: workbench export-learner DIR --learner ID --out FOLDER|FILE.zip
                               [--third-party leave-out|include]

Writes a learner's own copy of everything the workspace holds about them (a subject access
request): index.html, which opens in any browser with no server and no network, their details
and registrations, every unit with its criteria, decisions and feedback, every evidence file,
witness testimonies, the records issued to them as issued, sign-offs, the IQA's reviews of their
work, the audit trail in plain words, the same as JSON, and MANIFEST.sha256. No other learner is
named in it. FOLDER must be new or empty; a name ending .zip writes only the zip.

  --learner ID     the learner's id, ULN or exact name
  --third-party    what to do with evidence an assessor marked as holding other people's
                   personal data: leave-out (listed in the copy as left out) or include. The copy
                   is not written while the learner has such evidence and this is not given`;

export async function exportLearnerCommand(argv: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      learner: { type: 'string' },
      out: { type: 'string' },
      'third-party': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.out(exportLearnerHelp);
    return 0;
  }
  const [dir, ...extra] = positionals;
  if (!dir || extra.length)
    throw new UsageError(
      'workbench export-learner takes one workspace folder: workbench export-learner DIR --learner ID --out FOLDER',
    );
  if (!values.learner) throw new UsageError('say whose copy with --learner (id, ULN or name).');
  if (!values.out)
    throw new UsageError('say where to write the copy with --out FOLDER or FILE.zip.');
  const thirdParty = parseThirdParty(values['third-party']);
  const workspace = await Workspace.open(path.resolve(dir));
  const learner = findLearner(workspace.centre, values.learner);
  const copy = await writeLearnerCopy(workspace, {
    learnerId: learner.id,
    out: values.out,
    thirdParty,
    actor: { id: 'command-line', role: 'system' },
    madeBy: workspace.centre.centre.name,
    now: new Date(),
  }).catch(thirdPartyHint);
  for (const note of copy.notes) io.err(`Note: ${note}`);
  const left = copy.leftOut
    ? `; ${copy.leftOut} evidence item${copy.leftOut === 1 ? '' : 's'} left out (other people's personal data)`
    : '';
  io.out(
    `Copy of ${learner.name}'s data (${copy.files} files${left}) written to ${copy.zip ?? copy.folder}.`,
  );
  return 0;
}
