import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { addEvidenceFile } from '../../src-main/evidence/evidence-store';
import { portfolioOnDisk } from '../support/portfolio-on-disk';
import { useTempDirs } from '../support/temp-dir';
import { demoWorkspace, tester, when } from '../support/demo-workspace';

const details = {
  title: 'Video of a practical demonstration',
  producedOn: '2026-11-20',
  method: 'practical demonstration' as const,
};

/** A stream of `chunks` pseudo-random chunks, optionally pausing so a test can cancel midway. */
function source(chunks: number, size = 64 * 1024): Readable {
  return Readable.from(
    (async function* () {
      for (let i = 0; i < chunks; i += 1) {
        yield Buffer.alloc(size, (i * 31) % 251);
        await new Promise((r) => setImmediate(r));
      }
    })(),
  );
}

describe('adding evidence files', () => {
  const tempDir = useTempDirs();

  it('copies the file under a readable name and records its SHA-256 and size', async () => {
    const { workspace, learnerId } = await demoWorkspace(await tempDir());
    const expected = createHash('sha256');
    for (let i = 0; i < 40; i += 1) expected.update(Buffer.alloc(64 * 1024, (i * 31) % 251));
    const progress: number[] = [];
    const evidence = await addEvidenceFile(
      workspace,
      learnerId,
      details,
      {
        originalName: 'C:\\Users\\amara\\Videos\\Demo FINAL.MP4',
        source: source(40),
        onProgress: (p) => progress.push(p.bytes),
      },
      tester,
      () => when,
    );
    const folder = await workspace.portfolioFolder(learnerId);
    expect(evidence.file).toEqual({
      path: 'evidence/2026-11-20-video-of-a-practical-demonstration.mp4',
      originalName: 'Demo FINAL.MP4',
      size: 40 * 64 * 1024,
      sha256: expected.digest('hex'),
      mediaType: 'video/mp4',
    });
    const onDisk = await readFile(path.join(folder, evidence.file!.path));
    expect(createHash('sha256').update(onDisk).digest('hex')).toBe(evidence.file!.sha256);
    expect(progress.at(-1)).toBe(40 * 64 * 1024);
    const saved = await portfolioOnDisk(folder, learnerId);
    expect(saved.evidence.at(-1)).toMatchObject({ id: evidence.id, updatedBy: tester.id });
    expect(saved.audit.at(-1)).toMatchObject({ action: 'added evidence', by: tester.id });
  });

  it('refuses the same file twice, by its hash, and leaves no copy behind', async () => {
    const { workspace, learnerId } = await demoWorkspace(await tempDir());
    const add = (title: string) =>
      addEvidenceFile(
        workspace,
        learnerId,
        { ...details, title },
        { originalName: 'clip.mp4', source: source(3) },
        tester,
        () => when,
      );
    await add('First copy');
    await expect(add('Second copy')).rejects.toThrow(
      'This file is already in the portfolio as "First copy"',
    );
    const files = await readdir(path.join(await workspace.portfolioFolder(learnerId), 'evidence'));
    expect(files.filter((f) => f.includes('copy'))).toEqual(['2026-11-20-first-copy.mp4']);
    expect(files.some((f) => f.startsWith('.incoming'))).toBe(false);
  });

  it('gives a second file with the same title its own name instead of replacing the first', async () => {
    const { workspace, learnerId } = await demoWorkspace(await tempDir());
    for (const chunks of [2, 3]) {
      await addEvidenceFile(
        workspace,
        learnerId,
        details,
        { originalName: 'a.mp4', source: source(chunks) },
        tester,
        () => when,
      );
    }
    const files = await readdir(path.join(await workspace.portfolioFolder(learnerId), 'evidence'));
    expect(files.filter((f) => f.includes('practical'))).toEqual([
      '2026-11-20-video-of-a-practical-demonstration-2.mp4',
      '2026-11-20-video-of-a-practical-demonstration.mp4',
    ]);
  });

  it('leaves no partial file and no record when the copy is cancelled', async () => {
    const { workspace, learnerId } = await demoWorkspace(await tempDir());
    const folder = await workspace.portfolioFolder(learnerId);
    const before = await readdir(path.join(folder, 'evidence'));
    const recordsBefore = (await workspace.portfolio(learnerId)).data.evidence.length;
    const controller = new AbortController();
    const adding = addEvidenceFile(
      workspace,
      learnerId,
      details,
      {
        originalName: 'long.mp4',
        source: source(5000),
        signal: controller.signal,
        onProgress: (p) => {
          if (p.bytes > 8 * 1024 * 1024) controller.abort();
        },
      },
      tester,
      () => when,
    );
    await expect(adding).rejects.toThrow('Adding the file was cancelled. Nothing was kept.');
    expect(await readdir(path.join(folder, 'evidence'))).toEqual(before);
    expect((await workspace.portfolio(learnerId)).data.evidence).toHaveLength(recordsBefore);
  });
});
