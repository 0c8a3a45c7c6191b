import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditEntry } from '../../../src-main/audit/audit';
import type { Learner } from '../../../src-main/centre/centre-schema';
import { competenceStore } from '../../../src-main/competence/competence-store';
import { standardisationWatch } from '../../../src-main/competence/standardisation-watch';
import { standardisationView } from '../../../src-main/competence/standardisation-view';
import { DEMO_PASSPHRASE } from '../../../src-main/demo/demo-identities';
import { signerFor } from '../../../src-main/record/identity-store/signers';
import { formatDate } from '../../../src-main/kernel/dates';
import { eraseLearner } from '../../../src-main/retention/erase';
import { planView } from '../../../src-main/sampling/plan-operations';
import { samplingStore } from '../../../src-main/sampling/sampling-store';
import { listVisits, visitDoc } from '../../../src-main/visit-pack/visit-store';
import { Workspace } from '../../../src-main/workspace/workspace';
import { demoWorkspace } from '../../support/demo-workspace';
import { useTempDirs } from '../../support/temp-dir';

const later = new Date('2030-06-01T09:00:00Z');
const day = '2030-06-01';

/** A learner whose employer and workplace no one else on the roster shares. */
function learnerOfTheirOwn(workspace: Workspace): Learner {
  const all = workspace.centre.learners;
  const shared = (l: Learner, f: 'employer' | 'workplace') =>
    all.some((o) => o.id !== l.id && o[f] === l[f]);
  return all.find(
    (l) => l.employer && l.workplace && !shared(l, 'employer') && !shared(l, 'workplace'),
  )!;
}

/** `l` when no one else on the roster shares their employer or workplace. */
function learnerOfTheirOwnAmong(workspace: Workspace, l: Learner): Learner | undefined {
  const all = workspace.centre.learners;
  const shared = (f: 'employer' | 'workplace') => all.some((o) => o.id !== l.id && o[f] === l[f]);
  return l.employer && l.workplace && !shared('employer') && !shared('workplace') ? l : undefined;
}

/**
 * Every personal value of the learner's the erasure takes (long enough to be searched), but
 * not what a witness on the centre's roster holds as their own (the employer they work for).
 */
function personal(workspace: Workspace, l: Learner): string[] {
  const witnesses = JSON.stringify(workspace.centre.witnesses);
  const values = [l.name, l.uln, l.dateOfBirth ?? '', l.employer, l.workplace, l.needs];
  return values
    .map((v) => v.trim())
    .filter((v) => v.length >= 3 && !witnesses.includes(JSON.stringify(v)));
}

/** The learner named in free words, each value quoted, without their id. */
const mention = (values: string[]) => `Spoke about ${values.map((v) => `'${v}'`).join(', ')}.`;

/**
 * The files under the QA folders and the centre's own files (not issued PDFs or the centre's
 * copies of visit packs, which are made again apart) whose text holds one of `values`.
 */
async function holding(dir: string, values: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name.endsWith('.pdf')) continue;
    const file = path.relative(dir, path.join(entry.parentPath, entry.name));
    const top = file.split(path.sep)[0]!;
    const qa = ['sampling', 'visits', 'standardisation', 'centre-changes'].includes(top);
    if (!(qa || top.startsWith('centre') || top === 'merged-conflict-copies')) continue;
    if (/-pack[/\\]|-pack\.zip$/.test(file)) continue;
    const text = await readFile(path.join(dir, file), 'utf8');
    for (const v of values) if (text.includes(v)) found.push(`${file}: ${v}`);
  }
  return found;
}

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

/** A standardisation meeting about someone else's work (or none), with `words` as its rationale. */
async function noteInMeeting(workspace: Workspace, learnerId: string, words: string) {
  const store = competenceStore(workspace);
  const meeting = (await store.listMeetings()).meetings[0]!;
  await store.changeMeeting(meeting.id, (m) => ({
    ...m,
    sample: {
      ...m.sample,
      learnerId: m.sample.learnerId === learnerId ? null : m.sample.learnerId,
    },
    agreed: { ...m.agreed, rationale: `${m.agreed.rationale} ${words}` },
  }));
  return meeting.id;
}

