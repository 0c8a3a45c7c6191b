import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { main } from '../../src-main/cli/main';
import { DEMO_PASSPHRASE } from '../../src-main/demo/demo-identities';
import { isCompleteReview } from '../../src-main/sampling/review-schema';
import { samplingStore } from '../../src-main/sampling/sampling-store';
import { Workspace } from '../../src-main/workspace/workspace';

/** Runs under vitest and Playwright alike, so it asserts without either's expect. */
function must(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

export interface DemoVisit {
  dir: string;
  passphraseFile: string;
  iqaIdentity: string;
  /** Two reviewed samples' learners and units: the visit's sample. */
  chosen: { learnerId: string; name: string; uln: string; unitId: string }[];
  /** Every learner not in the sample. */
  others: { name: string; uln: string }[];
}

/**
 * The demo centre with one assessor-signed unit record issued, and a visit sample of two
 * learners whose units the IQA reviewed; everyone else is outside the sample.
 */
export async function demoVisit(root: string): Promise<DemoVisit> {
  const dir = path.join(root, 'centre');
  must((await main(['demo', dir], capture().io)) === 0, 'the demo centre could not be written');
  const passphraseFile = path.join(root, 'passphrase.txt');
  await writeFile(passphraseFile, `${DEMO_PASSPHRASE}\n`);
  const workspace = await Workspace.open(dir);
  const iqa = workspace.centre.staff.find((s) => s.name === 'Margaret Ellis')!;
  const reviewed = (await samplingStore(workspace).allReviews())
    .flatMap((p) => p.reviews)
    .filter(isCompleteReview);
  const picked: { learnerId: string; unitId: string }[] = [];
  for (const r of reviewed) {
    if (picked.some((p) => p.learnerId === r.learnerId)) continue;
    if (picked.length < 2) picked.push({ learnerId: r.learnerId, unitId: r.unitId });
  }
  must(picked.length === 2, 'the demo centre has fewer than two reviewed learners');
  const learner = (id: string) => workspace.centre.learners.find((l) => l.id === id)!;
  const chosen = picked.map((p) => ({
    ...p,
    name: learner(p.learnerId).name,
    uln: learner(p.learnerId).uln ?? '',
  }));
  // The first learner's unit gets a record signed by their assessor, as `workbench record --sign` makes.
  const signed = capture();
  const code = await main(
    [
      'record',
      dir,
      '--learner',
      chosen[0]!.learnerId,
      '--unit',
      chosen[0]!.unitId,
      '--format',
      'pdf',
      '--out',
      path.join(root, 'signed-record.pdf'),
      '--sign',
      '--passphrase-file',
      passphraseFile,
    ],
    signed.io,
  );
  must(code === 0, signed.err.join('\n'));
  const others = workspace.centre.learners
    .filter((l) => !picked.some((p) => p.learnerId === l.id))
    .map((l) => ({ name: l.name, uln: l.uln ?? '' }));
  return {
    dir,
    passphraseFile,
    iqaIdentity: path.join(dir, 'signing', `${iqa.id}.p12`),
    chosen,
    others,
  };
}

/** `workbench eqa-pack` of the visit's sample into `out`, signed by the IQA. */
export async function makePack(visit: DemoVisit, out: string): Promise<void> {
  const run = capture();
  const code = await main(
    [
      'eqa-pack',
      visit.dir,
      '--out',
      out,
      ...visit.chosen.flatMap((c) => ['--sample', `${c.learnerId}:${c.unitId}`]),
      '--sign',
      '--identity',
      visit.iqaIdentity,
      '--passphrase-file',
      visit.passphraseFile,
    ],
    run.io,
  );
  must(code === 0, run.err.join('\n'));
}
