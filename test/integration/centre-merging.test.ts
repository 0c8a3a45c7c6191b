import { spawn } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CentreFile } from '../../src-main/centre/centre-schema';
import { samplingStore } from '../../src-main/sampling/sampling-store';
import { Workspace } from '../../src-main/workspace/workspace';
import { demoWorkspace } from '../support/demo-workspace';
import { useTempDirs } from '../support/temp-dir';

const ENGINES = {
  Syncthing: 'centre.sync-conflict-20261202-064501-NNKV7RA.json',
  Dropbox: "centre (Priya's conflicted copy 2026-12-02).json",
  'Nextcloud / ownCloud': 'centre (conflicted copy 2026-12-02 064501).json',
  OneDrive: 'centre-DESKTOP-4KQ1Q.json',
  'Google Drive': 'centre (1).json',
};

const WRITER = fileURLToPath(new URL('../support/centre-writer.ts', import.meta.url));
// Child processes start slowly on a loaded machine: this guard only catches a hang.
const HANG_GUARD = 600_000;

const readCentre = async (dir: string) =>
  JSON.parse(await readFile(path.join(dir, 'centre.json'), 'utf8')) as CentreFile;

/** What the other computer did while apart: a witness added and a learner's employer changed. */
function otherComputer(centre: CentreFile): CentreFile {
  const [first, ...rest] = centre.learners;
  const witness = {
    ...centre.witnesses[0]!,
    id: 'wt-laptop',
    name: 'Grace Okafor',
    updatedAt: '2026-12-02T09:05:00.000Z',
  };
  return {
    ...centre,
    learners: [
      { ...first!, employer: 'Harrogate District NHS', updatedAt: '2026-12-02T09:05:00.000Z' },
      ...rest,
    ],
    witnesses: [...centre.witnesses, witness],
  };
}

