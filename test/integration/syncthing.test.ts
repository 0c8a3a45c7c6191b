import { DEMO_PASSPHRASE } from '../../src-main/demo/demo-identities';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src-main/api/dispatcher';
import { defaultResourcesDir } from '../../src-main/shared/paths';
import { Workbench } from '../../src-main/app/workbench';
import { createDemoCentre } from '../../src-main/demo/demo-centre';
import type { MarkingView } from '../../src-main/decision/decision-views';
import { samplingStore } from '../../src-main/sampling/sampling-store';
import { useTempDirs } from '../support/temp-dir';
import { syncedPair, until } from '../support/syncthing';

const UNIT = 'unit-j-508-4003';
// Two Syncthing instances, two workbenches and a real sync: slow on a loaded machine. The guard
// only catches a hang; every wait inside is on an event or a condition, never a fixed sleep.
const HANG_GUARD = 900_000;

async function workbenchOn(root: string, dir: string) {
  const wb = new Workbench(
    { userDataDir: path.join(root, 'user-data'), resourcesDir: defaultResourcesDir() },
    { kind: 'web' },
    () => new Date(),
    { watch: true },
  );
  await wb.boot({ workspace: dir });
  const dispatch = createDispatcher(wb);
  const priya = wb.workspace.centre.staff.find((s) => s.assessorStatus === 'qualified')!;
  await dispatch('session:set-user', {
    personId: priya.id,
    role: 'assessor',
    passphrase: DEMO_PASSPHRASE,
  });
  return { wb, dispatch };
}

describe('two computers synced by Syncthing', () => {
  const tempDir = useTempDirs();
  const started: { stop(): unknown }[] = [];
  afterEach(async () => {
    for (const s of started.splice(0)) await s.stop();
  });

  it(
    'shows every acknowledged decision on both sides after a pause, and the one true conflict',
    async () => {
      const root = await tempDir();
      const dirA = path.join(root, 'a', 'centre');
      const dirB = path.join(root, 'b', 'centre');
      const demo = await createDemoCentre(dirA, defaultResourcesDir(), new Date());
      await demo.portfolios.flush();
      await mkdir(dirB, { recursive: true });

      const [a, b] = await syncedPair(root, dirA, dirB, started);
      // The whole demo workspace reaches the second computer.
      await until(
        'first sync',
        async () =>
          (await a.inSyncWith(b)) &&
          (await b.inSyncWith(a)) &&
          (await a.localItems()) > 0 &&
          (await a.localItems()) === (await b.localItems()) &&
          (await stat(path.join(dirB, 'centre.json')).then(
            () => true,
            () => false,
          )),
      );

      const one = await workbenchOn(path.join(root, 'a'), dirA);
      const two = await workbenchOn(path.join(root, 'b'), dirB);
      started.push({ stop: () => one.wb.shutdown() }, { stop: () => two.wb.shutdown() });
      const amara = one.wb.workspace.centre.learners.find((l) => l.name === 'Amara Okafor')!.id;

      await a.setPaused(b, true);
      await b.setPaused(a, true);
      // Apart for real before anything is decided.
      await until(
        'the link paused',
        async () => !(await a.connectedTo(b)) && !(await b.connectedTo(a)),
      );
      const decide = async (
        side: typeof one,
        criterionRef: string,
        outcome: 'met' | 'not-yet-met',
        feedback: string,
      ) => {
        const answer = await side.dispatch('decision:record', {
          learnerId: amara,
          unitId: UNIT,
          criterionRef,
          partRef: null,
          outcome,
          feedback,
        });
        expect(answer).toMatchObject({ ok: true });
        return (answer as { data: { id: string } }).data.id;
      };
      const acknowledged = [
        await decide(one, '1.1', 'not-yet-met', 'Office: needs a second example.'),
        await decide(one, '3.1', 'not-yet-met', 'Office: 3.1 feedback.'),
        await decide(two, '1.1', 'met', 'Laptop: seen again at work.'),
        await decide(two, '4.1', 'not-yet-met', 'Laptop: 4.1 feedback.'),
      ];
      // The centre and sampling files change on both sides too: one learner's employer at the
      // office and their workplace on the laptop; a review saved at the office while the plan
      // is edited on the laptop.
      const admin = { id: 'st-admin', role: 'admin' as const };
      await one.wb.workspace.updateLearner(
        amara,
        { employer: 'Office: Leeds NHS' },
        admin,
        new Date(),
      );
      await two.wb.workspace.updateLearner(
        amara,
        { workplace: 'Laptop: Ward 12' },
        admin,
        new Date(),
      );
      const storeOne = samplingStore(one.wb.workspace);
      const storeTwo = samplingStore(two.wb.workspace);
      const planId = (await storeOne.listPlans()).plans[0]!.id;
      const reviewed = (await storeOne.readReviews(planId))[0]!;
      await (
        await storeOne.reviews(planId)
      ).update((f) => ({
        ...f,
        reviews: f.reviews.map((r) =>
          r.id === reviewed.id ? { ...r, feedbackToAssessor: 'Office: clear feedback.' } : r,
        ),
      }));
      const moved = (await storeTwo.plan(planId)).data.plan.samples[0]!.id;
      await (
        await storeTwo.plan(planId)
      ).update((f) => ({
        ...f,
        plan: {
          ...f.plan,
          samples: f.plan.samples.map((x) =>
            x.id === moved ? { ...x, location: 'Laptop: remote' } : x,
          ),
        },
      }));
      await a.setPaused(b, false);
      await b.setPaused(a, false);

      const view = async (side: typeof one) => {
        const answer = await side.dispatch('decision:workspace', {
          learnerId: amara,
          unitId: UNIT,
        });
        return (answer as { data: MarkingView }).data;
      };
      for (const side of [one, two]) {
        await until('both sides folded every decision', async () => {
          const doc = await side.wb.workspace.portfolio(amara);
          const ids = new Set(doc.data.decisions.map((d) => d.id));
          return acknowledged.every((id) => ids.has(id));
        });
        const shown = await view(side);
        expect(shown.conflicts).toHaveLength(1);
        expect(shown.conflicts[0]).toMatchObject({ kind: 'decision', target: '1.1' });
        expect(shown.conflicts[0]!.sides.map((s) => s.summary).sort()).toEqual([
          expect.stringContaining('Laptop: seen again at work.'),
          expect.stringContaining('Office: needs a second example.'),
        ]);
        const feedback = (ref: string) =>
          shown.targets.find((t) => t.criterionRef === ref)!.feedback;
        expect(feedback('3.1')).toBe('Office: 3.1 feedback.');
        expect(feedback('4.1')).toBe('Laptop: 4.1 feedback.');

        await until('both sides folded every centre and sampling change', async () => {
          const learner = side.wb.workspace.learner(amara);
          const store = samplingStore(side.wb.workspace);
          const review = (await store.readReviews(planId)).find((r) => r.id === reviewed.id);
          const sample = (await store.plan(planId)).data.plan.samples.find((x) => x.id === moved);
          return (
            learner.employer === 'Office: Leeds NHS' &&
            learner.workplace === 'Laptop: Ward 12' &&
            review?.feedbackToAssessor === 'Office: clear feedback.' &&
            sample?.location === 'Laptop: remote'
          );
        });
        expect(side.wb.workspace.centreConflicts).toEqual([]);
        expect(await samplingStore(side.wb.workspace).conflicts()).toEqual([]);
      }
    },
    HANG_GUARD,
  );
});
