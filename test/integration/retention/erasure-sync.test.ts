import { copyFile, mkdir, readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src-main/app/workbench';
import { createDemoCentre } from '../../../src-main/demo/demo-centre';
import { DEMO_PASSPHRASE } from '../../../src-main/demo/demo-identities';
import { erasedPortfolioFolder } from '../../../src-main/centre/portfolio-folder';
import { checkRecordFile } from '../../../src-main/record/issue/check-record-file';
import { issueRecord } from '../../../src-main/record/issue/issue-record';
import { signerFor } from '../../../src-main/record/identity-store/signers';
import { checkPortfolioProofs } from '../../../src-main/record/verify/verify-portfolio';
import { eraseLearner } from '../../../src-main/retention/erase';
import { defaultResourcesDir } from '../../../src-main/shared/paths';
import { safeName } from '../../../src-main/storage/safe-name';
import { stagingFolder } from '../../../src-main/storage/staging';
import { openIdentity } from '../../../src-main/record/identity-store/identity-store';
import { writeVisitPack } from '../../../src-main/visit-pack/write-pack';
import type { Workspace } from '../../../src-main/workspace/workspace';
import { decideOn } from '../../support/decide-on';
import { syncedPair, until } from '../../support/syncthing';
import { useTempDirs } from '../../support/temp-dir';

const UNIT = 'unit-j-508-4003';
// Two Syncthing instances, two workbenches and a real sync: slow on a loaded machine. The guard
// only catches a hang; every wait inside is on Syncthing's REST API or a file's state.
const HANG_GUARD = Number(process.env.ERASURE_SYNC_HANG_GUARD ?? 900_000);
const admin = { id: 'st-admin', role: 'admin' as const };

/**
 * Every file of a workspace with any of `values` it holds. Syncthing's own folder and its
 * unfinished downloads (`.syncthing.*.tmp`, of a conflict copy the other computer merged and
 * moved aside before it arrived) are left out: Syncthing deletes those itself.
 */
async function holding(dir: string, values: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.parentPath.includes('.stfolder')) continue;
    if (entry.name.startsWith('.syncthing.') && entry.name.endsWith('.tmp')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = await readFile(file, 'utf8').catch(() => '');
    for (const v of values) if (text.includes(v)) found.push(`${path.relative(dir, file)}: ${v}`);
  }
  return found;
}

/**
 * Every path of a workspace that carries the learner's name as the workbench writes it in file
 * names (their portfolio's folder too: it moves to one named by the pseudonym).
 */
async function pathsNaming(dir: string, slug: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true }))
    .map((rel) => rel.split(path.sep).join('/'))
    .filter((rel) => rel.includes(slug));
}

/** The learner's folders under learners/ (every portfolio folder's name ends with the id). */
async function foldersOf(dir: string, learnerId: string): Promise<string[]> {
  const names = await readdir(path.join(dir, 'learners')).catch(() => []);
  return names.filter((n) => n.endsWith(learnerId.slice(3))).map((n) => `learners/${n}`);
}