describe('erasure takes the learner out of the text of every QA file, named by id or not', () => {
  const temp = useTempDirs();

  it('a sample of another learner, a standardisation record, an EQA action and the centre’s audit trail', async () => {
    const root = await temp();
    const { workspace } = await demoWorkspace(root);
    const learner = learnerOfTheirOwn(workspace);
    const values = personal(workspace, learner);
    const words = mention(values);

    // A sample of another learner's work whose reasons mention her.
    const store = samplingStore(workspace);
    const plans = (await store.listPlans()).plans;
    const plan = plans.find((p) => p.plan.samples.some((s) => s.learnerId !== learner.id))!;
    const other = plan.plan.samples.find((s) => s.learnerId !== learner.id)!;
    await (
      await store.plan(plan.id)
    ).update((f) => ({
      ...f,
      plan: {
        ...f.plan,
        samples: f.plan.samples.map((s) =>
          s.id === other.id ? { ...s, reasons: [...s.reasons, words] } : s,
        ),
      },
    }));
    const meetingId = await noteInMeeting(workspace, learner.id, words);
    // An EQA visit's action point, about the centre, that names her.
    const [visit] = (await listVisits(workspace)).visits;
    await (
      await visitDoc(workspace, visit!.id)
    ).update((v) => ({
      ...v,
      actions: v.actions.map((a, i) => (i === 0 ? { ...a, what: `${a.what} ${words}` } : a)),
    }));
    expect((await visitDoc(workspace, visit!.id)).data.actions.length).toBeGreaterThan(0);
    // The centre's own audit trail, on something else.
    await workspace.changeCentre((c) => ({
      centre: {
        ...c,
        audit: [...c.audit, auditEntry({ id: 'st-x', role: 'iqa' }, later, 'noted', words)],
      },
      result: null,
    }));
    await workspace.flushCentre();
    expect((await holding(workspace.dir, values)).length).toBeGreaterThan(0);

    await erase(workspace, root, learner.id);
    expect(await holding(workspace.dir, values)).toEqual([]);

    // What the screens show, in this process and read afresh.
    for (const ws of [workspace, await Workspace.open(workspace.dir)]) {
      const meetings = (await standardisationView(ws, day)).meetings;
      const meeting = meetings.find((m) => m.id === meetingId)!;
      expect(meeting.agreed.rationale).toContain('[erased]');
      const shown = JSON.stringify([
        meetings,
        await planView(ws, plan.id, day),
        (await listVisits(ws)).visits,
        ws.centre.audit,
      ]);
      for (const v of values) expect(shown).not.toContain(v);
      expect(meeting.agreed.rationale).toContain(`'[erased]'.`);
    }
  }, 300_000);

  it('an older copy synced back holding her name without her id is scrubbed on read and on disk', async () => {
    const root = await temp();
    const { workspace: office } = await demoWorkspace(root);
    const learner = learnerOfTheirOwn(office);
    const values = personal(office, learner);
    await office.flushCentre();
    const laptopDir = path.join(root, 'laptop');
    await cp(office.dir, laptopDir, { recursive: true });
    const laptop = await Workspace.open(laptopDir);

    // The laptop, not yet told of the erasure, notes her in a meeting about someone else.
    const meetingId = await noteInMeeting(laptop, learner.id, mention(values));
    await erase(office, root, learner.id);
    expect(await holding(office.dir, values)).toEqual([]);

    // The sync engine brings the laptop's change file over.
    const changes = `standardisation/${meetingId}-changes`;
    for (const name of await readdir(path.join(laptopDir, changes))) {
      const theirs = await readFile(path.join(laptopDir, changes, name), 'utf8');
      const ours = await readFile(path.join(office.dir, changes, name), 'utf8').catch(() => '');
      if (theirs.length > ours.length)
        await writeFile(path.join(office.dir, changes, name), theirs);
    }
    expect((await holding(office.dir, values)).length).toBeGreaterThan(0);
    expect(await standardisationWatch.noticeChange(office, `${meetingId}-changes`)).toBe(true);
    const meeting = (await standardisationView(office, day)).meetings.find(
      (m) => m.id === meetingId,
    )!;
    expect(meeting.agreed.rationale).toContain(`'[erased]'.`);
    for (const v of values) expect(JSON.stringify(meeting)).not.toContain(v);
    expect(await holding(office.dir, values)).toEqual([]);
  }, 300_000);

  it('another learner’s note keeps her evidence title and a witness’s relationship, but not who she is', async () => {
    const root = await temp();
    const { workspace } = await demoWorkspace(root);
    // A learner of her own whose witness's relationship and evidence title others' notes may say too.
    let learner: Learner | undefined;
    let title = '';
    let relationship = '';
    for (const l of workspace.centre.learners) {
      const { data } = await workspace.portfolio(l.id);
      const t = data.testimonies.find((x) => x.witness.relationship.trim());
      const e = data.evidence.find((x) => /^\p{Lu}/u.test(x.title) && x.title.includes(' '));
      if (t && e && l === learnerOfTheirOwnAmong(workspace, l)) {
        [learner, title, relationship] = [l, e.title, t.witness.relationship];
        break;
      }
    }
    expect(learner).toBeDefined();
    const her = learner!;
    // Her workplace written in lower case, and her date of birth known.
    const workplace = 'york station concourse';
    await workspace.changeCentre((c) => ({
      centre: {
        ...c,
        learners: c.learners.map((l) =>
          l.id === her.id ? { ...l, workplace, dateOfBirth: '1994-03-17' } : l,
        ),
      },
      result: null,
    }));
    await workspace.flushCentre();
    const note = (name: string, uln: string, iso: string, uk: string, place: string) =>
      `${title}: ${relationship} confirmed. ${name} (${uln}), born ${iso} (${uk}), at ${place}.`;
    const meetingId = await noteInMeeting(
      workspace,
      her.id,
      note(her.name, her.uln, '1994-03-17', formatDate('1994-03-17'), workplace),
    );

    await erase(workspace, root, her.id);
    // Her name may stand as her pseudonym (the centre's files name her by it), her ULN as nothing.
    const kept = `${title}: ${relationship} confirmed.`;
    const gone = 'born [erased] ([erased]), at [erased].';
    for (const ws of [workspace, await Workspace.open(workspace.dir)]) {
      const meeting = (await standardisationView(ws, day)).meetings.find(
        (m) => m.id === meetingId,
      )!;
      expect(meeting.agreed.rationale).toContain(kept);
      expect(meeting.agreed.rationale).toContain(gone);
      for (const v of [her.name, her.uln]) expect(meeting.agreed.rationale).not.toContain(v);
    }
    let onDisk = '';
    for (const entry of await readdir(path.join(workspace.dir, 'standardisation'), {
      withFileTypes: true,
      recursive: true,
    })) {
      const file = path.join(entry.parentPath, entry.name);
      if (entry.isFile() && file.includes(meetingId)) onDisk += await readFile(file, 'utf8');
    }
    for (const words of [kept, gone]) expect(onDisk).toContain(JSON.stringify(words).slice(1, -1));
    for (const v of [her.name, her.uln, '1994-03-17', formatDate('1994-03-17'), workplace]) {
      expect(await holding(workspace.dir, [v])).toEqual([]);
    }
  }, 300_000);
});
