import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { planDeclarationWords } from '../../../src-main/kernel/plan-declaration-words';
import { Workspace } from '../../../src-main/workspace/workspace';
import { countsAsExpert } from '../../../src-main/decision/witness-rules';
import { stillToDoOnUnit } from '../../../src-main/decision/planned-targets';
import { recordDecision } from '../../../src-main/decision/marking';
import { demoWorkspace } from '../../support/demo-workspace';
import { portfolioOnDisk } from '../../support/portfolio-on-disk';
import { convertWithLibreOffice, pdfsigVerdicts, runTool } from '../../support/record/system-tools';
import { runCli } from '../../support/run-cli';
import { useTempDirs } from '../../support/temp-dir';

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the assessment plan record', () => {
  const tempDir = useTempDirs();
  let workspace: Workspace;
  let siobhan: { id: string; folder: string };

  beforeAll(async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'workbench-plan-record-'));
    ({ workspace } = await demoWorkspace(root));
    const learner = workspace.centre.learners.find((l) => l.name === 'Siobhán Ní Bhriain')!;
    siobhan = { id: learner.id, folder: await workspace.portfolioFolder(learner.id) };
    return () => rm(root, { recursive: true, force: true, maxRetries: 10 });
  });

  it('is made by workbench record --kind assessment-plan, sealed by the assessor, with the drawn signatures on the page', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'plan.pdf');
    const plan = (await portfolioOnDisk(siobhan.folder, siobhan.id)).assessmentPlans[0]!;
    expect(plan.status).toBe('agreed');
    const made = await runCli([
      'record',
      workspace.dir,
      '--learner',
      'Siobhán Ní Bhriain',
      '--kind',
      'assessment-plan',
      '--id',
      plan.id,
      '--out',
      out,
      '--sign',
    ]);
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    expect(made.out).toContain('signed by Priya Sharma');

    expect(await pdfsigVerdicts(out)).toEqual(['Signature is Valid.']);
    const text = flat((await runTool('pdftotext', ['-layout', out, '-'])).stdout);
    for (const words of [
      'Assessment plan',
      'Siobhán Ní Bhriain',
      'Dr Ruth Adeyemi',
      'Expert witness',
      'Agreed on 20 Oct 2026, when the assessor signed.',
      'quiet room',
      planDeclarationWords('learner', 1),
      planDeclarationWords('assessor', 1),
    ]) {
      expect(text).toContain(flat(words));
    }
    expect(text).not.toContain('DRAFT');
    // The two drawn signatures are images on the page, and every page renders.
    const images = (await runTool('pdfimages', ['-list', out])).stdout.split('\n').slice(2);
    const drawn = images.map((l) => l.trim().split(/\s+/)).filter((c) => c[2] === 'image');
    expect(drawn.map((c) => `${c[3]}x${c[4]}`)).toEqual(['300x100', '300x100']);
    const rendered = await runTool('pdftoppm', ['-png', '-r', '50', out, path.join(dir, 'page')]);
    expect(rendered.code).toBe(0);
    expect((await readdir(dir)).filter((f) => f.endsWith('.png')).length).toBeGreaterThan(0);

    const onDisk = await portfolioOnDisk(siobhan.folder, siobhan.id);
    expect(onDisk.issuedRecords.at(-1)).toMatchObject({ kind: 'assessment-plan', format: 'pdf' });
  });

  it('is a Word document LibreOffice opens, saying the same words', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'plan.docx');
    const made = await runCli([
      'record',
      workspace.dir,
      '--learner',
      siobhan.id,
      '--kind',
      'assessment-plan',
      '--format',
      'docx',
      '--out',
      out,
    ]);
    expect(made.code).toBe(0);
    const pdf = await convertWithLibreOffice(out, dir);
    const text = flat((await runTool('pdftotext', [pdf, '-'])).stdout);
    expect(text).toContain('Assessment plan');
    expect(text).toContain('Dr Ruth Adeyemi');
    expect(text).toContain(flat(planDeclarationWords('assessor', 1)));
  });

  it('shows the planned criteria without a decision after the visit as still to do, and none once decided', async () => {
    const { units } = await workspace.listUnits();
    const doc = await workspace.portfolio(siobhan.id);
    const registration = doc.data.registrations[0]!;
    const unit = units.find(
      (u) => u.id === registration.unitId && u.version === registration.unitVersion,
    )!;
    const visit = doc.data.assessmentPlans[0]!.visitDate!;
    expect(stillToDoOnUnit(doc.data, unit, visit).size).toBe(0);
    const after = stillToDoOnUnit(doc.data, unit, '2026-12-01');
    expect([...after.keys()]).toEqual(['7.4', '9.1|a', '9.1|b', '9.1|c', '8.1', '8.2', '8.3']);
    expect(after.get('7.4')?.visitDate).toBe(visit);
    const assessor = { id: registration.assessorId, role: 'assessor' as const };
    const decided = recordDecision(
      doc.data,
      unit,
      { criterionRef: '7.4', partRef: null, outcome: 'met', feedback: 'Seen at the visit.' },
      assessor,
      new Date('2026-11-25T10:00:00Z'),
    ).portfolio;
    expect(stillToDoOnUnit(decided, unit, '2026-12-01').has('7.4')).toBe(false);

    const amara = workspace.centre.learners.find((l) => l.name === 'Amara Okafor')!;
    const hers = (await workspace.portfolio(amara.id)).data;
    expect(hers.assessmentPlans[0]).toMatchObject({ status: 'agreed' });
    expect(hers.assessmentPlans[0]!.evidenceIds).toHaveLength(1);
    expect(stillToDoOnUnit(hers, unit, '2026-12-01').size).toBe(0);
  });

  it('says which plans there are when --id names none of them, and issues nothing', async () => {
    const before = (await portfolioOnDisk(siobhan.folder, siobhan.id)).issuedRecords.length;
    const made = await runCli([
      'record',
      workspace.dir,
      '--learner',
      siobhan.id,
      '--kind',
      'assessment-plan',
      '--id',
      'ap-nothing',
      '--out',
      path.join(await tempDir(), 'x.pdf'),
    ]);
    expect(made.code).not.toBe(0);
    expect(made.err).toMatch(/has no assessment plan ap-nothing\. Their plans: ap-/);
    expect((await portfolioOnDisk(siobhan.folder, siobhan.id)).issuedRecords).toHaveLength(before);
  });
});

