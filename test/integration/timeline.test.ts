import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src-main/api/dispatcher';
import type { InputOf, ResultOf } from '../../src-main/api/contract';
import type { Workbench } from '../../src-main/app/workbench';
import type { Portfolio } from '../../src-main/portfolio/portfolio-schema';
import { samplingStore } from '../../src-main/sampling/sampling-store';
import { listVisits } from '../../src-main/visit-pack/visit-store';
import { unitRef } from '../../src-main/kernel/unit-label';
import { Workspace } from '../../src-main/workspace/workspace';
import { portfolioOnDisk } from '../support/portfolio-on-disk';
import { bootWorkbench } from '../support/workbench';

type Page = ResultOf<'timeline:list'>;
type Input = InputOf<'timeline:list'>;
type Entry = Page['entries'][number];

/** Every event of the learner's portfolio, with the moment it happened, worked out from the file. */
function expectedFromPortfolio(p: Portfolio): Map<string, (at: string) => boolean> {
  const out = new Map<string, (at: string) => boolean>();
  const at = (key: string, when: string) => out.set(key, (a) => a === when);
  for (const r of p.registrations) {
    at(`registration:${r.id}`, r.registeredAt);
    if (r.withdrawn) at(`withdrawn:${r.id}`, r.updatedAt);
  }
  for (const plan of p.assessmentPlans) {
    // Drafted (or revised) when its first audit entry says so; each signature; agreed when the
    // second of the learner's and the assessor's signatures was given (or on its day, for a plan
    // kept before plans were signed).
    const first = p.audit.find((a) => a.target === `plan ${plan.id}`);
    if (first?.action.startsWith('drafted')) at(`plan-drafted:${plan.id}`, first.at);
    for (const s of plan.signatures) at(`plan-signed:${plan.id}:${s.role}`, s.signedAt);
    if (plan.status !== 'agreed') continue;
    const learner = plan.signatures.find((s) => s.role === 'learner');
    const assessor = plan.signatures.find((s) => s.role === 'assessor');
    at(
      `plan:${plan.id}`,
      learner && assessor ? [learner.signedAt, assessor.signedAt].sort()[1]! : plan.agreedOn!,
    );
  }
  for (const e of p.evidence) at(`evidence:${e.id}`, e.addedAt);
  for (const d of p.decisions) {
    // The day the assessor gave, at the moment it was recorded when that was the same day.
    out.set(
      `decision:${d.id}`,
      (a) => a === d.decidedOn || (a === d.updatedAt && d.updatedAt.startsWith(d.decidedOn)),
    );
  }
  for (const f of p.witnessForms) {
    at(`form-sent:${f.id}`, f.sentAt);
    if (f.returnedAt) at(`form-returned:${f.id}`, f.returnedAt);
  }
  for (const s of p.signOffs) {
    at(`sign-off:${s.id}`, s.signedOffAt);
    if (s.countersignedAt) at(`countersign:${s.id}`, s.countersignedAt);
    if (s.voidedAt) at(`unlock:${s.id}`, s.voidedAt);
  }
  for (const s of p.signatures) {
    if (s.purpose !== 'countersignature') at(`signature:${s.id}`, s.signedAt);
  }
  for (const r of p.issuedRecords) {
    at(`record:${r.id}`, r.issuedAt);
    r.signatures.forEach((s, i) => at(`record-signed:${r.id}:${i}`, s.signedAt));
  }
  for (const r of p.progressReviews) {
    // A review is held on its day; an amendment is made when the audit trail says it was.
    if (r.revises) {
      const made = p.audit.find(
        (a) => a.action === 'amended progress review' && a.target === `review ${r.id}`,
      );
      at(`review-amended:${r.id}`, made!.at);
    } else at(`review:${r.id}`, r.heldOn);
    for (const s of r.signatures) at(`review-signed:${r.id}:${s.role}`, s.signedAt);
  }
  return out;
}

/**
 * The EQA visits that sampled the learner, with their report, and the EQA's actions that name
 * the learner or a unit of theirs the visit sampled (by its reference or title).
 */
