import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf, OperationName, ResultOf } from '../../src-main/api/contract';
import { createDispatcher } from '../../src-main/api/dispatcher';
import type { Workbench } from '../../src-main/app/workbench';
import { main } from '../../src-main/cli/main';
import { demoSignature } from '../../src-main/demo/demo-signature';
import type { ProgressReview } from '../../src-main/portfolio/progress-review-schema';
import { reviewSignaturesHold } from '../../src-main/progress-review/review-content';
import { portfolioOnDisk } from '../support/portfolio-on-disk';
import { runTool } from '../support/record/system-tools';
import { bootWorkbench } from '../support/workbench';

describe('amending a signed progress review', () => {
  let root: string;
  let wb: Workbench;
  let dispatch: ReturnType<typeof createDispatcher>;
  let learnerId: string;

  async function call<K extends OperationName>(name: K, input: InputOf<K>): Promise<ResultOf<K>> {
    const answer = await dispatch(name, input);
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.data as ResultOf<K>;
  }
  async function refusal<K extends OperationName>(name: K, input: InputOf<K>): Promise<string> {
    const answer = await dispatch(name, input);
    if (answer.ok) throw new Error(`${name} was not refused`);
    return answer.error.message;
  }
  async function onDisk(): Promise<ProgressReview[]> {
    await wb.workspace.portfolios.flush();
    const folder = await wb.workspace.portfolioFolder(learnerId);
    return (await portfolioOnDisk(folder, learnerId)).progressReviews;
  }
  const sign = (reviewId: string, role: 'learner' | 'assessor', seed: number) =>
    call('review:sign', { learnerId, reviewId, role, method: 'drawn', image: demoSignature(seed) });

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'workbench-amend-'));
    wb = await bootWorkbench(root);
    dispatch = createDispatcher(wb);
    const centre = wb.workspace.centre;
    learnerId = centre.learners.find((l) => l.name === 'Łukasz Wójcik')!.id;
    const tom = centre.staff.find((s) => s.name === 'Tom Fletcher')!;
    await wb.signIn({ personId: tom.id, role: 'assessor' });
  });
  afterAll(async () => {
    await wb.shutdown();
    await rm(root, { recursive: true, force: true, maxRetries: 10 });
  });

  it('keeps the signed review as it was, and supersedes it once the amendment is signed again', async () => {
    const before = await call('review:list', { learnerId });
    const [latest, first] = before.reviews;
    expect(latest!.complete && first!.complete).toBe(true);
    const signedBefore = (await onDisk()).find((r) => r.id === latest!.id)!;
    const dueBefore = (await call('review:due', {})).find((r) => r.learnerId === learnerId);

    // The first review's targets were answered by the next one: that one is amended instead.
    expect(first!.amendBlocker).toMatch(/has answered this review’s targets/);
    expect(await refusal('review:amend', { learnerId, reviewId: first!.id, reason: 'x' })).toMatch(
      /can no longer be amended/,
    );
    expect(await refusal('review:amend', { learnerId, reviewId: latest!.id, reason: ' ' })).toMatch(
      /Say why the signed review is being amended/,
    );

    // Another assessor cannot sign it as assessor, so cannot start an amendment either.
    const centre = wb.workspace.centre;
    const tom = wb.signedIn()!.person;
    const priya = centre.staff.find((s) => s.name === 'Priya Sharma')!;
    await wb.signIn({ personId: priya.id, role: 'assessor' });
    expect(await refusal('review:amend', { learnerId, reviewId: latest!.id, reason: 'x' })).toMatch(
      /Only the assessor who held the review amends it/,
    );
    await wb.signIn({ personId: tom.id, role: 'assessor' });

    const { id } = await call('review:amend', {
      learnerId,
      reviewId: latest!.id,
      reason: 'The employer’s view was recorded against the wrong review.',
    });
    // Asking again gives the same amendment back, not a second one.
    expect(
      (await call('review:amend', { learnerId, reviewId: latest!.id, reason: 'again' })).id,
    ).toBe(id);
    let reviews = (await call('review:list', { learnerId })).reviews;
    const draft = reviews.find((r) => r.id === id)!;
    expect(draft).toMatchObject({ version: 2, revises: latest!.id, standing: false });
    expect(draft.signatures).toEqual([]);
    expect(reviews.find((r) => r.id === latest!.id)).toMatchObject({
      standing: true,
      pendingAmendmentId: id,
    });

    // The amendment is changed like any unsigned review; the progress stays as it was that day.
    await call('review:save', {
      learnerId,
      reviewId: id,
      heldOn: draft.heldOn,
      wentWell: 'Corrected: the feedback form came from the station supervisor.',
      concerns: draft.concerns,
      learnerView: draft.learnerView,
      employerView: draft.employerView,
      wellbeing: draft.wellbeing,
      employerName: draft.employerName,
      answers: draft.previousTargets.map((t) => ({
        targetId: t.targetId,
        outcome: t.outcome,
        comment: t.comment,
      })),
      targets: draft.targets,
    });
    let disk = await onDisk();
    const saved = disk.find((r) => r.id === id)!;
    expect(saved.units).toEqual(signedBefore.units);
    expect(saved.previousTargets).toEqual(signedBefore.previousTargets);
    expect(saved.amendReason).toBe('The employer’s view was recorded against the wrong review.');
    // Until the learner and the assessor sign it, the signed version stands, untouched.
    expect(disk.find((r) => r.id === latest!.id)).toEqual(signedBefore);
    await sign(id, 'learner', 7);
    disk = await onDisk();
    expect(disk.find((r) => r.id === latest!.id)!.supersededBy).toBeNull();

    await sign(id, 'assessor', 8);
    disk = await onDisk();
    const old = disk.find((r) => r.id === latest!.id)!;
    const amended = disk.find((r) => r.id === id)!;
    expect(old.supersededBy).toBe(id);
    expect({ ...old, supersededBy: null, updatedAt: '', updatedBy: '' }).toEqual({
      ...signedBefore,
      updatedAt: '',
      updatedBy: '',
    });
    expect(reviewSignaturesHold(learnerId, old)).toBe(true);
    expect(reviewSignaturesHold(learnerId, amended)).toBe(true);

    reviews = (await call('review:list', { learnerId })).reviews;
    expect(reviews.map((r) => [r.id, r.standing])).toEqual([
      [id, true],
      [latest!.id, false],
      [first!.id, true],
    ]);
    // The schedule counts from the same meeting: amending is not a new review.
    const dueAfter = (await call('review:due', {})).find((r) => r.learnerId === learnerId);
    expect(dueAfter).toEqual(dueBefore);
    expect(
      await refusal('review:amend', { learnerId, reviewId: latest!.id, reason: 'again' }),
    ).toMatch(/already been amended/);
    expect(
      await refusal('review:sign', {
        learnerId,
        reviewId: latest!.id,
        role: 'employer',
        method: 'drawn',
        image: demoSignature(9),
      }),
    ).toMatch(/sign the amended version/);

    // The audit trail says what happened, in order.
    await wb.workspace.portfolios.flush();
    const folder = await wb.workspace.portfolioFolder(learnerId);
    const audit = (await portfolioOnDisk(folder, learnerId)).audit.map((a) => a.action);
    const from = audit.indexOf('amended progress review');
    expect(from).toBeGreaterThan(-1);
    expect(audit.slice(from)).toEqual([
      'amended progress review',
      'changed progress review',
      'signed progress review',
      'signed progress review',
      'superseded progress review',
    ]);

    // The timeline lists the amendment and its signatures; each opens the amended review.
    const timeline = await call('timeline:list', { learnerId, kinds: ['review'], limit: 500 });
    const made = timeline.entries.find((e) => e.key === `review-amended:${id}`)!;
    expect(made.what).toContain('amended (version 2): The employer’s view was recorded');
    expect(made.link.query).toMatchObject({ tab: 'reviews', review: id });
    expect(timeline.entries.map((e) => e.key)).toEqual(
      expect.arrayContaining([`review-signed:${id}:learner`, `review-signed:${id}:assessor`]),
    );
    expect(timeline.entries.find((e) => e.key === `review:${latest!.id}`)!.what).toContain(
      'since amended',
    );
  });

  it('prints the amendment by default, and the superseded version says what replaced it', async () => {
    const disk = await onDisk();
    const amended = disk.find((r) => r.revises)!;
    const text = async (args: string[], name: string) => {
      const out = path.join(root, name);
      const code = await main(
        [
          'record',
          wb.workspace.dir,
          '--learner',
          learnerId,
          '--kind',
          'progress-review',
          '--out',
          out,
          ...args,
        ],
        { out: () => {}, err: () => {} },
      );
      expect(code).toBe(0);
      return (await runTool('pdftotext', [out, '-'])).stdout.replace(/\s+/g, ' ');
    };
    const latest = await text([], 'latest.pdf');
    expect(latest).toContain('Version 2. It amends version 1 of this review');
    expect(latest).toContain('Corrected: the feedback form came from the station supervisor.');
    const old = await text(['--id', amended.revises!], 'old.pdf');
    expect(old).toContain('Superseded: this version 1 was amended by version 2');
    expect(old).not.toContain('Corrected: the feedback form');
  });
});
