import path from 'node:path';
import { findLearner } from '../../centre/find-learner';
import { writeLearnerCopy } from '../../learner-copy/write-copy';
import { Workspace } from '../../workspace/workspace';
import { readCommandLine } from '../command-line';
import type { CliIo } from '../io';
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
  const args = readCommandLine(
    argv,
    { learner: { type: 'string' }, out: { type: 'string' }, 'third-party': { type: 'string' } },
    exportLearnerHelp,
    io,
  );
  if (!args) return 0;
  const dir = args.only(
    'workbench export-learner takes one workspace folder: workbench export-learner DIR --learner ID --out FOLDER',
  );
  const wanted = args.required('learner', 'say whose copy with --learner (id, ULN or name).');
  const out = args.required('out', 'say where to write the copy with --out FOLDER or FILE.zip.');
  const thirdParty = parseThirdParty(args.optional('third-party'));
  const workspace = await Workspace.open(path.resolve(dir));
  const learner = findLearner(workspace.centre, wanted);
  const copy = await writeLearnerCopy(workspace, {
    learnerId: learner.id,
    out,
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
