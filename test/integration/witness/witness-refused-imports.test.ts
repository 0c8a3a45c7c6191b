import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/main';
import type { Workspace } from '../../../src-main/workspace/workspace';
import { demoWorkspace } from '../../support/demo-workspace';
import { fillForm } from '../../support/fill-witness-form';
import { changeFilesOf, portfolioOnDisk } from '../../support/portfolio-on-disk';
import { runTool } from '../../support/record/system-tools';
import { useTempDirs } from '../../support/temp-dir';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Everything in a portfolio folder that a refused import must leave alone. */
async function snapshot(folder: string) {
  return {
    changes: await changeFilesOf(folder),
    evidence: (await readdir(path.join(folder, 'evidence')).catch(() => [])).sort(),
  };
}

async function makeForm(workspace: Workspace, learnerId: string, out: string) {
  const made = await cli([
    'witness',
    'form',
    workspace.dir,
    '--learner',
    learnerId,
    '--unit',
    'J/508/4003',
    '--criteria',
    '7.1,7.2',
    '--format',
    'pdf',
    '--out',
    out,
  ]);
  expect(made.code, made.err).toBe(0);
  return /form (wf-\w+)/.exec(made.out)![1]!;
}

const answers = {
  activityDate: '03/03/2026',
  description: 'Took a complaint about a late order and apologised.',
  witnessName: 'Rhiannon Hughes',
  relationship: 'Line manager',
};

describe('a witness form that is refused changes nothing', () => {
  const tempDir = useTempDirs();

  it('refuses a flattened form with a clear message, then takes the real filled copy', async () => {
    const root = await tempDir();
    const { workspace } = await demoWorkspace(root);
    const learner = workspace.centre.learners.find((l) => l.name === 'Siobhán Ní Bhriain')!;
    const folder = await workspace.portfolioFolder(learner.id);
    const blank = path.join(root, 'form.pdf');
    const formId = await makeForm(workspace, learner.id, blank);
    const filled = path.join(root, 'filled.pdf');
    await writeFile(filled, await fillForm(await readFile(blank), answers, ['criterion-1']));
    const flat = path.join(root, 'flattened.pdf');
    const flatten = await runTool('pdftk', [filled, 'output', flat, 'flatten']);
    expect(flatten.code, flatten.stderr).toBe(0);

    const before = await snapshot(folder);
    const refused = await cli(['witness', 'import', workspace.dir, '--learner', learner.id, flat]);
    expect(refused.code).toBe(2);
    expect(refused.err.split('\n')).toHaveLength(1);
    expect(refused.err).toContain('has no fields left to read');
    expect(refused.err).toContain('nothing was imported');
    expect(await snapshot(folder)).toEqual(before);
    const still = await portfolioOnDisk(folder, learner.id);
    expect(still.witnessForms.find((f) => f.id === formId)?.status).toBe('awaiting-return');

    const taken = await cli(['witness', 'import', workspace.dir, '--learner', learner.id, filled]);
    expect(taken.code, taken.err).toBe(0);
    const after = await portfolioOnDisk(folder, learner.id);
    expect(after.witnessForms.find((f) => f.id === formId)?.status).toBe('returned');
    expect(after.testimonies.at(-1)?.description).toBe(answers.description);
  });

  it('does not record a form as sent when it cannot be written where --out says', async () => {
    const root = await tempDir();
    const { workspace } = await demoWorkspace(root);
    const learner = workspace.centre.learners.find((l) => l.name === 'Siobhán Ní Bhriain')!;
    const folder = await workspace.portfolioFolder(learner.id);
    const before = await snapshot(folder);
    const made = await cli([
      'witness',
      'form',
      workspace.dir,
      '--learner',
      learner.id,
      '--unit',
      'J/508/4003',
      '--format',
      'pdf',
      '--out',
      '/proc/form.pdf',
    ]);
    expect(made.code).toBe(2);
    expect(made.err).toBe(
      'workbench witness form: /proc/form.pdf could not be written: the system does not allow it there (ENOENT).',
    );
    expect(await snapshot(folder)).toEqual(before);
  });

  it('refuses a form for a signed-off unit without copying its file into the portfolio', async () => {
    const root = await tempDir();
    const { workspace } = await demoWorkspace(root);
    const learner = workspace.centre.learners.find((l) => l.name === 'Nguyễn Thị Hoa')!;
    const folder = await workspace.portfolioFolder(learner.id);
    const blank = path.join(root, 'form.pdf');
    const formId = await makeForm(workspace, learner.id, blank);
    const filled = path.join(root, 'filled.pdf');
    await writeFile(filled, await fillForm(await readFile(blank), answers, ['criterion-1']));

    const before = await snapshot(folder);
    const refused = await cli([
      'witness',
      'import',
      workspace.dir,
      '--learner',
      learner.id,
      filled,
    ]);
    expect(refused.code).toBe(2);
    expect(refused.err.split('\n')).toHaveLength(1);
    expect(refused.err).toMatch(/signed off/i);
    expect(await snapshot(folder)).toEqual(before);
    const still = await portfolioOnDisk(folder, learner.id);
    expect(still.witnessForms.find((f) => f.id === formId)?.status).toBe('awaiting-return');
  });
});
