import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src-main/api/dispatcher';
import type { Workbench } from '../../../src-main/app/workbench';
import { bootWorkbench } from '../../support/workbench';

describe('the Records page’s choice of plan or review', () => {
  let root: string;
  let workbench: Workbench;
  let dispatch: ReturnType<typeof createDispatcher>;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'workbench-test-'));
    workbench = await bootWorkbench(root);
    dispatch = createDispatcher(workbench);
  });
  afterAll(async () => {
    await workbench.shutdown();
    await rm(root, { recursive: true, force: true, maxRetries: 10 });
  });

  it('offers each of the learner’s plans and reviews, and makes the record of the one chosen', async () => {
    let plans = 0;
    let reviews = 0;
    for (const learner of workbench.workspace.centre.learners) {
      const portfolio = (await workbench.workspace.portfolio(learner.id)).data;
      const choices = await dispatch('record:choices', { learnerId: learner.id });
      if (!choices.ok) throw new Error('record:choices failed');
      const { plans: offeredPlans, reviews: offeredReviews } = choices.data as {
        plans: { id: string; label: string }[];
        reviews: { id: string; label: string }[];
      };
      expect(offeredPlans.map((p) => p.id).sort()).toEqual(
        portfolio.assessmentPlans.map((p) => p.id).sort(),
      );
      expect(offeredReviews.map((r) => r.id).sort()).toEqual(
        portfolio.progressReviews.map((r) => r.id).sort(),
      );
      for (const p of offeredPlans)
        expect(p.label).toMatch(
          /^(Visit \d{1,2} [A-Z][a-z]{2} \d{4}|No visit date), version \d+, /,
        );
      for (const r of offeredReviews)
        expect(r.label).toMatch(/^Review held \d{1,2} [A-Z][a-z]{2} \d{4}, /);
      plans += offeredPlans.length;
      reviews += offeredReviews.length;
    }
    // The demo has both (Siobhán's and Amara's plans; Łukasz's reviews).
    expect(plans).toBeGreaterThanOrEqual(2);
    expect(reviews).toBeGreaterThanOrEqual(2);

    const amara = workbench.workspace.centre.learners.find((l) => l.name === 'Amara Okafor')!;
    const plan = (await workbench.workspace.portfolio(amara.id)).data.assessmentPlans[0]!;
    const made = await dispatch('record:generate', {
      learnerId: amara.id,
      kind: 'assessment-plan',
      id: plan.id,
      format: 'docx',
    });
    expect(made.ok).toBe(true);
    const issued = (await workbench.workspace.portfolio(amara.id)).data.issuedRecords.at(-1);
    expect(issued).toMatchObject({ kind: 'assessment-plan', format: 'docx' });

    const wrong = await dispatch('record:generate', {
      learnerId: amara.id,
      kind: 'assessment-plan',
      id: 'ap-none',
      format: 'docx',
    });
    expect(wrong.ok).toBe(false);
  });
});