async function expectedFromVisits(workspace: Workspace, learnerId: string) {
  const out = new Map<string, (at: string) => boolean>();
  const { units } = await workspace.listUnits();
  const name = workspace.learner(learnerId).name.toLowerCase();
  for (const v of (await listVisits(workspace)).visits) {
    if (!v.samples.some((s) => s.learnerId === learnerId)) continue;
    out.set(`visit-pack:${v.id}`, (a) => a === v.packMadeAt);
    if (!v.report) continue;
    out.set(`visit:${v.id}`, (a) => a === v.report!.report.visitedOn);
    out.set(`visit-report:${v.id}`, (a) => a === v.report!.importedAt);
    const unitWords = v.samples
      .filter((s) => s.learnerId === learnerId)
      .flatMap((s) => {
        const unit = units.find((u) => u.id === s.unitId);
        return [s.unit, ...(unit ? [unitRef(unit), unit.title] : [])];
      })
      .map((w) => w.toLowerCase());
    const aboutLearner = (what: string) =>
      [name, ...unitWords].some((w) => what.toLowerCase().includes(w));
    for (const point of v.actions.filter((a) => aboutLearner(a.what))) {
      out.set(`action:${point.id}`, (a) => a === point.raisedOn);
      point.history.forEach((h, i) => out.set(`action:${point.id}:${i}`, (a) => a === h.on));
    }
  }
  return out;
}

/** The IQA's samples, reviews and action points about the learner, read from the sampling files. */
async function expectedFromSampling(dir: string, learnerId: string) {
  const out = new Map<string, (at: string) => boolean>();
  const store = samplingStore(await Workspace.open(dir));
  const { plans } = await store.listPlans();
  for (const file of plans) {
    for (const s of file.plan.samples.filter((x) => x.learnerId === learnerId)) {
      const when = s.origin === 'generated' ? file.createdAt : file.updatedAt;
      out.set(`sample:${file.id}:${s.id}`, (a) => a === when);
    }
    for (const r of file.plan.removed.filter((x) => x.sample.learnerId === learnerId)) {
      out.set(`sample-removed:${file.id}:${r.sample.id}`, (a) => a === r.removedOn);
    }
    for (const r of await store.readReviews(file.id)) {
      if (r.learnerId !== learnerId || r.status !== 'complete') continue;
      out.set(`review:${file.id}:${r.id}`, (a) => a === r.reviewedOn);
      for (const point of r.actionPoints) {
        out.set(`action:${point.id}`, (a) => a === point.raisedOn);
        point.history.forEach((h, i) => out.set(`action:${point.id}:${i}`, (a) => a === h.on));
      }
    }
  }
  return out;
}

const instant = (at: string) => Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(at) ? `${at}T00:00Z` : at);

