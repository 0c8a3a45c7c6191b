import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src-main/api/dispatcher';
import { DEMO_PASSPHRASE } from '../../../src-main/demo/demo-identities';
import { isCompleteReview } from '../../../src-main/sampling/review-schema';
import { samplingStore } from '../../../src-main/sampling/sampling-store';
import { runCli } from '../../support/run-cli';
import { useTempDirs } from '../../support/temp-dir';
import { bootWorkbench } from '../../support/workbench';

const cli = runCli;

const sha256 = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

const REFUSAL =
  'Only an internal quality assurer or a qualified assessor can countersign a record.';

describe('the command line applies the signing rules the screen applies', () => {
  const tempDir = useTempDirs();

  it('refuses a countersignature by an assessor working towards the award, as the screen does', async () => {
    const wb = await bootWorkbench(await tempDir());
    const workspace = wb.workspace;
    const review = (await samplingStore(workspace).allReviews())
      .flatMap((p) => p.reviews)
      .filter(isCompleteReview)
      .find((r) => r.type === 'summative');
    if (!review) throw new Error('the demo has no complete summative review');
    const learner = workspace.learner(review.learnerId);
    const file = path.join(await tempDir(), 'record.pdf');
    const made = await cli([
      'record',
      workspace.dir,
      '--learner',
      learner.name,
      '--unit',
      review.unitId,
      '--format',
      'pdf',
      '--out',
      file,
      '--sign',
    ]);
    expect(made.err).toBe('');
    const recordId = /Record (R-\d{8}-[A-Z0-9]{6})/.exec(made.out)?.[1] ?? '';
    expect(recordId).not.toBe('');
    const before = await sha256(file);

    const refused = await cli([
      'countersign',
      workspace.dir,
      '--record',
      recordId,
      '--as',
      'Tom Fletcher',
      '--role',
      'assessor',
      '--out',
      file,
    ]);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain(REFUSAL);
    expect(await sha256(file)).toBe(before);

    const dispatch = createDispatcher(wb);
    const tom = workspace.centre.staff.find((s) => s.name === 'Tom Fletcher')!;
    expect(
      await dispatch('session:set-user', {
        personId: tom.id,
        role: 'assessor',
        passphrase: DEMO_PASSPHRASE,
      }),
    ).toMatchObject({ ok: true });
    expect(await dispatch('record:countersign', { learnerId: learner.id, recordId })).toMatchObject(
      { ok: false, error: { code: 'forbidden', message: REFUSAL } },
    );
    await wb.shutdown();
  });
});
