import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { defaultResourcesDir } from '../../shared/paths';
import { createDemoCentre } from '../../demo/demo-centre';
import { readCommandLine } from '../command-line';
import { UsageError, type CliIo } from '../io';

export const demoHelp = `Usage: workbench demo DIR

Writes the demo centre (a centre, two assessors, an IQA, an EQA and six learners on the
built-in units) into DIR, which must be empty or not exist yet.`;

export async function demoCommand(argv: string[], io: CliIo): Promise<number> {
  const args = readCommandLine(argv, {}, demoHelp, io);
  if (!args) return 0;
  const dir = args.only('workbench demo takes one folder: workbench demo DIR');
  const target = path.resolve(dir);
  const existing = await readdir(target).catch(() => []);
  if (existing.length) {
    throw new UsageError(
      `${target} is not empty; the demo centre is only written into an empty folder.`,
    );
  }
  const workspace = await createDemoCentre(target, defaultResourcesDir(), new Date());
  io.out(
    `Demo centre written to ${workspace.dir} (${workspace.centre.learners.length} learners). Open it with: workbench web --workspace ${workspace.dir}`,
  );
  return 0;
}
