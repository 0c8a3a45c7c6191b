import { execFile } from 'node:child_process';
import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Learner } from '../../../src-main/centre/centre-schema';
import { competenceStore } from '../../../src-main/competence/competence-store';
import { standardisationWatch } from '../../../src-main/competence/standardisation-watch';
import { DEMO_PASSPHRASE } from '../../../src-main/demo/demo-identities';
import { signerFor } from '../../../src-main/record/identity-store/signers';
import { samplingReportFile } from '../../../src-main/record/issue/sampling-report';
import { eraseLearner } from '../../../src-main/retention/erase';
import { samplingStore } from '../../../src-main/sampling/sampling-store';
import { samplingWatch } from '../../../src-main/sampling/sampling-watch';
import { listVisits, visitDoc } from '../../../src-main/visit-pack/visit-store';
import { visitWatch } from '../../../src-main/visit-pack/visit-watch';
import { Workspace } from '../../../src-main/workspace/workspace';
import { demoWorkspace } from '../../support/demo-workspace';
import { useTempDirs } from '../../support/temp-dir';

const run = promisify(execFile);
const later = new Date('2030-06-01T09:00:00Z');

/** The files of a QA folder (not issued PDFs or packs) whose text holds one of `values`. */
async function holding(dir: string, values: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.jsonl?$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (/-pack[/\\]/.test(path.relative(dir, file))) continue;
    const text = await readFile(file, 'utf8');
    for (const v of values) if (text.includes(v)) found.push(`${path.relative(dir, file)}: ${v}`);
  }
  return found;
}

/** The learner's name, ULN, employer and workplace: what must never come back. */
const personal = (l: Learner) => [l.name, l.uln, l.employer, l.workplace].filter(Boolean);

async function erase(workspace: Workspace, root: string, learnerId: string) {
  const iqa = workspace.centre.staff.find((s) => s.roles.includes('iqa'))!;
  const source = { passphrase: DEMO_PASSPHRASE, userDataDir: root };
  const signer = await signerFor(workspace, iqa, 'iqa', source);
  return eraseLearner(
    workspace,
    { learnerId, reason: 'The learner asked', scope: 'learner', onRequest: true },
    iqa,
    signer,
    { id: iqa.id, role: 'iqa' },
    later,
  );
}

/**
 * The office's demo centre and the laptop's copy of it, taken before anything is erased. The
 * laptop then works on its older copy; `bring` carries one QA file's change files and snapshot
 * from the laptop to the office, as a sync engine would after the erasure.
 */
async function officeAndLaptop(root: string) {
  const { workspace: office } = await demoWorkspace(root);
  const laptopDir = path.join(root, 'laptop');
  const bring = async (file: string, changes: string) => {
    for (const name of await readdir(path.join(laptopDir, changes))) {
      const theirs = await readFile(path.join(laptopDir, changes, name), 'utf8');
      const ours = await readFile(path.join(office.dir, changes, name), 'utf8').catch(() => '');
      if (theirs.length > ours.length)
        await writeFile(path.join(office.dir, changes, name), theirs);
    }
    // The laptop's whole snapshot, as a sync engine's conflict copy of it.
    const copy = file.replace(/\.json$/, '.sync-conflict-20300601-100000-LAPTOP1.json');
    await cp(path.join(laptopDir, file), path.join(office.dir, copy));
  };
  const copyToLaptop = async () => {
    await office.flushCentre();
    await cp(office.dir, laptopDir, { recursive: true });
    return Workspace.open(laptopDir);
  };
  return { office, laptopDir, copyToLaptop, bring };
}

