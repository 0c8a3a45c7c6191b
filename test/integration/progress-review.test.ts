import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '../../src-main/api/handlers';
import { main } from '../../src-main/cli/main';
import { unitProgress } from '../../src-main/decision/progress';
import { DEMO_PASSPHRASE } from '../../src-main/demo/demo-identities';
import { UserError } from '../../src-main/kernel/user-error';
import { saveReview } from '../../src-main/progress-review/review-actions';
import { learnerReviewSchedule } from '../../src-main/progress-review/review-schedule';
import type { Workspace } from '../../src-main/workspace/workspace';
import { demoWorkspace, when } from '../support/demo-workspace';
import { portfolioOnDisk } from '../support/portfolio-on-disk';
import { convertWithLibreOffice, pdfsigVerdicts, runTool } from '../support/record/system-tools';
import { bootWorkbench } from '../support/workbench';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  process.env.WORKBENCH_PASSPHRASE = DEMO_PASSPHRASE;
  try {
    const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    delete process.env.WORKBENCH_PASSPHRASE;
  }
}

const text = async (file: string) => (await runTool('pdftotext', [file, '-'])).stdout;

describe('progress reviews in the demo centre', () => {
  let root: string;
  let workspace: Workspace;
  const learnerNamed = (name: string) => workspace.centre.learners.find((l) => l.name === name)!;
  const folderOf = (name: string) => path.join(workspace.dir, learnerNamed(name).portfolio);

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'workbench-reviews-'));
    ({ workspace } = await demoWorkspace(root));
    return () => rm(root, { recursive: true, force: true, maxRetries: 10 });
  });

  it("a new review carries the last review's targets unanswered and the portfolio's progress as it stands", async () => {
    const lukasz = learnerNamed('Łukasz Wójcik');
    const portfolio = await portfolioOnDisk(folderOf('Łukasz Wójcik'), lukasz.id);
    const [first, second] = [...portfolio.progressReviews].sort((a, b) =>
      a.heldOn.localeCompare(b.heldOn),
    );
    // The demo's second review answered the first one's targets: two of three missed.
    expect(second!.previousTargets.map((t) => [t.targetId, t.outcome])).toEqual(
      first!.targets.map((t, i) => [t.id, ['partly-met', 'not-met', 'met'][i]]),
    );
    const { units } = await workspace.listUnits();
    const tom = workspace.centre.staff.find((s) => s.name === 'Tom Fletcher')!;
    const { review } = saveReview(
      portfolio,
      {
        heldOn: '2026-11-24',
        wentWell: 'Good.',
        concerns: '',
        learnerView: '',
        employerView: '',
        wellbeing: '',
        employerName: '',
        answers: [],
        targets: [{ what: 'Finish the questions.', byWhen: '2027-01-10', who: 'Łukasz' }],
      },
      { units, staff: workspace.centre.staff, assessorId: tom.id },
      { id: tom.id, role: 'assessor' },
      when,
    );
    expect(review.previousTargets.map((t) => [t.targetId, t.outcome])).toEqual(
      second!.targets.map((t) => [t.id, null]),
    );
    for (const u of review.units) {
      const unit = units.find((x) => x.id === u.unitId && x.version === u.unitVersion)!;
      const counted = unitProgress(portfolio, unit, workspace.centre.staff).criteria;
      expect([u.met, u.total]).toEqual([counted.met, counted.total]);
    }
    expect(review.units.some((u) => u.met > 0)).toBe(true);
  });

  it('a signed review is not changed: saving over it is refused', async () => {
    const lukasz = learnerNamed('Łukasz Wójcik');
    const portfolio = await portfolioOnDisk(folderOf('Łukasz Wójcik'), lukasz.id);
    const signed = portfolio.progressReviews[0]!;
    const { units } = await workspace.listUnits();
    const attempt = () =>
      saveReview(
        portfolio,
        {
          reviewId: signed.id,
          heldOn: signed.heldOn,
          wentWell: 'Rewritten later.',
          concerns: '',
          learnerView: '',
          employerView: '',
          wellbeing: '',
          employerName: '',
          answers: [],
          targets: [],
        },
        { units, staff: workspace.centre.staff, assessorId: signed.assessorId },
        { id: signed.assessorId, role: 'assessor' },
        when,
      );
    expect(attempt).toThrow(UserError);
    expect(attempt).toThrow(/was signed by .* so it cannot be changed/);
  });

  it('flags a learner overdue a review on the caseload, and not one reviewed this week', async () => {
    const daniel = await portfolioOnDisk(
      folderOf('Daniel Hughes'),
      learnerNamed('Daniel Hughes').id,
    );
    expect(learnerReviewSchedule(daniel, 12, '2026-11-24')?.state).toBe('overdue');
    const wb = await bootWorkbench(root, { workspace: workspace.dir, now: when });
    try {
      const rows = await handlers['review:due']({}, wb);
      const state = (name: string) => rows.find((r) => r.learnerId === learnerNamed(name).id);
      expect(state('Daniel Hughes')?.state).toBe('overdue');
      expect(state('Łukasz Wójcik')?.state).toBe('not-due');
      // A longer interval set by the centre: Daniel's thirteen weeks are then only "due".
      await handlers['review:set-interval']({ weeks: 14 }, wb);
      const later = await handlers['review:due']({}, wb);
      expect(later.find((r) => r.learnerId === learnerNamed('Daniel Hughes').id)?.state).toBe(
        'due',
      );
      await handlers['review:set-interval']({ weeks: 12 }, wb);
    } finally {
      await wb.shutdown();
    }
  });

  it('makes the review record from the command line: sealed PDF with the drawn signatures, and a Word copy LibreOffice opens', async () => {
    const pdf = path.join(root, 'out', 'review.pdf');
    const made = await cli([
      'record',
      workspace.dir,
      '--learner',
      'Łukasz Wójcik',
      '--kind',
      'progress-review',
      '--sign',
      '--out',
      pdf,
    ]);
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    expect(made.out).toMatch(/Progress review, Łukasz Wójcik.*signed by Tom Fletcher/);
    expect(await pdfsigVerdicts(pdf)).toEqual(['Signature is Valid.']);
    const words = (await text(pdf)).replace(/\s+/g, ' ');
    expect(words).toContain('Targets set at the review of');
    expect(words).toContain('Not met (past its date)');
    expect(words).toContain('Partly met (past its date)');
    expect(words).toContain('I took part in this review, it records my progress');
    expect(words).toContain('Graham Pike, station supervisor');
    // Three drawn signatures: learner, assessor and employer.
    const images = await runTool('pdfimages', ['-list', pdf]);
    expect(images.stdout.split('\n').filter((l) => /^\s*\d+\s+\d+\s+image/.test(l))).toHaveLength(
      3,
    );
    const pages = await runTool('pdftoppm', [
      '-png',
      '-r',
      '50',
      pdf,
      path.join(root, 'out', 'pg'),
    ]);
    expect(pages.code).toBe(0);

    const lukasz = learnerNamed('Łukasz Wójcik');
    const portfolio = await portfolioOnDisk(folderOf('Łukasz Wójcik'), lukasz.id);
    const first = [...portfolio.progressReviews].sort((a, b) =>
      a.heldOn.localeCompare(b.heldOn),
    )[0]!;
    const docx = path.join(root, 'out', 'first-review.docx');
    const word = await cli([
      'record',
      workspace.dir,
      '--learner',
      lukasz.id,
      '--kind',
      'progress-review',
      '--id',
      first.id,
      '--format',
      'docx',
      '--out',
      docx,
    ]);
    expect(word.code).toBe(0);
    const converted = await convertWithLibreOffice(docx, path.join(root, 'out'));
    const docWords = (await text(converted)).replace(/\s+/g, ' ');
    expect(docWords).toContain('Progress review');
    expect(docWords).toContain('first review: no earlier targets');
    expect(docWords).toContain('Collect two written customer feedback forms');

    // The learner's progress summary lists the last signed review's targets.
    const summary = path.join(root, 'out', 'summary.pdf');
    const progress = await cli([
      'record',
      workspace.dir,
      '--learner',
      lukasz.id,
      '--kind',
      'progress',
      '--out',
      summary,
    ]);
    expect(progress.code).toBe(0);
    const summaryWords = (await text(summary)).replace(/\s+/g, ' ');
    expect(summaryWords).toMatch(/Targets from the progress review of \d+ \w+ 2026/);
    expect(summaryWords).toContain('Add the second customer feedback form to the portfolio.');

    const unknown = await cli([
      'record',
      workspace.dir,
      '--learner',
      lukasz.id,
      '--kind',
      'progress-review',
      '--id',
      'pr-nothing',
      '--out',
      path.join(root, 'out', 'x.pdf'),
    ]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.err).toContain('has no progress review "pr-nothing"');
  });
});
