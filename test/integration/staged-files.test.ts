import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src-main/api/dispatcher';
import type { JobView, StagedFile } from '../../src-main/evidence/evidence-views';
import { StagedFiles } from '../../src-main/evidence/staged-files';
import { HELD_UPLOAD_LIFETIME_MS } from '../../src-main/storage/leftovers';
import { stagingFolder } from '../../src-main/storage/staging';
import { Workspace } from '../../src-main/workspace/workspace';
import { useTempDirs } from '../support/temp-dir';
import { until } from '../support/wait-for';
import { bootWorkbench } from '../support/workbench';

const details = { title: 'Rota notes', producedOn: '2026-11-21', method: 'product evidence' };

describe('files staged for an operation', () => {
  const tempDir = useTempDirs();

  it('adds a file chosen in the desktop app through the same staging and operation', async () => {
    const root = await tempDir();
    const chosen = path.join(root, 'rota notes.txt');
    await writeFile(chosen, 'Covered the late shift.\n');
    const workbench = await bootWorkbench(root, {
      host: { kind: 'electron', chooseFiles: async () => [chosen, path.join(root, 'gone.txt')] },
    });
    const dispatch = createDispatcher(workbench);
    const learner = workbench.workspace.centre.learners[1]!;
    const answer = await dispatch('evidence:choose-files', {});
    if (!answer.ok) throw new Error(answer.error.message);
    const picked = { data: answer.data as StagedFile[] };
    // A file that is not there is left out; the screen gets an id, never the path.
    expect(picked.data).toEqual([
      { stagedId: expect.stringMatching(/^staged-/), name: 'rota notes.txt', size: 24 },
    ]);
    expect(JSON.stringify(picked.data)).not.toContain(root);
    const stagedId = picked.data[0]!.stagedId;
    const started = await dispatch('evidence:add-staged', {
      learnerId: learner.id,
      stagedId,
      details,
    });
    if (!started.ok) throw new Error(started.error.message);
    const { jobId } = started.data as { jobId: string };
    const job = await until(async () => {
      const seen = await dispatch('evidence:job', { jobId });
      const view = seen.ok ? (seen.data as JobView) : null;
      return view && view.state !== 'running' ? view : null;
    });
    expect(job.state).toBe('done');
    const saved = (await workbench.workspace.portfolio(learner.id)).data.evidence.find(
      (e) => e.id === job.evidenceId,
    )!;
    const folder = await workbench.workspace.portfolioFolder(learner.id);
    expect(await readFile(path.join(folder, saved.file!.path), 'utf8')).toBe(
      'Covered the late shift.\n',
    );
    // The person's own file stays where it was; the id is spent.
    expect(await readFile(chosen, 'utf8')).toBe('Covered the late shift.\n');
    const again = await dispatch('evidence:add-staged', {
      learnerId: learner.id,
      stagedId,
      details,
    });
    expect(again.ok).toBe(false);
  });

  it('lets an unused staged copy expire, and the next opening of the workspace removes it', async () => {
    const root = await tempDir();
    const workbench = await bootWorkbench(root);
    const dir = workbench.workspace.dir;
    let now = Date.now();
    const staged = new StagedFiles(() => now);
    const kept = await staged.receive(dir, Readable.from([Buffer.from('a photo')]), 'photo.jpg');
    const waiting = await readdir(stagingFolder(dir));
    expect(waiting).toEqual([`.held-${kept.stagedId}`]);
    expect(await readdir(path.join(stagingFolder(dir), waiting[0]!))).toEqual(['photo.jpg']);

    now += HELD_UPLOAD_LIFETIME_MS + 1;
    expect(() => staged.take(kept.stagedId)).toThrow(/no longer waiting/);
    await until(async () => (await readdir(stagingFolder(dir))).length === 0);

    // One left by a process that ended before using it goes when the workspace is next opened.
    const orphan = path.join(stagingFolder(dir), '.held-staged-0123456789abcdef01234567');
    await mkdir(orphan);
    await writeFile(path.join(orphan, 'form.pdf'), 'x');
    const old = new Date(Date.now() - HELD_UPLOAD_LIFETIME_MS - 60_000);
    await utimes(orphan, old, old);
    await Workspace.open(dir);
    expect(await readdir(stagingFolder(dir))).toEqual([]);
  });
});
