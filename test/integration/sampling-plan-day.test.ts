import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src-main/api/dispatcher';
import { DEMO_PASSPHRASE } from '../../src-main/demo/demo-identities';
import { startHttpHost } from '../../src-main/hosts/http/http-host';
import type {
  PlanView,
  SamplingOverview,
  SavedReport,
} from '../../src-main/sampling/sampling-contract';
import type { RecordPreview } from '../../src-main/record/record-contract';
import { runTool } from '../support/record/system-tools';
import { useTempDirs } from '../support/temp-dir';
import { bootWorkbench } from '../support/workbench';
import { ok } from '../support/dispatch';

describe('a sampling plan made on 2 December', () => {
  const tempDir = useTempDirs();

  it('plans from that day on, leaves out and names unassessed units, tells two plans apart, and opens saved reports', async () => {
    const root = await tempDir();
    const now = new Date('2026-12-02T10:00:00Z');
    const workbench = await bootWorkbench(root, { now });
    const dispatch = createDispatcher(workbench);
    const margaret = workbench.workspace.centre.staff.find((s) => s.name === 'Margaret Ellis')!;
    await ok(dispatch, 'session:set-user', {
      personId: margaret.id,
      role: 'iqa',
      passphrase: DEMO_PASSPHRASE,
    });
    const before = await ok<SamplingOverview>(dispatch, 'sampling:overview', {});
    const qualificationId = before.plans[0]!.qualificationId;

    const { id } = await ok<{ id: string }>(dispatch, 'sampling:create-plan', {
      qualificationId,
      seed: 7,
    });
    const plan = await ok<PlanView>(dispatch, 'sampling:get-plan', { planId: id });
    expect(plan.period.from < '2026-12-02').toBe(true);
    expect(plan.samples.length).toBeGreaterThan(0);
    for (const s of plan.samples) {
      expect(s.plannedDate >= '2026-12-02', s.plannedDate).toBe(true);
      expect(s.plannedDate <= plan.period.to).toBe(true);
      expect(s.progress).not.toBe('overdue');
    }

    // Siobhán has just started: nothing of hers is assessed, so none is sampled, and the plan says so.
    const siobhan = workbench.workspace.centre.learners.find((l) => l.name.startsWith('Siobh'))!;
    expect(plan.samples.some((s) => s.learnerId === siobhan.id)).toBe(false);
    const hers = plan.leftOut.filter((l) => l.learnerId === siobhan.id);
    expect(hers.length).toBeGreaterThan(0);
    expect(hers[0]!.reason).toMatch(/^nothing assessed yet/);
    expect(hers[0]!.learnerName).toBe(siobhan.name);

    // A plan for an ended period is refused: every sample would be overdue at once.
    const ended = await dispatch('sampling:create-plan', {
      qualificationId,
      seed: 7,
      from: '2026-09-01',
      to: '2026-11-30',
    });
    expect(ended).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!ended.ok) expect(ended.error.message).toContain('ended on 30 Nov 2026');

    // Two plans for one period: the list names who made each and when, and how many samples.
    const after = await ok<SamplingOverview>(dispatch, 'sampling:overview', {});
    const mine = after.plans.filter((p) => p.qualificationId === qualificationId);
    expect(mine).toHaveLength(2);
    for (const p of mine) expect(p.createdBy).toBe('Margaret Ellis');
    // The new plan is made now; the demo's own plan was made a fortnight before its reviews.
    expect(mine.find((p) => p.id === id)?.createdAt).toBe(now.toISOString());
    const demoPlan = mine.find((p) => p.id !== id)!;
    expect(demoPlan.createdAt < now.toISOString()).toBe(true);
    expect(mine.find((p) => p.id === id)?.samples).toBe(plan.samples.length);

    // The report lists what was not sampled, and why.
    const saved = await ok<{ path: string }>(dispatch, 'sampling:save-report', {
      planId: id,
      format: 'pdf',
    });
    const file = path.join(workbench.workspace.dir, saved.path);
    const text = (await runTool('pdftotext', ['-layout', file, '-'])).stdout;
    expect(text).toContain('Not sampled');
    expect(text).toContain('Nothing assessed yet');

    const reports = await ok<SavedReport[]>(dispatch, 'sampling:saved-reports', { planId: id });
    expect(reports.map((r) => r.path)).toEqual([saved.path]);
    const preview = await ok<RecordPreview>(dispatch, 'sampling:open-report', {
      path: saved.path,
    });
    expect(preview.kind).toBe('pdf');

    // The HTTP host serves it through the evidence file route, as an evidence preview.
    const host = await startHttpHost({ workbench, rendererDir: path.join(root, 'renderer') });
    try {
      const answer = await fetch(`http://127.0.0.1:${host.port}${preview.url}`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('application/pdf');
      expect(answer.headers.get('content-security-policy')).toContain('sandbox');
      const bytes = Buffer.from(await answer.arrayBuffer());
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await host.close();
    }

    // Only a saved report, inside the reports folder: no other file, no way out, no link out.
    const outside = path.join(root, 'secret.pdf');
    await writeFile(outside, '%PDF-1.7 not for the browser');
    const reportsDir = path.join(workbench.workspace.dir, 'sampling', 'reports');
    await mkdir(reportsDir, { recursive: true });
    const linked = `sampling-report-${id}-2026-12-01.pdf`;
    await symlink(outside, path.join(reportsDir, linked));
    for (const wanted of [
      '../../secret.pdf',
      'sampling/reports/../../centre.json',
      'centre.json',
      outside,
      `sampling/reports/${linked}`,
    ]) {
      const refused = await dispatch('sampling:open-report', { path: wanted });
      expect(refused.ok, wanted).toBe(false);
    }
  });
});