describe('a portfolio with plans of the first layout', () => {
  const tempDir = useTempDirs();

  it('upgrades them on open with nothing lost, and the expert named in one still counts', async () => {
    const { workspace } = await demoWorkspace(await tempDir());
    const learner = workspace.centre.learners.find((l) => l.name === 'Siobhán Ní Bhriain')!;
    const folder = await workspace.portfolioFolder(learner.id);
    const expert = workspace.centre.witnesses.find((w) => w.expert)!;
    await workspace.portfolios.flush();
    const file = path.join(folder, 'portfolio.json');
    const { snapshot: _s, ...current } = JSON.parse(await readFile(file, 'utf8'));
    const unitId = current.registrations[0].unitId as string;
    const old = {
      id: 'ap-first-layout',
      updatedAt: '2026-09-01T09:00:00.000Z',
      updatedBy: 'demo-setup',
      agreedOn: '2026-09-01',
      unitIds: [unitId],
      expertWitnessIds: [expert.id],
      notes: 'Named before plans were signed.',
    };
    // As an older workbench wrote it: the portfolio itself, no change files.
    await rm(path.join(folder, 'changes'), { recursive: true });
    await writeFile(file, JSON.stringify({ ...current, assessmentPlans: [old] }));

    const reopened = await Workspace.open(workspace.dir);
    const plans = (await reopened.portfolio(learner.id)).data.assessmentPlans;
    expect(plans).toEqual([
      expect.objectContaining({
        id: 'ap-first-layout',
        status: 'agreed',
        agreedOn: '2026-09-01',
        unitIds: [unitId],
        expertWitnessIds: [expert.id],
        notes: 'Named before plans were signed.',
        recordedBeforeSigning: {
          agreedOn: '2026-09-01',
          unitIds: [unitId],
          expertWitnessIds: [expert.id],
          notes: 'Named before plans were signed.',
        },
      }),
    ]);
    expect(countsAsExpert(expert, plans, unitId, '2026-09-02')).toBe(true);
    expect(countsAsExpert(expert, plans, unitId, '2026-08-31')).toBe(false);

    const out = path.join(await tempDir(), 'old-plan.pdf');
    const made = await runCli([
      'record',
      reopened.dir,
      '--learner',
      learner.id,
      '--kind',
      'assessment-plan',
      '--out',
      out,
    ]);
    expect(made.code).toBe(0);
    const text = flat((await runTool('pdftotext', [out, '-'])).stdout);
    expect(text).toContain('Recorded as agreed on 1 Sep 2026, before plans were signed.');
    expect(text).toContain('Named before plans were signed.');
  });
});
