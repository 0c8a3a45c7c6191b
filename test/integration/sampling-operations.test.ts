import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../src-main/api/dispatcher';
import type { Workbench } from '../../src-main/app/workbench';
import type { PlanView, SampleView } from '../../src-main/sampling/sampling-contract';
import { DEMO_PASSPHRASE } from '../../src-main/demo/demo-identities';
import { pdfsigVerdicts } from '../support/record/system-tools';
import { useTempDirs } from '../support/temp-dir';
import { bootWorkbench } from '../support/workbench';
import { ok } from '../support/dispatch';

function staffId(workbench: Workbench, name: string): string {
  const person = workbench.workspace.centre.staff.find((s) => s.name === name);
  if (!person) throw new Error(`no ${name}`);
  return person.id;
}

/** Chooses who is working, proving it with the demo's signing passphrase as the screen asks. */
async function signIn(dispatch: Dispatch, personId: string, role: string) {
  await ok(dispatch, 'session:set-user', { personId, role, passphrase: DEMO_PASSPHRASE });
}

const agreeAll = (refs: string[], reviewedOn: string) => ({
  reviewedOn,
  criteria: refs.map((ref) => ({ ref, agree: true })),
  vacsr: {
    valid: { met: true },
    authentic: { met: true },
    current: { met: true },
    sufficient: { met: true },
    reliable: { met: true },
  },
  feedbackQuality: { rating: 'good' },
  recordsQuality: { rating: 'good' },
  decision: 'agree',
});

/** The criteria and parts the assessor has decided on: the only ones an IQA can agree with. */
async function decidedRefs(dispatch: Dispatch, planId: string, sampleId: string) {
  const detail = await ok<{ criteria: { ref: string; partRef: string | null; outcome: string }[] }>(
    dispatch,
    'sampling:open-sample',
    { planId, sampleId },
  );
  return detail.criteria
    .filter((c) => c.outcome !== 'not yet assessed')
    .map((c) => (c.partRef ? `${c.ref} ${c.partRef}` : c.ref));
}

async function demo(root: string, now?: Date) {
  const workbench = await bootWorkbench(root, now ? { now } : {});
  const dispatch = createDispatcher(workbench);
  const overview = await ok<{ plans: { id: string }[] }>(dispatch, 'sampling:overview', {});
  const planId = overview.plans[0]!.id;
  const plan = await ok<PlanView>(dispatch, 'sampling:get-plan', { planId });
  return { workbench, dispatch, planId, plan };
}