describe('the learner’s timeline on the demo centre', () => {
  // One demo centre for every test here: the tests only read it.
  let root: string;
  let workbench: Workbench;
  let dispatch: ReturnType<typeof createDispatcher>;
  /** The operation as the screen calls it: the answer, typed, or its error. */
  const list = async (input: Input): Promise<{ ok: true; data: Page } | { ok: false }> =>
    (await dispatch('timeline:list', input)) as { ok: true; data: Page } | { ok: false };

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'workbench-test-'));
    workbench = await bootWorkbench(root);
    dispatch = createDispatcher(workbench);
    const eqa = workbench.workspace.centre.staff.find((s) => s.roles.includes('eqa'))!;
    // The EQA's read-only access is enough to see a learner's journey.
    await workbench.signIn({ personId: eqa.id, role: 'eqa' });
  });
  afterAll(async () => {
    await workbench.shutdown();
    await rm(root, { recursive: true, force: true, maxRetries: 10 });
  });

  async function wholeTimeline(learnerId: string, limit: number): Promise<Entry[]> {
    const entries: Entry[] = [];
    for (let offset = 0; ; offset += limit) {
      const page = await list({ learnerId, offset, limit });
      if (!page.ok) throw new Error('timeline:list failed');
      expect(page.data.problems).toEqual([]);
      entries.push(...page.data.entries);
      if (offset + limit >= page.data.total) return entries;
    }
  }

  it('holds every event of each learner’s portfolio and sampling, newest first', async () => {
    const workspace = workbench.workspace;
    let seenKinds = new Set<string>();
    for (const learner of workspace.centre.learners) {
      await workspace.portfolios.flush();
      const onDisk = await portfolioOnDisk(await workspace.portfolioFolder(learner.id), learner.id);
      const expected = new Map([
        ...expectedFromPortfolio(onDisk),
        ...(await expectedFromSampling(workspace.dir, learner.id)),
        ...(await expectedFromVisits(workspace, learner.id)),
      ]);
      // Small pages, so paging is part of what is checked.
      const entries = await wholeTimeline(learner.id, 7);
      const instants = entries.map((e) => instant(e.at));
      expect(instants).toEqual([...instants].sort((a, b) => b - a));
      const events = entries.flatMap((e) => (e.items.length ? e.items : [e]));
      const keys = events.map((e) => e.key);
      expect(new Set(keys).size, 'no event twice').toBe(keys.length);
      expect([...keys].sort()).toEqual([...expected.keys()].sort());
      for (const e of events) expect(expected.get(e.key)!(e.at), `${e.key} at ${e.at}`).toBe(true);
      for (const e of entries) {
        expect(e.when).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}/);
        expect(e.who).not.toBe('');
        seenKinds = new Set([...seenKinds, e.kind]);
      }
    }
    // The demo has each kind it can make: the check above is not on an empty journey.
    const kinds = ['registration', 'evidence', 'decision', 'witness', 'sign-off', 'plan', 'review'];
    for (const kind of [...kinds, 'iqa-sample', 'eqa-visit', 'action-point']) {
      expect(seenKinds).toContain(kind);
    }
  });

  it('opens what each entry is about: the links name items that exist', async () => {
    const workspace = workbench.workspace;
    const { visits } = await listVisits(workspace);
    for (const learner of workspace.centre.learners) {
      const onDisk = await portfolioOnDisk(await workspace.portfolioFolder(learner.id), learner.id);
      const entries = await wholeTimeline(learner.id, 500);
      for (const event of entries.flatMap((e) => [e, ...e.items])) {
        const q = event.link.query;
        expect(['learners', 'marking', 'records', 'sampling']).toContain(q.page);
        if (q.page !== 'sampling') expect(q.learner).toBe(learner.id);
        if (q.review) {
          expect(q.tab).toBe('reviews');
          expect(onDisk.progressReviews.map((r) => r.id)).toContain(q.review);
        }
        if (q.visit) {
          const visit = visits.find((v) => v.id === q.visit);
          expect(visit?.samples.map((s) => s.learnerId)).toContain(learner.id);
          expect(q.view).toBe('visits');
        }
        if (q.evidence) expect(onDisk.evidence.map((e) => e.id)).toContain(q.evidence);
        if (q.unit) expect(onDisk.registrations.map((r) => r.unitId)).toContain(q.unit);
        if (q.record) expect(onDisk.issuedRecords.map((r) => r.recordId)).toContain(q.record);
        if (event.key.startsWith('plan')) {
          // An assessment plan's entries open the plan itself, on the Plans tab.
          expect(q).toMatchObject({ page: 'learners', tab: 'plans' });
          expect(onDisk.assessmentPlans.map((p) => p.id)).toContain(q.plan);
        }
        if (q.criterion) {
          const [criterionRef, partRef = null] = q.criterion.split('|');
          expect(
            onDisk.decisions.some(
              (d) =>
                d.unitId === q.unit && d.criterionRef === criterionRef && d.partRef === partRef,
            ),
          ).toBe(true);
        }
      }
    }
  });

  it('filters by kind, keeps the counts of every kind, and groups a burst of decisions', async () => {
    let checked = 0;
    for (const { id: learnerId } of workbench.workspace.centre.learners) {
      const all = await list({ learnerId, limit: 500 });
      if (!all.ok) throw new Error('timeline:list failed');
      const { decision = 0, evidence = 0 } = all.data.counts;
      if (!decision || !evidence) continue;
      checked += 1;
      const only = await list({
        learnerId,
        kinds: ['decision', 'evidence'],
        limit: 500,
      });
      if (!only.ok) throw new Error('timeline:list failed');
      expect(new Set(only.data.entries.map((e) => e.kind))).toEqual(
        new Set(['decision', 'evidence']),
      );
      expect(only.data.total).toBe(decision + evidence);
      expect(only.data.counts).toEqual(all.data.counts);
      expect(only.data.entries).toEqual(
        all.data.entries.filter((e) => e.kind === 'decision' || e.kind === 'evidence'),
      );
      for (const burst of only.data.entries.filter((e) => e.items.length > 1)) {
        expect(burst.what).toMatch(new RegExp(`^${burst.items.length} decisions on `));
        expect(new Set(burst.items.map((i) => i.at.slice(0, 10))).size).toBe(1);
      }
    }
    expect(checked).toBeGreaterThan(0);
    const learnerId = workbench.workspace.centre.learners[0]!.id;
    const refused = await dispatch('timeline:list', { learnerId, kinds: ['nonsense' as 'plan'] });
    expect(refused.ok).toBe(false);
  });
});
