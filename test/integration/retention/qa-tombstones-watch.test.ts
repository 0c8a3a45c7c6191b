import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src-main/api/dispatcher';
import { Workbench } from '../../../src-main/app/workbench';
import { competenceStore } from '../../../src-main/competence/competence-store';
import { makeDemoCentre } from '../../../src-main/demo/make-demo';
import { DEMO_PASSPHRASE } from '../../../src-main/demo/demo-identities';
import { signerFor } from '../../../src-main/record/identity-store/signers';
import { eraseLearner } from '../../../src-main/retention/erase';
import { listVisits, visitDoc } from '../../../src-main/visit-pack/visit-store';
import { defaultResourcesDir } from '../../../src-main/shared/paths';
import { Workspace } from '../../../src-main/workspace/workspace';
import { useTempDirs } from '../../support/temp-dir';
import { waitFor } from '../../support/wait-for';

/** The files under `dir` whose text holds one of `values`. */
async function holding(dir: string, values: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.jsonl?$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (/-pack[/\\]/.test(path.relative(dir, file))) continue;
    const text = await readFile(file, 'utf8');
    for (const v of values) if (text.includes(v)) found.push(`${path.relative(dir, file)}: ${v}`);
  }
  return found;
}

describe('an older QA file arriving after an erasure, while the workbench runs', () => {
  const temp = useTempDirs();
  let open: Workbench | null = null;
  afterEach(async () => {
    await open?.shutdown();
    open = null;
  });

  it('is scrubbed on disk as the watcher notices it, visit records and standardisation alike', async () => {
    const root = await temp();
    const weighed: string[] = [];
    const userDataDir = path.join(root, 'user-data');
    const workbench = (open = new Workbench(
      { userDataDir, resourcesDir: defaultResourcesDir() },
      { kind: 'web' },
      () => new Date('2030-06-01T09:00:00Z'),
      { watch: true, demo: makeDemoCentre, onWatched: (file) => weighed.push(file) },
    ));
    await workbench.boot();
    const office = workbench.workspace;
    const [visit] = (await listVisits(office)).visits;
    const learner = office.learner(visit!.samples[0]!.learnerId);
    const [meeting] = (await competenceStore(office).listMeetings()).meetings;

    // The laptop's copy, made before the erasure; it names the learner in both QA files.
    const laptopDir = path.join(root, 'laptop');
    await office.flushCentre();
    await cp(office.dir, laptopDir, { recursive: true });
    const laptop = await Workspace.open(laptopDir);
    const laptopVisit = await visitDoc(laptop, visit!.id);
    await laptopVisit.update((v) => ({
      ...v,
      samples: v.samples.map((s) =>
        s.learnerId === learner.id ? { ...s, learner: `${learner.name} (${learner.uln})` } : s,
      ),
    }));
    await competenceStore(laptop).changeMeeting(meeting!.id, (m) => ({
      ...m,
      sample: { ...m.sample, learnerId: learner.id, description: `${learner.name}'s work` },
    }));

    const iqa = office.centre.staff.find((s) => s.roles.includes('iqa'))!;
    const signer = await signerFor(office, iqa, 'iqa', {
      passphrase: DEMO_PASSPHRASE,
      userDataDir,
    });
    await eraseLearner(
      office,
      { learnerId: learner.id, reason: 'The learner asked', scope: 'learner', onRequest: true },
      iqa,
      signer,
      { id: iqa.id, role: 'iqa' },
      new Date('2030-06-01T09:00:00Z'),
    );
    const who = [learner.name, learner.uln];
    expect(await holding(path.join(office.dir, 'visits'), who)).toEqual([]);

    // A sync engine brings the laptop's change files: nothing in the workbench reads them.
    const arrived: string[] = [];
    for (const changes of [
      `visits/${visit!.id}/visit-changes`,
      `standardisation/${meeting!.id}-changes`,
    ]) {
      for (const name of await readdir(path.join(laptopDir, changes))) {
        const theirs = await readFile(path.join(laptopDir, changes, name), 'utf8');
        const target = path.join(office.dir, changes, name);
        const ours = await readFile(target, 'utf8').catch(() => '');
        if (theirs.length <= ours.length) continue;
        await writeFile(target, theirs);
        arrived.push(target);
      }
    }
    expect(arrived).toHaveLength(2);
    await waitFor(() => arrived.every((file) => weighed.includes(file)));
    for (const folder of ['visits', 'standardisation']) {
      expect(await holding(path.join(office.dir, folder), who)).toEqual([]);
    }
    // What the screens are given.
    const dispatch = createDispatcher(workbench);
    for (const operation of ['visit:list', 'standardisation:list'] as const) {
      const shown = await dispatch(operation, {});
      expect(shown.ok).toBe(true);
      for (const v of who) expect(JSON.stringify(shown)).not.toContain(v);
    }
  }, 300_000);
});