describe('sampling operations on a real workspace', () => {
  const tempDir = useTempDirs();

  it('keeps the demo centre’s strategy, plan and reviews in their own files, with the demo’s three reviews', async () => {
    const { workbench, plan } = await demo(await tempDir());
    const folder = path.join(workbench.workspace.dir, 'sampling');
    const names = (await readdir(folder)).filter((n) => !n.startsWith('.')).sort();
    // Each file is a snapshot of its own change folder, one append-only file per writer.
    expect(names).toEqual([
      `plan-${plan.id}-changes`,
      `plan-${plan.id}.json`,
      `reviews-${plan.id}-changes`,
      `reviews-${plan.id}.json`,
      'strategy-changes',
      'strategy.json',
    ]);
    for (const name of names.filter((n) => n.endsWith('-changes'))) {
      expect(await readdir(path.join(folder, name))).toEqual([expect.stringMatching(/\.jsonl$/)]);
    }
    const strategy = JSON.parse(await readFile(path.join(folder, 'strategy.json'), 'utf8'));
    expect(strategy).toMatchObject({ schemaVersion: 1, kind: 'sampling-strategies' });
    const decisions = plan.samples.map((s) => s.decision).filter(Boolean);
    expect(decisions.sort()).toEqual(['agree', 'assessor-to-action', 'assessor-to-action']);
    const items = plan.dashboard.actionItems;
    expect(items.map((a) => a.state).sort()).toEqual(['closed', 'open']);
    // Every sample says why it was chosen, and the reviewed ones are dated as done.
    expect(plan.samples.every((s) => s.reasons.length > 0)).toBe(true);
    expect(plan.samples.filter((s) => s.actualDate)).toHaveLength(3);
    expect(plan.dashboard.compliance.map((c) => c.name).sort()).toEqual([
      'Priya Sharma',
      'Tom Fletcher',
    ]);
  });

  it('refuses an IQA the review of a decision they made as assessor, and saves nothing', async () => {
    const { workbench, dispatch, planId, plan } = await demo(await tempDir());
    const priya = staffId(workbench, 'Priya Sharma');
    await workbench.workspace.updateStaffMember(
      priya,
      { roles: ['assessor', 'iqa'] },
      { id: 'st-admin', role: 'admin' },
      new Date('2026-11-24T10:00:00Z'),
    );
    await signIn(dispatch, priya, 'iqa');
    const own = plan.samples.find((s) => s.assessorId === priya)!;
    const reviewsFile = path.join(workbench.workspace.dir, 'sampling', `reviews-${planId}.json`);
    const before = await readFile(reviewsFile, 'utf8');

    const opened = await dispatch('sampling:open-sample', { planId, sampleId: own.id });
    expect(opened).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const saved = await dispatch('sampling:save-review', {
      planId,
      sampleId: own.id,
      ...agreeAll([], '2026-11-24'),
    });
    expect(saved).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (!saved.ok) expect(saved.error.message).toContain('you cannot quality-assure them');

    // A decision recorded on someone else's learner counts as hers too.
    // An unreviewed sample if the demo left one; a reviewed one is refused by the same rule.
    const toms =
      plan.samples.find((s) => s.assessorId !== priya && !s.decision) ??
      plan.samples.find((s) => s.assessorId !== priya)!;
    const learner = workbench.workspace.learner(toms.learnerId);
    const doc = await workbench.workspace.portfolio(learner.id);
    await doc.update((p) => ({
      ...p,
      decisions: [
        ...p.decisions,
        {
          id: 'dc-priya00001',
          updatedAt: '2026-11-20T10:00:00.000Z',
          updatedBy: priya,
          unitId: toms.unitId,
          unitVersion: 1,
          criterionRef: '1.1',
          partRef: null,
          outcome: 'met',
          decidedOn: '2026-11-20',
          assessorId: priya,
          feedback: '',
        },
      ],
    }));
    const stand = await dispatch('sampling:save-review', {
      planId,
      sampleId: toms.id,
      ...agreeAll([], '2026-11-24'),
    });
    expect(stand).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await readFile(reviewsFile, 'utf8')).toBe(before);

    // Opening read-only as her assessor self is allowed; the review is not.
    await signIn(dispatch, priya, 'assessor');
    const asAssessor = await ok<{ cannotReview: string | null }>(dispatch, 'sampling:open-sample', {
      planId,
      sampleId: own.id,
    });
    expect(asAssessor.cannotReview).toContain('Only an internal quality assurer');
  });

  it('runs the action loop: the IQA raises, the assessor answers, the IQA closes and reopens; overdue is flagged', async () => {
    const root = await tempDir();
    const { workbench, dispatch, planId, plan } = await demo(root);
    const margaret = staffId(workbench, 'Margaret Ellis');
    const sample = plan.samples.find((s) => !s.decision)!;
    await signIn(dispatch, margaret, 'iqa');
    const refs = await decidedRefs(dispatch, planId, sample.id);
    const incomplete = await dispatch('sampling:save-review', {
      planId,
      sampleId: sample.id,
      ...agreeAll(refs, '2026-11-24'),
      decision: 'assessor-to-action',
      feedbackToAssessor: 'Add questioning for 7.3.',
    });
    expect(incomplete).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!incomplete.ok)
      expect(incomplete.error.message).toContain('needs at least one action point');

    await ok(dispatch, 'sampling:save-review', {
      planId,
      sampleId: sample.id,
      ...agreeAll(refs, '2026-11-24'),
      decision: 'assessor-to-action',
      feedbackToAssessor: 'Add questioning for 7.3.',
      newActions: [{ what: 'Ask oral questions for 7.3', due: '2026-12-01' }],
    });

    await signIn(dispatch, sample.assessorId, 'assessor');
    const mine = await ok<{ id: string; what: string; overdue: boolean }[]>(
      dispatch,
      'sampling:my-actions',
      {},
    );
    const action = mine.find((a) => a.what === 'Ask oral questions for 7.3')!;
    expect(action.overdue).toBe(false);
    const closeOwn = await dispatch('sampling:close-action', { planId, actionId: action.id });
    expect(closeOwn).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await ok(dispatch, 'sampling:respond-action', {
      planId,
      actionId: action.id,
      text: 'Questions asked and recorded.',
    });

    await signIn(dispatch, margaret, 'iqa');
    const closed = await ok<{ state: string }>(dispatch, 'sampling:close-action', {
      planId,
      actionId: action.id,
      note: 'Seen.',
    });
    expect(closed.state).toBe('closed');
    const reopened = await ok<{ state: string; due: string }>(dispatch, 'sampling:reopen-action', {
      planId,
      actionId: action.id,
      reason: 'Answers not recorded against 7.3.',
      due: '2026-12-01',
    });
    expect(reopened).toMatchObject({ state: 'open', due: '2026-12-01' });

    // On disk: the whole conversation, oldest first, and an audit line per step.
    const file = JSON.parse(
      await readFile(
        path.join(workbench.workspace.dir, 'sampling', `reviews-${planId}.json`),
        'utf8',
      ),
    );
    const stored = file.reviews
      .flatMap((r: { actionPoints: { id: string }[] }) => r.actionPoints)
      .find((a: { id: string }) => a.id === action.id);
    expect(stored.history.map((h: { kind: string }) => h.kind)).toEqual([
      'response',
      'closed',
      'reopened',
    ]);
    expect(file.audit.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining([
        'answered action point',
        'closed action point',
        'reopened action point',
      ]),
    );

    // A week later the reopened action is overdue for its owner.
    await workbench.shutdown();
    const later = await bootWorkbench(root, { now: new Date('2026-12-05T09:00:00Z') });
    const laterDispatch = createDispatcher(later);
    await signIn(laterDispatch, sample.assessorId, 'assessor');
    const overdue = await ok<{ id: string; overdue: boolean }[]>(
      laterDispatch,
      'sampling:my-actions',
      {},
    );
    expect(overdue.find((a) => a.id === action.id)?.overdue).toBe(true);
  });

  it('blocks a certification claim until the summative sample is agreed', async () => {
    const { workbench, dispatch, planId } = await demo(await tempDir());
    const margaret = staffId(workbench, 'Margaret Ellis');
    await signIn(dispatch, margaret, 'iqa');
    // The first learner's assessor signs off the external-customers unit today.
    const learner = workbench.workspace.centre.learners[0]!;
    const doc = await workbench.workspace.portfolio(learner.id);
    const registration = doc.data.registrations.find((r) => r.unitId === 'unit-j-508-4003')!;
    await doc.update((p) => ({
      ...p,
      signOffs: [
        ...p.signOffs,
        {
          id: 'so-test000001',
          updatedAt: '2026-11-24T09:00:00.000Z',
          updatedBy: registration.assessorId,
          unitId: registration.unitId,
          unitVersion: registration.unitVersion,
          signedOffAt: '2026-11-24T12:00:00.000Z',
          signedOffBy: registration.assessorId,
          countersignedAt: null,
          countersignedBy: null,
          voidedAt: null,
          voidedBy: null,
          voidReason: null,
        },
      ],
    }));
    const plan = await ok<PlanView>(dispatch, 'sampling:get-plan', { planId });
    const completed = plan.candidates.find(
      (c) => c.learnerId === learner.id && c.unitId === 'unit-j-508-4003',
    )!;
    expect(completed.stage).toBe('completed');
    expect(completed).toBeDefined();
    const claim = () =>
      ok<{ allowed: boolean; reason?: string }>(dispatch, 'sampling:can-claim', {
        learnerId: completed.learnerId,
        unitId: completed.unitId,
      });
    expect(await claim()).toEqual({ allowed: true });

    const added = await ok<PlanView>(dispatch, 'sampling:add-sample', {
      planId,
      learnerId: completed.learnerId,
      unitId: completed.unitId,
      iqaId: margaret,
      plannedDate: '2026-11-24',
      reason: 'completed unit, checked before the claim',
    });
    // The demo's plan may already sample this unit as interim work; the new sample is the one added.
    const before = new Set(plan.samples.map((s: SampleView) => s.id));
    const sample = added.samples.find((s: SampleView) => !before.has(s.id))!;
    expect(sample).toMatchObject({
      type: 'summative',
      origin: 'added',
      learnerId: completed.learnerId,
      unitId: completed.unitId,
    });
    const blocked = await claim();
    expect(blocked.allowed).toBe(false);
    expect(blocked.reason).toContain('has not been reviewed yet');

    await ok(dispatch, 'sampling:save-review', {
      planId,
      sampleId: sample.id,
      ...agreeAll(await decidedRefs(dispatch, planId, sample.id), '2026-11-24'),
      decision: 'disagree',
      feedbackToAssessor: 'Reassess 7.3.',
    });
    expect((await claim()).reason).toContain('disagreed');

    await ok(dispatch, 'sampling:save-review', {
      planId,
      sampleId: sample.id,
      ...agreeAll(await decidedRefs(dispatch, planId, sample.id), '2026-11-24'),
    });
    expect(await claim()).toEqual({ allowed: true });
  });

  it('keeps a half-done review as a draft that counts nowhere, and never agrees with a decision not made', async () => {
    const { workbench, dispatch, planId, plan } = await demo(await tempDir());
    await signIn(dispatch, staffId(workbench, 'Margaret Ellis'), 'iqa');
    const sample = plan.samples.find((s) => !s.decision && !s.actualDate)!;
    const opened = await ok<{
      review: unknown;
      criteria: { ref: string; partRef: string | null; outcome: string }[];
    }>(dispatch, 'sampling:open-sample', { planId, sampleId: sample.id });
    expect(opened.review).toBeNull();
    const undecided = opened.criteria.find((c) => c.outcome === 'not yet assessed' && !c.partRef);
    const decided = await decidedRefs(dispatch, planId, sample.id);
    const empty = {
      valid: { met: null },
      authentic: { met: null },
      current: { met: null },
      sufficient: { met: null },
      reliable: { met: null },
    };
    const draft = {
      planId,
      sampleId: sample.id,
      status: 'draft',
      reviewedOn: '2026-11-24',
      criteria: decided.slice(0, 1).map((ref) => ({ ref, agree: true })),
      vacsr: { ...empty, valid: { met: true } },
      feedbackQuality: { rating: null },
      recordsQuality: { rating: null },
      decision: null,
    };
    if (undecided) {
      const agreeing = await dispatch('sampling:save-review', {
        ...draft,
        criteria: [{ ref: undecided.ref, agree: true }],
      });
      expect(agreeing).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      if (!agreeing.ok) expect(agreeing.error.message).toContain('nothing to agree with');
    }
    const saved = await ok<{ status: string; decision: null }>(
      dispatch,
      'sampling:save-review',
      draft,
    );
    expect(saved).toMatchObject({ status: 'draft', decision: null });

    // Counted nowhere: not done in the plan, not a decision, not in the report, not for a claim.
    const after = await ok<PlanView>(dispatch, 'sampling:get-plan', { planId });
    const row = after.samples.find((s) => s.id === sample.id)!;
    expect(row).toMatchObject({ decision: null, draft: true });
    expect(row.actualDate).toBeUndefined();
    const { samplingReportInput } = await import('../../src-main/sampling/sampling-report-data');
    const report = await samplingReportInput(workbench.workspace, planId, workbench.clock());
    expect(report.reviews).toHaveLength(plan.samples.filter((s) => s.decision).length);
    expect(report.samples.filter((s) => s.decision !== 'Not reviewed')).toHaveLength(
      plan.samples.filter((s) => s.decision).length,
    );

    // Completing it needs every answer.
    const incomplete = await dispatch('sampling:save-review', { ...draft, status: 'complete' });
    expect(incomplete).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!incomplete.ok) {
      expect(incomplete.error.message).toContain('Answer every VACSR check');
      expect(incomplete.error.message).toContain('Choose the overall decision.');
    }
    await ok(dispatch, 'sampling:save-review', {
      planId,
      sampleId: sample.id,
      ...agreeAll(decided, '2026-11-24'),
    });
    const done = await ok<PlanView>(dispatch, 'sampling:get-plan', { planId });
    expect(done.samples.find((s) => s.id === sample.id)).toMatchObject({
      decision: 'agree',
      draft: false,
      actualDate: '2026-11-24',
    });
    const backToDraft = await dispatch('sampling:save-review', draft);
    expect(backToDraft).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('lets the IQA reschedule and remove samples, keeping what was removed and why', async () => {
    const { workbench, dispatch, planId, plan } = await demo(await tempDir());
    await signIn(dispatch, staffId(workbench, 'Margaret Ellis'), 'iqa');
    const open = plan.samples.filter((s) => !s.actualDate);
    const moved = await ok<PlanView>(dispatch, 'sampling:reschedule-sample', {
      planId,
      sampleId: open[0]!.id,
      plannedDate: '2027-03-01',
    });
    expect(moved.samples.find((s) => s.id === open[0]!.id)?.plannedDate).toBe('2027-03-01');
    const outside = await dispatch('sampling:reschedule-sample', {
      planId,
      sampleId: open[0]!.id,
      plannedDate: '2030-01-01',
    });
    expect(outside).toMatchObject({ ok: false, error: { code: 'invalid-input' } });

    const removed = await ok<PlanView>(dispatch, 'sampling:remove-sample', {
      planId,
      sampleId: open[1]!.id,
      reason: 'Learner on long-term sick leave',
    });
    expect(removed.samples.some((s) => s.id === open[1]!.id)).toBe(false);
    expect(removed.removed[0]).toMatchObject({ reason: 'Learner on long-term sick leave' });
    const done = plan.samples.find((s) => s.actualDate)!;
    const refused = await dispatch('sampling:remove-sample', {
      planId,
      sampleId: done.id,
      reason: 'no',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });

    // An EQA looks but cannot change anything.
    await signIn(dispatch, staffId(workbench, 'Dr Helen Carter'), 'eqa');
    const eqa = await dispatch('sampling:reschedule-sample', {
      planId,
      sampleId: open[0]!.id,
      plannedDate: '2027-03-02',
    });
    expect(eqa).toMatchObject({ ok: false, error: { code: 'read-only' } });
  });

  it('proposes the same plan from the same workspace and seed, without saving it', async () => {
    const { workbench, dispatch } = await demo(await tempDir());
    const before = await readdir(path.join(workbench.workspace.dir, 'sampling'));
    const qualificationId = 'qual-demo-customer-service-l3';
    const first = await ok<{ plan: { samples: SampleView[] } }>(dispatch, 'sampling:propose-plan', {
      qualificationId,
      seed: 7,
    });
    const again = await ok<{ plan: { samples: SampleView[] } }>(dispatch, 'sampling:propose-plan', {
      qualificationId,
      seed: 7,
    });
    expect(again).toEqual(first);
    expect(first.plan.samples.length).toBeGreaterThan(0);
    expect(await readdir(path.join(workbench.workspace.dir, 'sampling'))).toEqual(before);
  });

  it('saves the unsigned report and a sample record into the workspace, refusing an EQA', async () => {
    const { workbench, dispatch, planId, plan } = await demo(await tempDir());
    await signIn(dispatch, staffId(workbench, 'Margaret Ellis'), 'iqa');
    const saved = await ok<{ path: string }>(dispatch, 'sampling:save-report', {
      planId,
      format: 'pdf',
    });
    expect(saved.path).toMatch(/^sampling\/reports\/sampling-report-sp-[0-9a-f]+-2026-11-24\.pdf$/);
    const bytes = await readFile(path.join(workbench.workspace.dir, saved.path));
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const reviewed = plan.samples.find((s) => s.decision)!;
    const record = await ok<{ path: string }>(dispatch, 'sampling:save-report', {
      planId,
      format: 'docx',
      sampleId: reviewed.id,
    });
    const docx = await readFile(path.join(workbench.workspace.dir, record.path));
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const sneaky = await dispatch('sampling:save-report', {
      planId,
      format: 'pdf',
      sampleId: '../../centre',
    });
    expect(sneaky).toMatchObject({ ok: false, error: { code: 'invalid-input' } });

    await signIn(dispatch, staffId(workbench, 'Dr Helen Carter'), 'eqa');
    const eqa = await dispatch('sampling:save-report', { planId, format: 'pdf' });
    expect(eqa).toMatchObject({ ok: false, error: { code: 'read-only' } });
  });

  it('signs the report with the IQA’s own identity from the workspace, and only for the IQA', async () => {
    const { workbench, dispatch, planId } = await demo(await tempDir());
    await signIn(dispatch, staffId(workbench, 'Priya Sharma'), 'assessor');
    const byAssessor = await dispatch('sampling:save-report', {
      planId,
      format: 'pdf',
      sign: true,
      passphrase: DEMO_PASSPHRASE,
    });
    expect(byAssessor).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    await signIn(dispatch, staffId(workbench, 'Margaret Ellis'), 'iqa');
    const wrong = await dispatch('sampling:save-report', {
      planId,
      format: 'pdf',
      sign: true,
      passphrase: 'not the passphrase',
    });
    expect(wrong.ok).toBe(false);
    const saved = await ok<{ path: string }>(dispatch, 'sampling:save-report', {
      planId,
      format: 'pdf',
      sign: true,
      passphrase: DEMO_PASSPHRASE,
    });
    const file = path.join(workbench.workspace.dir, saved.path);
    expect(await pdfsigVerdicts(file)).toEqual(['Signature is Valid.']);
  });
});
