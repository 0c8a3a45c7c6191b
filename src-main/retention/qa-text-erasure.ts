import { rm } from 'node:fs/promises';
import path from 'node:path';
import { qaTombstones } from '../sampling/qa-tombstones';
import { rewriteFiles } from '../storage/document-tombstones';
import { scrubLearnerFile } from '../storage/learner-tombstones';
import type { Workspace } from '../workspace/workspace';
import { centreFiles, qaFiles } from './centre-scrub';

/** A centre's copy of an EQA visit pack: made again by `eraseFromVisitPacks`, never rewritten here. */
const PACK = /(^|[/\\])visits[/\\][^/\\]+-pack[/\\]/;

/**
 * Takes every erased learner's values out of the text of every QA file on disk, wherever they
 * stand (a plan's note, a standardisation discussion, an EQA finding, a review of another
 * learner's work), as the QA files' tombstones show them: each document, change file and copy
 * under sampling/, visits/ and standardisation/, and the centre's audit trail in each of its
 * files. A value someone the centre still holds shares (another learner's employer) stays
 * outside what is about the erased learner; proofs, hashes and ids are never rewritten; the
 * centre's copies of visit packs are left to `eraseFromVisitPacks`. Returns the files rewritten.
 */
export async function eraseFromQaText(workspace: Workspace): Promise<string[]> {
  const tombstones = qaTombstones(workspace);
  await tombstones.refresh();
  const learners = tombstones.erased();
  const text = tombstones.erasedText();
  if (!text.active) return [];
  const dir = workspace.dir;
  const qa = (await qaFiles(dir)).filter((f) => !PACK.test(path.relative(dir, f)));
  const rewritten = await rewriteFiles(dir, qa, (t) => scrubLearnerFile(t, learners, text));
  const audit = (c: string) => c === 'audit';
  const centre = await rewriteFiles(dir, await centreFiles(dir), (t) =>
    scrubLearnerFile(t, learners, text, audit),
  );
  if (centre.length) {
    // The centre is read again from its files, and its snapshot made again from them.
    await rm(path.join(dir, 'centre.json'), { force: true });
    await workspace.reopenCentre();
  }
  return [...rewritten, ...centre];
}
