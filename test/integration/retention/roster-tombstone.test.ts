import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../../src-main/workspace/workspace';
import { useTempDirs } from '../../support/temp-dir';

const actor = { id: 'st-admin', role: 'admin' as const };
const NAME = 'Philippa Ashworth-Clegg';
const ULN = '1000000019';
const PSEUDONYM = 'Learner 9C1E';

/** Every file of the centre roster (not the portfolios) whose text holds one of `values`. */
async function holding(dir: string, values: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (path.relative(dir, file).startsWith('learners')) continue;
    const text = await readFile(file, 'utf8');
    for (const v of values) if (text.includes(v)) found.push(`${path.relative(dir, file)}: ${v}`);
  }
  return found;
}

/** Brings every centre change file of `from` that `to` lacks or holds less of, as a sync would. */
async function syncCentreChanges(from: string, to: string): Promise<string[]> {
  const brought: string[] = [];
  const src = path.join(from, 'centre-changes');
  for (const name of await readdir(src)) {
    const theirs = await readFile(path.join(src, name), 'utf8');
    const ours = await readFile(path.join(to, 'centre-changes', name), 'utf8').catch(() => '');
    if (theirs.length <= ours.length) continue;
    await cp(path.join(src, name), path.join(to, 'centre-changes', name));
    brought.push(name);
  }
  return brought;
}

describe("the centre roster keeps a learner's erasure", () => {
  const temp = useTempDirs();

  it('never lets a change from a computer with the older roster bring the real name back', async () => {
    const root = await temp();
    const dirA = path.join(root, 'a');
    const dirB = path.join(root, 'b');
    const made = await Workspace.create(dirA, { name: 'Tombstone Centre' }, actor, new Date());
    const learner = await made.addLearner(
      { name: NAME, uln: ULN, employer: 'Clegg Joinery', workplace: 'Otley', needs: 'Dyslexia' },
      actor,
      new Date(),
    );
    await made.flushCentre();
    // The laptop's copy of the workspace, made before the erasure.
    await cp(dirA, dirB, { recursive: true });

    const office = await Workspace.open(dirA);
    const laptop = await Workspace.open(dirB);
    await office.changeCentre((c) => ({
      centre: {
        ...c,
        learners: c.learners.map((l) => {
          if (l.id !== learner.id) return l;
          const { dateOfBirth: _dob, ...rest } = l;
          const erased = {
            pseudonym: PSEUDONYM,
            erasedAt: new Date().toISOString(),
            recordId: 'erasure-1',
          };
          return {
            ...rest,
            name: PSEUDONYM,
            uln: '',
            employer: '',
            workplace: '',
            needs: '',
            archived: true,
            erased,
          };
        }),
      },
      result: null,
    }));
    // Opened again, the office's own earlier lines (the learner as added) are rewritten.
    await office.reopenCentre();
    expect(await holding(path.join(dirA, 'centre-changes'), [NAME, ULN, 'Clegg Joinery'])).toEqual(
      [],
    );

    // Meanwhile the laptop, which had not seen the erasure, corrects the name and the employer,
    // several times, so its changes come later in the fold's order than the erasure.
    for (const n of [1, 2, 3]) {
      await laptop.updateLearner(
        learner.id,
        { name: `${NAME} ${n}`, employer: `Clegg Joinery ${n}` },
        actor,
        new Date(),
      );
    }
    expect(laptop.learner(learner.id).name).toBe(`${NAME} 3`);

    // Both ways: the laptop's change file reaches the office, the office's reach the laptop.
    expect(await syncCentreChanges(dirB, dirA)).not.toEqual([]);
    expect(await syncCentreChanges(dirA, dirB)).not.toEqual([]);
    for (const [side, dir] of [
      [office, dirA],
      [laptop, dirB],
    ] as const) {
      expect(await side.checkCentreOnDisk()).toBe('reloaded');
      const shown = side.learner(learner.id);
      expect(shown).toMatchObject({ name: PSEUDONYM, uln: '', employer: '', archived: true });
      expect(shown.erased?.pseudonym).toBe(PSEUDONYM);
      expect(side.centreConflicts).toEqual([]);
      await side.flushCentre();
      // Every copy on disk: the change files (the laptop's too), the snapshot.
      expect(await holding(dir, [NAME, ULN, 'Clegg Joinery'])).toEqual([]);
      const reopened = await Workspace.open(dir);
      expect(reopened.learner(learner.id).name).toBe(PSEUDONYM);
    }

    // The erased learner's details cannot be changed again, on either computer.
    await expect(
      laptop.updateLearner(learner.id, { name: NAME }, actor, new Date()),
    ).rejects.toThrow(/were erased under the centre's retention policy/);
  });

  it('scrubs a sync engine conflict copy of the roster that arrives after the erasure', async () => {
    const root = await temp();
    const dir = path.join(root, 'a');
    const made = await Workspace.create(dir, { name: 'Tombstone Centre' }, actor, new Date());
    const learner = await made.addLearner({ name: NAME, uln: ULN }, actor, new Date());
    await made.flushCentre();
    const older = await readFile(path.join(dir, 'centre.json'), 'utf8');
    const office = await Workspace.open(dir);
    await office.changeCentre((c) => ({
      centre: {
        ...c,
        learners: c.learners.map((l) =>
          l.id === learner.id
            ? {
                ...l,
                name: PSEUDONYM,
                uln: '',
                archived: true,
                erased: {
                  pseudonym: PSEUDONYM,
                  erasedAt: new Date().toISOString(),
                  recordId: 'erasure-1',
                },
              }
            : l,
        ),
      },
      result: null,
    }));
    await office.reopenCentre();
    const copy = 'centre.sync-conflict-20301202-064501-NNKV7RA.json';
    await writeFile(path.join(dir, copy), older);
    expect(await office.checkCentreOnDisk()).toBe('reloaded');
    expect(office.learner(learner.id).name).toBe(PSEUDONYM);
    expect(office.centreConflicts).toEqual([]);
    await office.flushCentre();
    expect(await holding(dir, [NAME, ULN])).toEqual([]);
  });
});