describe('the centre file on two computers', () => {
  const tempDir = useTempDirs();

  for (const [engine, copyName] of Object.entries(ENGINES)) {
    it(`merges ${engine}'s conflict copy of centre.json record by record and keeps the copy aside`, async () => {
      const { workspace } = await demoWorkspace(await tempDir());
      const dir = workspace.dir;
      const before = await readCentre(dir);
      // This computer added a staff member meanwhile.
      await workspace.addStaffMember(
        { name: 'Olu Adeyemi', roles: ['assessor'], assessorStatus: 'qualified' },
        { id: 'st-office', role: 'admin' },
        new Date('2026-12-02T09:00:00.000Z'),
      );
      await writeFile(path.join(dir, copyName), JSON.stringify(otherComputer(before), null, 2));

      const reopened = await Workspace.open(dir);
      const centre = reopened.centre;
      expect(centre.staff.map((s) => s.name)).toContain('Olu Adeyemi');
      expect(centre.witnesses.map((w) => w.name)).toContain('Grace Okafor');
      expect(centre.learners[0]!.employer).toBe('Harrogate District NHS');
      expect(centre.learners).toHaveLength(before.learners.length);
      const entry = centre.audit.at(-1)!;
      expect(entry).toMatchObject({ action: 'merged sync conflict copy', target: copyName });
      expect(await readdir(dir)).not.toContain(copyName);
      expect(await readdir(path.join(dir, 'merged-conflict-copies'))).toContain(copyName);
      // What is on disk is what the workbench shows.
      expect((await readCentre(dir)).witnesses.map((w) => w.id)).toContain('wt-laptop');
    });
  }

  it('merges a conflict copy that arrives while the workbench runs', async () => {
    const { workspace } = await demoWorkspace(await tempDir());
    const copy = otherComputer(await readCentre(workspace.dir));
    await writeFile(path.join(workspace.dir, ENGINES.Syncthing), JSON.stringify(copy));
    // What the workspace watcher does when a file appears.
    expect(await workspace.checkCentreOnDisk()).toBe('reloaded');
    expect(workspace.centre.witnesses.map((w) => w.id)).toContain('wt-laptop');
  });

  it('merges a conflict copy of a sampling plan when the plans are listed', async () => {
    const { workspace } = await demoWorkspace(await tempDir());
    const store = samplingStore(workspace);
    const { plans } = await store.listPlans();
    const plan = plans[0]!;
    const name = `plan-${plan.id}.json`;
    const [first, ...rest] = plan.plan.samples;
    const moved = { ...first!, location: 'Remote, arranged on the laptop' };
    const copy = {
      ...plan,
      updatedAt: '2099-01-01T00:00:00.000Z',
      plan: { ...plan.plan, samples: [moved, ...rest] },
    };
    await writeFile(
      path.join(
        workspace.dir,
        'sampling',
        `plan-${plan.id}.sync-conflict-20261202-064501-NNKV7RA.json`,
      ),
      JSON.stringify(copy),
    );
    const fresh = samplingStore(await Workspace.open(workspace.dir));
    const listed = (await fresh.listPlans()).plans.find((p) => p.id === plan.id)!;
    expect(listed.plan.samples[0]!.location).toBe('Remote, arranged on the laptop');
    expect(listed.plan.samples).toHaveLength(plan.plan.samples.length);
    expect(listed.audit.at(-1)).toMatchObject({ action: 'merged sync conflict copy' });
    expect(await readdir(path.join(workspace.dir, 'sampling'))).toEqual(
      expect.not.arrayContaining([expect.stringContaining('sync-conflict')]),
    );
    expect(
      (await readdir(path.join(workspace.dir, 'sampling'))).filter((n) => n === name),
    ).toHaveLength(1);
  });

  it(
    'keeps every acknowledged save of two processes changing the centre and sampling files at the same time',
    async () => {
      const { workspace } = await demoWorkspace(await tempDir());
      const start = (tag: string, field: string) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', WRITER, workspace.dir, tag, '110', field],
          {
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        let out = '';
        let errors = '';
        child.stdout.on('data', (t: Buffer) => (out += t.toString()));
        child.stderr.on('data', (t: Buffer) => (errors += t.toString()));
        return new Promise<{ acks: string[]; errors: string; code: number | null }>((resolve) =>
          child.on('exit', (code) =>
            resolve({
              acks: out
                .split('\n')
                .filter((l) => l.startsWith('ack '))
                .map((l) => l.slice(4)),
              errors,
              code,
            }),
          ),
        );
      };
      // Each also changes a different field of the same learner, neither seeing the other's.
      const [a, b] = await Promise.all([
        start('a', 'employer=Harrogate District NHS'),
        start('b', 'workplace=Ward 12, St James'),
      ]);
      expect(a.errors + b.errors).toBe('');
      expect([a.code, b.code]).toEqual([0, 0]);
      expect(a.acks.length + b.acks.length).toBe(220);

      const reopened = await Workspace.open(workspace.dir);
      const store = samplingStore(reopened);
      const plan = (await store.listPlans()).plans[0]!;
      const saved = new Set([
        ...reopened.centre.witnesses.map((w) => w.id),
        ...plan.audit.map((e) => e.id),
      ]);
      expect([...a.acks, ...b.acks].filter((id) => !saved.has(id))).toEqual([]);
      expect(reopened.centre.learners[0]).toMatchObject({
        employer: 'Harrogate District NHS',
        workplace: 'Ward 12, St James',
      });
      expect(reopened.centreConflicts).toEqual([]);
      // The snapshots others read hold it all too, and no lock file was ever needed.
      await Workspace.flushAll();
      const onDisk = await readCentre(workspace.dir);
      expect(onDisk.witnesses.filter((w) => saved.has(w.id))).toHaveLength(
        reopened.centre.witnesses.length,
      );
      expect(onDisk.learners[0]!.workplace).toBe('Ward 12, St James');
      expect(await readdir(workspace.dir)).not.toContain('.centre.json.lock');
    },
    HANG_GUARD,
  );
});