/** Sync engines' conflict copies not yet merged, anywhere in the workspace. */
async function unmergedCopies(dir: string): Promise<string[]> {
  return (await readdir(dir, { withFileTypes: true, recursive: true }))
    .filter((e) => e.isFile() && e.name.includes('.sync-conflict-') && !e.name.startsWith('.'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .filter((rel) => !rel.split(path.sep).includes('merged-conflict-copies'));
}

const iqa = (workspace: Workspace) => workspace.centre.staff.find((s) => s.roles.includes('iqa'))!;

async function workbenchOn(root: string, dir: string): Promise<Workbench> {
  const wb = new Workbench(
    { userDataDir: path.join(root, 'user-data'), resourcesDir: defaultResourcesDir() },
    { kind: 'web' },
    () => new Date(),
    { watch: true },
  );
  await wb.boot({ workspace: dir });
  return wb;
}

async function evidenceNote(
  workspace: Workspace,
  learnerId: string,
  evidenceId: string,
  note: string,
) {
  const doc = await workspace.portfolio(learnerId);
  await doc.update((p) => ({
    ...p,
    evidence: p.evidence.map((e) => (e.id === evidenceId ? { ...e, notes: note } : e)),
  }));
}

describe('an erasure synced by Syncthing to a computer holding an older copy', () => {
  const tempDir = useTempDirs();
  const started: { stop(): unknown }[] = [];
  afterEach(async () => {
    for (const s of started.splice(0).reverse()) await s.stop();
  });

  it(
    'leaves no erased file or personal value on either computer, and records still verify',
    async () => {
      // Each wait gives up a little before the hang guard, saying what it last saw.
      const giveUpAt = Date.now() + HANG_GUARD - 20_000;
      const root = await tempDir();
      const dirA = path.join(root, 'a', 'centre');
      const dirB = path.join(root, 'b', 'centre');
      const demo = await createDemoCentre(dirA, defaultResourcesDir(), new Date());
      const learner = demo.centre.learners.find((l) => l.name.startsWith('Nguy'))!;
      const doc = await demo.portfolio(learner.id);
      const assessorId = doc.data.registrations.find((r) => r.unitId === UNIT)!.assessorId;
      const assessor = demo.centre.staff.find((s) => s.id === assessorId)!;
      const source = { passphrase: DEMO_PASSPHRASE, userDataDir: root };
      const issued = await issueRecord(
        demo,
        {
          learnerId: learner.id,
          kind: 'unit-record',
          unit: UNIT,
          format: 'pdf',
          signer: await signerFor(demo, assessor, 'assessor', source),
        },
        admin,
        new Date(),
      );
      // The office's copy of an EQA visit pack that sampled the learner, their zip beside it.
      const iqaIdentity = await openIdentity(
        demo.dir,
        iqa(demo).id,
        iqa(demo).name,
        DEMO_PASSPHRASE,
      );
      await writeVisitPack(demo, {
        out: path.join(dirA, 'visits', 'erasure-sync-pack'),
        samples: [{ learner: learner.id, unit: UNIT }],
        identity: iqaIdentity,
        actor: { id: iqa(demo).id, role: 'iqa' },
        madeBy: iqa(demo).name,
        now: new Date(),
        zip: true,
        thirdParty: 'include',
      });
      await demo.portfolios.flush();
      await demo.flushCentre();
      const slug = safeName(learner.name);
      const before = doc.data;
      const files = before.evidence.filter((e) => e.file);
      expect(files.length).toBeGreaterThan(0);
      // Who the learner is, and what the laptop wrote about them, must go from the whole
      // workspace; the evidence's own names from the learner's folder (other demo learners have
      // evidence of the same names).
      const personal = [
        learner.name,
        learner.uln,
        'Laptop note before the pause',
        'Laptop note while apart',
        'Laptop: Harrogate NHS',
      ];
      const ownDetails = [...files.map((e) => e.file!.originalName), ...files.map((e) => e.title)];
      await mkdir(dirB, { recursive: true });

      const [a, b] = await syncedPair(root, dirA, dirB, started);
      const inSync = async () =>
        (await a.inSyncWith(b)) &&
        (await b.inSyncWith(a)) &&
        (await a.localItems()) === (await b.localItems());
      await until(
        'first sync',
        async () =>
          (await inSync()) &&
          (await stat(path.join(dirB, learner.portfolio, 'changes')).then(
            () => true,
            () => false,
          )),
        giveUpAt,
      );

      const office = await workbenchOn(path.join(root, 'a'), dirA);
      const laptop = await workbenchOn(path.join(root, 'b'), dirB);
      started.push({ stop: () => office.shutdown() }, { stop: () => laptop.shutdown() });
      const item = files[0]!;
      // The laptop has written about the learner before the two are apart: its own change
      // files, which the office will have to scrub, are on both computers.
      await evidenceNote(laptop.workspace, learner.id, item.id, 'Laptop note before the pause');
      await laptop.workspace.updateLearner(
        learner.id,
        { cohort: 'Laptop cohort' },
        admin,
        new Date(),
      );
      await until(
        'the office sees the laptop’s changes',
        async () => {
          const seen = await office.workspace.portfolio(learner.id);
          await seen.checkDisk();
          return (
            seen.data.evidence.find((e) => e.id === item.id)?.notes ===
              'Laptop note before the pause' &&
            office.workspace.learner(learner.id).cohort === 'Laptop cohort' &&
            (await inSync())
          );
        },
        giveUpAt,
      );

      await a.setPaused(b, true);
      await b.setPaused(a, true);
      await until(
        'apart',
        async () => !(await a.connectedTo(b)) && !(await b.connectedTo(a)),
        giveUpAt,
      );

      // Apart, the laptop goes on with its older copy: a note on the evidence, the learner's
      // employer, and an upload of one of the evidence files waiting in its staging folder.
      await evidenceNote(laptop.workspace, learner.id, item.id, 'Laptop note while apart');
      await laptop.workspace.updateLearner(
        learner.id,
        { employer: 'Laptop: Harrogate NHS' },
        admin,
        new Date(),
      );
      const staged = path.join(stagingFolder(dirB), '.held-laptop', 'upload.bin');
      await mkdir(path.dirname(staged), { recursive: true });
      await copyFile(path.join(dirB, learner.portfolio, item.file!.path), staged);

      // The office erases the learner, signed by the IQA.
      const erasing = iqa(office.workspace);
      const erased = await eraseLearner(
        office.workspace,
        { learnerId: learner.id, reason: 'The learner asked', scope: 'learner', onRequest: true },
        erasing,
        await signerFor(office.workspace, erasing, 'iqa', source),
        { id: erasing.id, role: 'iqa' },
        new Date(),
      );
      const moved = erasedPortfolioFolder(learner.id, erased.pseudonym);
      expect(await foldersOf(dirA, learner.id)).toEqual([moved]);
      // Still apart, an assessor on the laptop decides on the learner, in the old folder.
      const decided = 'Decided on the laptop after the office erased';
      const decisionId = await decideOn(laptop.workspace, learner, decided);
      expect(await foldersOf(dirB, learner.id)).toEqual([learner.portfolio]);

      await a.setPaused(b, false);
      await b.setPaused(a, false);
      const sides = [
        { name: 'office', wb: office, dir: dirA },
        { name: 'laptop', wb: laptop, dir: dirB },
      ];
      await until(
        'the erasure reached every copy on both computers',
        async (look) => {
          if (!(await inSync())) {
            return look.not(
              `not in sync. office: ${await a.syncState(b)}; laptop: ${await b.syncState(a)}`,
            );
          }
          for (const side of sides) {
            const p = await side.wb.workspace.portfolio(learner.id);
            await p.checkDisk();
            await side.wb.workspace.checkCentreOnDisk();
            const on = `on the ${side.name}`;
            if (!p.data.erasures.length) return look.not(`${on}, no erasure in the portfolio`);
            const name = side.wb.workspace.learner(learner.id).name;
            if (name !== erased.pseudonym) return look.not(`${on}, the roster says ${name}`);
            const folders = await foldersOf(side.dir, learner.id);
            if (folders.join() !== moved) return look.not(`${on}, folders: ${folders.join(', ')}`);
            if (!p.data.decisions.some((d) => d.id === decisionId))
              return look.not(`${on}, the laptop's decision is not in the portfolio`);
            const unmerged = await unmergedCopies(side.dir);
            if (unmerged.length) return look.not(`${on}, unmerged copies: ${unmerged.join(', ')}`);
            const held = await holding(side.dir, personal);
            if (held.length) return look.not(`${on}, personal values: ${held.join('; ')}`);
            const folder = path.join(side.dir, moved);
            const own = await holding(folder, ownDetails);
            if (own.length) return look.not(`${on}, the evidence's details: ${own.join('; ')}`);
            const named = await pathsNaming(side.dir, slug);
            if (named.length)
              return look.not(`${on}, paths naming the learner: ${named.join(', ')}`);
          }
          if (
            await stat(staged).then(
              () => true,
              () => false,
            )
          )
            return look.not('the laptop’s held upload is still in its staging folder');
          return inSync();
        },
        giveUpAt,
      );

      for (const side of sides) {
        const workspace = side.wb.workspace;
        expect(await holding(side.dir, personal), side.name).toEqual([]);
        expect(await pathsNaming(side.dir, slug), side.name).toEqual([]);
        expect(await foldersOf(side.dir, learner.id), side.name).toEqual([moved]);
        expect(await holding(path.join(side.dir, moved), ownDetails)).toEqual([]);
        // No evidence file (an empty evidence folder may or may not have followed the move).
        expect(await readdir(path.join(side.dir, moved, 'evidence')).catch(() => [])).toEqual([]);
        const stagedHere = path.join(side.dir, path.relative(dirB, staged));
        expect(
          await stat(stagedHere).then(
            () => 'still there',
            () => 'gone',
          ),
        ).toBe('gone');
        const roster = workspace.learner(learner.id);
        expect(roster).toMatchObject({
          name: erased.pseudonym,
          uln: '',
          employer: '',
          portfolio: moved,
        });
        expect(workspace.centreConflicts).toEqual([]);
        const p = (await workspace.portfolio(learner.id)).data;
        expect(p.decisions.filter((d) => d.id !== decisionId)).toEqual(before.decisions);
        expect(p.decisions.find((d) => d.id === decisionId)?.feedback, side.name).toBe(decided);
        expect(p.signOffs).toEqual(before.signOffs);
        expect(p.issuedRecords.map((r) => r.sha256)).toEqual(
          before.issuedRecords.map((r) => r.sha256),
        );
        expect(p.evidence.find((e) => e.id === item.id)?.notes).toBe('');
        expect((await checkPortfolioProofs(workspace, roster)).problems ?? []).toEqual([]);
        const record = await checkRecordFile(issued.bytes, 'record.pdf', workspace);
        expect(record.problems, side.name).toEqual([]);
        const erasure = await checkRecordFile(
          await readFile(path.join(side.dir, erased.recordFile)),
          'erasure.pdf',
          workspace,
        );
        expect(erasure.problems, side.name).toEqual([]);
        expect(erasure.signatures[0]?.signerName).toBe(erasing.name);
      }
    },
    HANG_GUARD,
  );
});
