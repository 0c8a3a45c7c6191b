import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Actor } from '../../src-main/shared/record';
import { filesUnder } from '../../src-main/visit-pack/pack-manifest';
import { writeVisitPack } from '../../src-main/visit-pack/write-pack';
import { mb, median, ms, run, timed } from './timing';
import { packCentre } from './visit-pack-centre';

const actor: Actor = { id: 'st-bench', role: 'iqa' };
const ROUNDS = 5;

/** Every byte under `dir`: what the baseline copied, checked to be all of the evidence. */
async function bytesUnder(dir: string): Promise<number> {
  let total = 0;
  for (const file of await filesUnder(dir)) total += (await stat(path.join(dir, file))).size;
  return total;
}

/**
 * A visit pack of 20 learners with 50 MB of evidence (photos, PDFs, Word documents, screenshots,
 * mapped to the unit), against copying the same evidence folders with `cp -r` and hashing every
 * copied file with `sha256sum`. Each learner's folder keeps its own name in the copy (the
 * evidence folders are all called `evidence`: copied side by side they would overwrite each
 * other and leave the hashing a twentieth of the bytes). The two alternate, in turn first, and
 * each starts with the disk's writes flushed; the medians are compared.
 */
export async function visitPackBench(
  root: string,
  learnerCount = 20,
  totalBytes = 50 * 1024 * 1024,
) {
  const centre = await packCentre(root, learnerCount, totalBytes);
  const pack = (out: string) =>
    writeVisitPack(centre.workspace, {
      out,
      samples: centre.samples,
      identity: centre.identity,
      actor,
      madeBy: centre.iqaName,
      now: new Date(),
    });
  const learnersDir = path.dirname(path.dirname(centre.evidenceFolders[0]!));
  const evidence = centre.evidenceFolders.map((f) => path.relative(learnersDir, f));
  const ours: number[] = [];
  const baseline: number[] = [];
  let copied = 0;
  const measureOurs = async (round: number) => {
    const out = path.join(root, `pack-${round + 1}`);
    await run('sync', []);
    ours.push(await timed(() => pack(out)));
    await rm(out, { recursive: true, force: true });
    await rm(`${out}.zip`, { force: true });
  };
  const measureBaseline = async (round: number) => {
    const copy = path.join(root, `pack-cp-${round + 1}`);
    await mkdir(copy);
    await run('sync', []);
    baseline.push(
      await timed(async () => {
        await run('cp', ['-r', '--parents', ...evidence, copy], learnersDir);
        await run('sh', ['-c', 'find . -type f -print0 | xargs -0 sha256sum > /dev/null'], copy);
      }),
    );
    copied = await bytesUnder(copy);
    await rm(copy, { recursive: true, force: true });
  };
  // Once each unmeasured, so both start with their programs and the evidence read before.
  await measureOurs(-1);
  await measureBaseline(-1);
  ours.length = 0;
  baseline.length = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    const [first, second] =
      round % 2 ? [measureOurs, measureBaseline] : [measureBaseline, measureOurs];
    await first(round);
    await second(round);
  }
  const ratio = median(ours) / median(baseline);
  return {
    text: [
      `EQA visit pack of ${learnerCount} learners, ${mb(copied)} of evidence (copy, hash, records, index.html, signed manifest and .zip):`,
      `  workbench eqa-pack       ${ms(median(ours))}   (runs: ${ours.map(ms).join(', ')})`,
      `  cp -r then sha256sum     ${ms(median(baseline))}   (runs: ${baseline.map(ms).join(', ')})`,
      `  ratio                    ${ratio.toFixed(2)}   (target ≤ 1.50) ${ratio <= 1.5 ? 'met' : 'NOT met'}`,
    ].join('\n'),
    ratio,
  };
}