describe('an erased learner stays erased in the QA files when an older copy syncs back', () => {
  const temp = useTempDirs();

  it('sampling: a plan edited on a computer that had not seen the erasure', async () => {
    const root = await temp();
    const { office, copyToLaptop, bring } = await officeAndLaptop(root);
    const store = samplingStore(office);
    const [plan] = (await store.listPlans()).plans;
    const sample = plan!.plan.samples[0]!;
    const learner = office.learner(sample.learnerId);
    const values = personal(learner);
    const laptop = await copyToLaptop();

    // The laptop notes who the sample was, by name, ULN and employer, in the sample's reasons.
    const laptopPlan = await samplingStore(laptop).plan(plan!.id);
    await laptopPlan.update((f) => ({
      ...f,
      plan: {
        ...f.plan,
        samples: f.plan.samples.map((s) =>
          s.id === sample.id
            ? {
                ...s,
                reasons: [...s.reasons, `${learner.name} (${learner.uln}) at ${learner.employer}`],
              }
            : s,
        ),
      },
    }));
    await laptopPlan.flush();
    const result = await erase(office, root, learner.id);
    const folder = path.join(office.dir, 'sampling');
    // Other learners may share an employer or a place: the folder is checked for who they are.
    const who = [learner.name, learner.uln];
    expect(await holding(folder, who)).toEqual([]);

    await bring(`sampling/plan-${plan!.id}.json`, `sampling/plan-${plan!.id}-changes`);
    // The watcher is told of the files that arrived.
    expect(await samplingWatch.noticeChange(office, `plan-${plan!.id}-changes`)).toBe(true);
    await samplingWatch.noticeChange(
      office,
      `plan-${plan!.id}.sync-conflict-20300601-100000-LAPTOP1.json`,
    );
    const shown = (await store.plan(plan!.id)).data.plan.samples.find((s) => s.id === sample.id)!;
    const text = JSON.stringify(shown);
    for (const v of values) expect(text).not.toContain(v);
    expect(shown.reasons.at(-1)).toContain('[erased]');
    await (await store.plan(plan!.id)).flush();
    expect(await holding(folder, who)).toEqual([]);

    // A fresh read of the office's folder, and the IQA's sampling report made from it.
    const again = await Workspace.open(office.dir);
    const pdf = path.join(root, 'report.pdf');
    await writeFile(pdf, await samplingReportFile(again, plan!.id, { format: 'pdf', now: later }));
    const report = (await run('pdftotext', ['-layout', pdf, '-'])).stdout;
    for (const v of who) expect(report).not.toContain(v);
    expect(report).toContain(result.pseudonym);
  }, 300_000);

  it('visits: the EQA visit record, with each sampled learner named beside their id', async () => {
    const root = await temp();
    const { office, laptopDir, copyToLaptop, bring } = await officeAndLaptop(root);
    const [visit] = (await listVisits(office)).visits;
    const sampled = visit!.samples[0]!;
    const learner = office.learner(sampled.learnerId);
    const values = personal(learner);
    const laptop = await copyToLaptop();

    // The laptop corrects the learner's name in its older copy of the visit record.
    const laptopVisit = await visitDoc(laptop, visit!.id);
    await laptopVisit.update((v) => ({
      ...v,
      samples: v.samples.map((s) =>
        s.learnerId === learner.id ? { ...s, learner: `${learner.name} ${learner.uln}` } : s,
      ),
    }));
    await laptopVisit.flush();
    const result = await erase(office, root, learner.id);
    const folder = path.join(office.dir, 'visits');
    expect(await holding(folder, values)).toEqual([]);

    await bring(`visits/${visit!.id}/visit.json`, `visits/${visit!.id}/visit-changes`);
    const [changeFile] = await readdir(path.join(folder, visit!.id, 'visit-changes'));
    expect(await visitWatch.noticeChange(office, `${visit!.id}/visit-changes/${changeFile}`)).toBe(
      true,
    );
    // The sync engine also puts the laptop's older snapshot back whole, in the office's one's place.
    const snapshot = `visits/${visit!.id}/visit.json`;
    await cp(path.join(laptopDir, snapshot), path.join(office.dir, snapshot));
    expect(await visitWatch.noticeChange(office, `${visit!.id}/visit.json`)).toBe(true);
    expect(await holding(folder, values)).toEqual([]);
    const shown = (await listVisits(office)).visits.find((v) => v.id === visit!.id)!;
    expect(shown.samples.find((s) => s.learnerId === learner.id)?.learner).toBe(result.pseudonym);
    for (const v of values) expect(JSON.stringify(shown)).not.toContain(v);
    await (await visitDoc(office, visit!.id)).flush();
    expect(await holding(folder, values)).toEqual([]);

    const again = await Workspace.open(office.dir);
    const reread = (await listVisits(again)).visits.find((v) => v.id === visit!.id)!;
    expect(reread.samples.find((s) => s.learnerId === learner.id)?.learner).toBe(result.pseudonym);
  }, 300_000);

  it('standardisation: a record of the learner’s work, judged again on the laptop', async () => {
    const root = await temp();
    const { office, copyToLaptop, bring } = await officeAndLaptop(root);
    const store = competenceStore(office);
    const [meeting] = (await store.listMeetings()).meetings;
    const learner = office.centre.learners.find((l) => l.employer && l.workplace)!;
    const values = personal(learner);
    // The IQA chose the learner's work for the meeting, and described it.
    await store.changeMeeting(meeting!.id, (m) => ({
      ...m,
      sample: {
        ...m.sample,
        learnerId: learner.id,
        description: `${learner.name}'s observation at ${learner.employer}, ${learner.workplace}.`,
      },
    }));
    const laptop = await copyToLaptop();

    await competenceStore(laptop).changeMeeting(meeting!.id, (m) => ({
      ...m,
      agreed: {
        ...m.agreed,
        rationale: `Looked again at ${learner.name}'s work (${learner.uln}).`,
      },
    }));
    const result = await erase(office, root, learner.id);
    const folder = path.join(office.dir, 'standardisation');
    expect(await holding(folder, [learner.name, learner.uln])).toEqual([]);

    await bring(`standardisation/${meeting!.id}.json`, `standardisation/${meeting!.id}-changes`);
    expect(await standardisationWatch.noticeChange(office, `${meeting!.id}-changes`)).toBe(true);
    const shown = (await store.listMeetings()).meetings.find((m) => m.id === meeting!.id)!;
    for (const v of values) expect(JSON.stringify(shown)).not.toContain(v);
    expect(shown.agreed.rationale).toBe(`Looked again at [erased]'s work ([erased]).`);
    expect(result.pseudonym).toMatch(/^Learner /);
    expect(await holding(folder, values)).toEqual([]);

    const again = await Workspace.open(office.dir);
    const reread = (await competenceStore(again).listMeetings()).meetings;
    for (const v of values) expect(JSON.stringify(reread)).not.toContain(v);
  }, 300_000);
});
