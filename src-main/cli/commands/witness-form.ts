import path from 'node:path';
import { UserError } from '../../kernel/user-error';
import { defaultResourcesDir } from '../../shared/paths';
import { loadRecordFonts } from '../../record/pdf/fonts';
import type { Actor } from '../../shared/record';
import { findLearner } from '../../centre/find-learner';
import { findRegisteredUnit } from '../../portfolio/registered-units';
import { makeForm } from '../../witness/testimony-service';
import { Workspace } from '../../workspace/workspace';
import { readCommandLine } from '../command-line';
import { UsageError, type CliIo } from '../io';
import { makeFolders, writeOutFile } from '../out-file';

export const commandLine: Actor = { id: 'command-line', role: 'assessor' };

export const witnessFormHelp = `Usage: workbench witness form DIR --learner ID --unit REF [--criteria 7.1,7.2]
                              [--witness NAME] --format pdf|docx --out FILE

Makes a witness testimony form for a learner in the workspace DIR and records it in their
portfolio as sent and awaiting return. A PDF is fillable in any PDF reader; a DOCX is to type
into. Both list the chosen criteria in full.
  --learner ID    the learner's id, ULN or exact name
  --unit REF      the unit's code (such as J/508/4003) or id
  --criteria      criteria (7.1) or parts (9.1a), comma-separated; all of the unit's if left out
  --witness NAME  a registered witness, by name or id; the form is left blank for one if left out
  --format        pdf or docx
  --out FILE      where to write the form (a missing folder is made, and the command says so);
                  a form that cannot be written there is not recorded as sent`;

export async function witnessFormCommand(argv: string[], io: CliIo): Promise<number> {
  const args = readCommandLine(
    argv,
    {
      learner: { type: 'string' },
      unit: { type: 'string' },
      criteria: { type: 'string' },
      witness: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
    },
    witnessFormHelp,
    io,
  );
  if (!args) return 0;
  const dir = args.only('give one workspace folder: workbench witness form DIR …');
  const wanted = args.required('learner', 'say which learner: --learner ID (id, ULN or name).');
  const unitRef = args.required('unit', 'say which unit: --unit REF (its code or id).');
  const say = 'say which format: --format pdf or --format docx.';
  const format = args.choice('format', ['pdf', 'docx'], say);
  if (!format) throw new UsageError(say);
  const outFile = args.required('out', 'say where to write the form: --out FILE.');
  const [criteria, witnessName] = [args.optional('criteria'), args.optional('witness')];
  const workspace = await Workspace.open(path.resolve(dir));
  const learner = findLearner(workspace.centre, wanted);
  const { units } = await workspace.listUnits();
  const portfolio = (await workspace.portfolio(learner.id)).data;
  const { unit } = findRegisteredUnit({ portfolio, units, learner }, unitRef);
  let witnessId: string | null = null;
  if (witnessName) {
    const key = witnessName.trim().toLowerCase();
    const witness = workspace.centre.witnesses.find(
      (w) => !w.archived && (w.id === witnessName || w.name.toLowerCase() === key),
    );
    if (!witness) {
      throw new UserError(
        'not-found',
        `No registered witness is called "${witnessName}". Register them first.`,
      );
    }
    witnessId = witness.id;
  }
  const out = path.resolve(outFile);
  const made = await makeForm(
    workspace,
    {
      learnerId: learner.id,
      unitId: unit.id,
      criteria: criteria ? criteria.split(',') : [],
      witnessId,
      format,
    },
    await loadRecordFonts(defaultResourcesDir()),
    commandLine,
    new Date(),
    // Written before the form is recorded as sent, so a form nobody got is never awaited.
    async (bytes) => {
      const made = await makeFolders(path.dirname(out));
      if (made.length) io.out(`Made the folder ${path.dirname(out)} for the form.`);
      await writeOutFile(out, bytes);
    },
  );
  io.out(
    `Wrote ${out}: form ${made.form.id} for ${learner.name}, ${made.form.criteria.length} criteria, awaiting return.`,
  );
  return 0;
}
