import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src-main/api/dispatcher';
import { centreFileSchema } from '../../src-main/centre/centre-schema';
import { portfolioSchema } from '../../src-main/portfolio/portfolio-schema';
import { portfolioOnDisk } from '../support/portfolio-on-disk';
import { useTempDirs } from '../support/temp-dir';
import { bootWorkbench } from '../support/workbench';

describe('the workbench', () => {
  const tempDir = useTempDirs();

  it('opens a demo centre in the user-data folder when no workspace has been chosen', async () => {
    const root = await tempDir();
    const workbench = await bootWorkbench(root);
    expect(workbench.workspace.dir).toBe(path.join(root, 'user-data', 'demo-centre'));

    const centre = centreFileSchema.parse(
      JSON.parse(await readFile(path.join(workbench.workspace.dir, 'centre.json'), 'utf8')),
    );
    expect(centre.centre.demo).toBe(true);
    expect(centre.learners).toHaveLength(6);
    const assessors = centre.staff.filter((s) => s.roles.includes('assessor'));
    expect(assessors.map((a) => a.assessorStatus).sort()).toEqual(['qualified', 'working-towards']);
    const workingTowards = assessors.find((a) => a.assessorStatus === 'working-towards');
    expect(workingTowards?.countersignerId).toBe(
      assessors.find((a) => a.assessorStatus === 'qualified')?.id,
    );
    expect(centre.staff.filter((s) => s.roles.includes('iqa'))).toHaveLength(1);
    expect(new Set(centre.learners.map((l) => l.employer)).size).toBeGreaterThan(3);
    expect(centre.learners.filter((l) => l.needs).length).toBeGreaterThan(1);

    for (const learner of centre.learners) {
      const folder = path.join(workbench.workspace.dir, learner.portfolio);
      const portfolio = portfolioSchema.parse(await portfolioOnDisk(folder, learner.id));
      expect(portfolio.learnerId).toBe(learner.id);
      expect(portfolio.registrations.length).toBeGreaterThanOrEqual(2);
      expect(await readFile(path.join(folder, 'README.txt'), 'utf8')).toContain(learner.name);
    }
  });

  it('reopens the last workspace on the next start and keeps a list of recent ones', async () => {
    const root = await tempDir();
    const first = await bootWorkbench(root);
    const other = path.join(root, 'other-centre');
    await first.create(other, { name: 'Riverside College' });
    const again = await bootWorkbench(root);
    expect(again.workspace.dir).toBe(other);
    expect(again.settings.recent.map((r) => r.name)).toEqual([
      'Riverside College',
      'Northgate Skills Centre (demo)',
    ]);
  });

  it('refuses to make a workspace in a folder that already has files in it', async () => {
    const root = await tempDir();
    const workbench = await bootWorkbench(root);
    const busy = path.join(root, 'busy');
    await mkdir(busy);
    await writeFile(path.join(busy, 'notes.txt'), 'keep me');
    await expect(workbench.create(busy, { name: 'X' })).rejects.toThrow('already has files in it');
    expect(await readFile(path.join(busy, 'notes.txt'), 'utf8')).toBe('keep me');
  });

  it('says which folder is not a workspace and keeps the current one open', async () => {
    const root = await tempDir();
    const workbench = await bootWorkbench(root);
    const dispatch = createDispatcher(workbench);
    const empty = path.join(root, 'empty');
    await mkdir(empty);
    expect(await dispatch('workspace:open', { dir: empty })).toEqual({
      ok: false,
      error: {
        code: 'not-a-workspace',
        message: `The folder ${empty} is not a centre workspace. Choose the folder that holds centre.json.`,
      },
    });
    expect(await dispatch('workspace:status', {})).toMatchObject({
      ok: true,
      data: { open: { demo: true } },
    });
  });

  it('starts without a workspace, saying why, when the last one has gone', async () => {
    const root = await tempDir();
    const gone = path.join(root, 'usb-stick', 'centre');
    const workbench = await bootWorkbench(root, { workspace: gone });
    const status = await createDispatcher(workbench)('workspace:status', {});
    expect(status).toMatchObject({ ok: true, data: { open: null } });
    expect(JSON.stringify(status)).toContain('could not be found');
  });

  it('lets the user choose who they are, and makes an EQA read-only', async () => {
    const root = await tempDir();
    const workbench = await bootWorkbench(root);
    const dispatch = createDispatcher(workbench);
    const session = await dispatch('session:get', {});
    expect(session).toMatchObject({
      ok: true,
      data: { user: { name: 'Priya Sharma', role: 'assessor' }, readOnly: false },
    });
    const eqa = workbench.workspace.centre.staff.find((s) => s.roles.includes('eqa'))!;
    expect(await dispatch('session:set-user', { personId: eqa.id, role: 'eqa' })).toMatchObject({
      ok: true,
      data: { user: { name: 'Dr Helen Carter', role: 'eqa' }, readOnly: true },
    });
    expect(
      await dispatch('session:set-user', { personId: eqa.id, role: 'assessor' }),
    ).toMatchObject({
      ok: false,
      error: { message: 'Dr Helen Carter does not have that role in this centre.' },
    });
  });
});
