import path from 'node:path';
import { UserError } from '../../kernel/user-error';
import { registeredUnits } from '../../portfolio/registered-units';
import { unitProgress } from '../../decision/progress';
import { unitRef } from '../../kernel/unit-label';
import { mapLimit } from '../../shared/map-limit';
import { Workspace } from '../../workspace/workspace';
import { readCommandLine } from '../command-line';
import type { CliIo } from '../io';
import type { SignOffStatus } from '../../decision/sign-off';

export const statusHelp = `Usage: workbench status DIR [--json]

Shows each learner's progress in the workspace DIR: per unit, how many criteria there are, how
many are met and how many have evidence mapped, and whether the unit is signed off. A criterion
with parts counts as met (or evidenced) only when every part is. A sign-off by an assessor working
towards their qualification counts only once countersigned. With --json it prints the same as JSON:
  [{ "learner": { "id", "name", "uln" },
     "units": [{ "ref", "title", "criteria": { "total", "met", "evidenced" }, "signedOff",
                 "signOff": "open" | "awaiting-countersignature" | "signed-off" }] }]`;

export interface LearnerStatus {
  learner: { id: string; name: string; uln: string };
  units: {
    ref: string;
    title: string;
    criteria: { total: number; met: number; evidenced: number };
    signedOff: boolean;
    signOff: SignOffStatus;
  }[];
}

export async function workspaceStatus(workspace: Workspace): Promise<LearnerStatus[]> {
  const { units } = await workspace.listUnits();
  const learners = workspace.centre.learners.filter((l) => !l.archived);
  return mapLimit(learners, 16, async (learner) => {
    return workspace.portfolios.summarise(learner, (portfolio) => ({
      learner: { id: learner.id, name: learner.name, uln: learner.uln },
      units: registeredUnits({ portfolio, units }).map(({ unit }) => {
        const progress = unitProgress(portfolio, unit, workspace.centre.staff);
        return {
          ref: unitRef(unit),
          title: unit.title,
          criteria: progress.criteria,
          signedOff: progress.signedOff,
          signOff: progress.signOff,
        };
      }),
    }));
  });
}

function table(rows: LearnerStatus[]): string {
  const lines = rows.flatMap((r) =>
    r.units.length
      ? r.units.map((u, i) => [
          i === 0 ? r.learner.name : '',
          i === 0 ? r.learner.uln : '',
          u.ref,
          u.title.length > 48 ? `${u.title.slice(0, 47)}…` : u.title,
          `${u.criteria.met}/${u.criteria.total}`,
          `${u.criteria.evidenced}/${u.criteria.total}`,
          u.signedOff
            ? 'yes'
            : u.signOff === 'awaiting-countersignature'
              ? 'awaiting countersignature'
              : 'no',
        ])
      : [[r.learner.name, r.learner.uln, '', 'not registered on any unit', '', '', '']],
  );
  const header = ['Learner', 'ULN', 'Unit', 'Title', 'Met', 'Evidenced', 'Signed off'];
  const all = [header, ...lines];
  const widths = header.map((_, c) => Math.max(...all.map((row) => [...(row[c] ?? '')].length)));
  const format = (row: string[]) =>
    row
      .map((cell, c) => cell + ' '.repeat((widths[c] ?? 0) - [...cell].length))
      .join('  ')
      .trimEnd();
  return [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format)].join(
    '\n',
  );
}

export async function statusCommand(argv: string[], io: CliIo): Promise<number> {
  const args = readCommandLine(argv, { json: { type: 'boolean' } }, statusHelp, io);
  if (!args) return 0;
  const dir = args.only('workbench status takes one folder: workbench status DIR [--json]');
  const workspace = await Workspace.open(path.resolve(dir));
  let rows: LearnerStatus[];
  try {
    rows = await workspaceStatus(workspace);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError('internal', 'The workspace could not be read.');
  }
  if (args.has('json')) io.out(JSON.stringify(rows, null, 2));
  else io.out(rows.length ? table(rows) : 'This workspace has no learners yet.');
  return 0;
}
