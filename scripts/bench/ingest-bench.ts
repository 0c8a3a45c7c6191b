import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { addEvidenceFile } from '../../src-main/evidence/evidence-store';
import { mapLimit } from '../../src-main/shared/map-limit';
import type { Actor } from '../../src-main/shared/record';
import { Workspace } from '../../src-main/workspace/workspace';
import { mb, median, ms, run, timed } from './timing';

const actor: Actor = { id: 'bench', role: 'system' };

/** Mixed sizes, as a portfolio really has: many photos and documents, a few long videos. */
async function makeFiles(dir: string, totalBytes: number): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const sizes = [64 * 1024, 512 * 1024, 2 * 1024 * 1024, 16 * 1024 * 1024, 96 * 1024 * 1024];
  const block = randomBytes(1024 * 1024);
  const names: string[] = [];
  let written = 0;
  for (let i = 0; written < totalBytes; i += 1) {
    const size = Math.min(sizes[i % sizes.length]!, totalBytes - written);
    const name = `file-${String(i).padStart(4, '0')}.bin`;
    const data = Buffer.alloc(size);
    for (let at = 0; at < size; at += block.length) block.copy(data, at);
    data.writeUInt32LE(i, 0); // every file differs, so none is a duplicate
    await writeFile(path.join(dir, name), data);
    names.push(name);
    written += size;
  }
  return names;
}

export async function ingestBench(root: string, totalBytes: number) {
  const source = path.join(root, 'source');
  const names = await makeFiles(source, totalBytes);
  const bytes = (await Promise.all(names.map((n) => stat(path.join(source, n))))).reduce(
    (sum, s) => sum + s.size,
    0,
  );

  const baseline: number[] = [];
  const ours: number[] = [];
  for (let round = 0; round < 3; round += 1) {
    const copies = path.join(root, `cp-${round}`);
    await mkdir(copies);
    // Each side starts with nothing waiting to be written: cp leaves its copies in the page
    // cache, and their write-back must not land inside the next measurement.
    await run('sync', []);
    baseline.push(
      await timed(async () => {
        await run('cp', [...names.map((n) => path.join(source, n)), copies]);
        await run('sha256sum', names, copies);
      }),
    );
    await rm(copies, { recursive: true, force: true });

    const workspace = await Workspace.create(
      path.join(root, `ws-${round}`),
      { name: 'Bench' },
      actor,
      new Date(),
    );
    const learner = await workspace.addLearner(
      { name: 'Bench Learner', uln: '1000000019' },
      actor,
      new Date(),
    );
    await run('sync', []);
    ours.push(
      await timed(async () => {
        // Two at a time, as the screen sends a dropped batch: one file's flush to disk
        // overlaps the next file's copy.
        await mapLimit([...names.entries()], 2, async ([i, name]) => {
          await addEvidenceFile(
            workspace,
            learner.id,
            { title: `Item ${i}`, producedOn: '2026-11-24', method: 'product evidence' },
            {
              originalName: name,
              source: { file: path.join(source, name) },
            },
            actor,
            () => new Date(),
          );
        });
      }),
    );
    const folder = await workspace.portfolioFolder(learner.id);
    const stored = (await readdir(path.join(folder, 'evidence'))).length;
    if (stored !== names.length) throw new Error(`expected ${names.length} files, found ${stored}`);
    await rm(path.join(root, `ws-${round}`), { recursive: true, force: true });
  }
  await rm(source, { recursive: true, force: true });
  const ratio = median(ours) / median(baseline);
  return {
    text: [
      `Ingest of ${names.length} files, ${mb(bytes)} (copy + SHA-256 in one pass, each file flushed to disk, two at a time):`,
      `  workbench ingest      ${ms(median(ours))}   (runs: ${ours.map(ms).join(', ')})`,
      `  cp then sha256sum     ${ms(median(baseline))}   (runs: ${baseline.map(ms).join(', ')})`,
      `  ratio                 ${ratio.toFixed(2)}   (target ≤ 1.00) ${ratio <= 1 ? 'met' : 'NOT met'}`,
    ].join('\n'),
    ratio,
  };
}
