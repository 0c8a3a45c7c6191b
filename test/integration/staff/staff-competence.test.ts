import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src-main/api/dispatcher';
import { DEMO_PASSPHRASE } from '../../../src-main/demo/demo-identities';
import type { StaffRecordView } from '../../../src-main/competence/staff-record-view';
import { visitPackStaffSections } from '../../../src-main/competence/visit-pack-staff';
import type { StandardisationView } from '../../../src-main/competence/standardisation-view';
import { changeFilesOf } from '../../support/portfolio-on-disk';
import { useTempDirs } from '../../support/temp-dir';
import { bootWorkbench } from '../../support/workbench';
import { ok } from '../../support/dispatch';

const UNIT = 'unit-j-508-4003';
const PNG = `data:image/png;base64,${Buffer.from('drawn strokes').toString('base64')}`;

async function setUp(root: string) {
  const wb = await bootWorkbench(root);
  const dispatch = createDispatcher(wb);
  const staff = wb.workspace.centre.staff;
  const people = {
    priya: staff.find((s) => s.name === 'Priya Sharma')!,
    tom: staff.find((s) => s.name === 'Tom Fletcher')!,
    iqa: staff.find((s) => s.roles.includes('iqa'))!,
  };
  const as = async (who: keyof typeof people) => {
    const role = who === 'iqa' ? 'iqa' : 'assessor';
    await ok(dispatch, 'session:set-user', {
      personId: people[who].id,
      role,
      passphrase: DEMO_PASSPHRASE,
    });
  };
  const recordOnDisk = async (personId: string) =>
    JSON.parse(
      await readFile(path.join(wb.workspace.dir, 'staff', personId, 'record.json'), 'utf8'),
    ) as {
      qualifications: { title: string; expiresOn: string | null }[];
      cpd: { id: string; evidence: { path: string; sha256: string }[] }[];
    };
  return { wb, dispatch, people, as, recordOnDisk };
}

describe('staff competence and standardisation', () => {
  const tempDir = useTempDirs();

  it('keeps the demo staff records on disk and flags the lapsed and expiring ones', async () => {
    const { wb, dispatch, people, recordOnDisk } = await setUp(await tempDir());
    const tom = await recordOnDisk(people.tom.id);
    expect(tom.qualifications.map((q) => q.title)).toContain(
      'Customer Service Practitioner licence',
    );
    const overview = await ok<{
      people: { name: string; flags: { severity: string; message: string }[] }[];
    }>(dispatch, 'staff:competence', {});
    const flagsOf = (name: string) => overview.people.find((p) => p.name === name)!.flags;
    expect(flagsOf('Tom Fletcher')).toContainEqual({
      severity: 'expired',
      message: expect.stringContaining('Customer Service Practitioner licence expired on'),
    });
    expect(flagsOf('Margaret Ellis')).toContainEqual({
      severity: 'expiring',
      message: expect.stringContaining('DBS enhanced check expires on'),
    });
    expect(flagsOf('Priya Sharma').filter((f) => f.severity !== 'missing')).toEqual([]);
    // The CPD certificate was ingested as evidence is: its hash is the file's own.
    const priya = await recordOnDisk(people.priya.id);
    const file = priya.cpd[0]!.evidence[0]!;
    const bytes = await readFile(path.join(wb.workspace.dir, 'staff', people.priya.id, file.path));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
    const pack = await visitPackStaffSections(wb.workspace, { today: '2026-11-24' });
    expect(pack.files.map((f) => f.path)).toContain(`staff/${people.priya.id}/${file.path}`);
    expect(pack.standardisation).toHaveLength(1);
  });

  it('ingests a CPD file with its hash, and refuses the same file twice leaving nothing behind', async () => {
    const root = await tempDir();
    const { wb, dispatch, people, as, recordOnDisk } = await setUp(root);
    await as('tom');
    const { id: cpdId } = await ok<{ id: string }>(dispatch, 'staff:save-cpd', {
      personId: people.tom.id,
      entry: {
        date: '2026-11-20',
        activity: 'Webinar on complaint handling',
        hours: 1.5,
        learned: 'Escalation routes.',
      },
    });
    const source = path.join(root, 'webinar certificate.pdf');
    await writeFile(source, '%PDF-1.4 certificate of attendance');
    const stage = async () => (await wb.staged.chosen([source]))[0]!.stagedId;
    const added = await ok<{ path: string; sha256: string }>(dispatch, 'staff:add-cpd-staged', {
      personId: people.tom.id,
      cpdId,
      stagedId: await stage(),
    });
    expect(added.sha256).toBe(
      createHash('sha256').update('%PDF-1.4 certificate of attendance').digest('hex'),
    );
    const folder = path.join(wb.workspace.dir, 'staff', people.tom.id, 'evidence');
    expect(await readFile(path.join(folder, path.basename(added.path)), 'utf8')).toContain(
      'certificate',
    );
    const entry = (await recordOnDisk(people.tom.id)).cpd.find((c) => c.id === cpdId)!;
    expect(entry.evidence).toMatchObject([{ path: added.path, sha256: added.sha256 }]);
    const again = await dispatch('staff:add-cpd-staged', {
      personId: people.tom.id,
      cpdId,
      stagedId: await stage(),
    });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('already kept') },
    });
    expect(await readdir(folder)).toEqual([path.basename(added.path)]);
    // Someone else's record is the IQA's to keep, not another assessor's.
    const other = await dispatch('staff:save-cpd', {
      personId: people.priya.id,
      entry: { date: '2026-11-20', activity: 'x', hours: 1 },
    });
    expect(other).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('warns at sign-off when a required qualification has lapsed, and blocks when the centre says so', async () => {
    const { wb, dispatch, people, as } = await setUp(await tempDir());
    await as('iqa');
    await ok(dispatch, 'staff:save-qualification', {
      personId: people.priya.id,
      entry: {
        kind: 'occupational',
        title: 'Complaints handling licence',
        status: 'achieved',
        awardedOn: '2020-01-01',
        expiresOn: '2026-10-31',
        required: true,
      },
    });
    await ok(dispatch, 'staff:set-policy', { lapsedQualificationAtSignOff: 'block' });
    await as('priya');
    const learnerId = wb.workspace.centre.learners.find((l) => l.name === 'Amara Okafor')!.id;
    for (const purpose of ['learner-declaration', 'assessor-declaration'] as const) {
      await ok(dispatch, 'decision:sign', {
        learnerId,
        unitId: UNIT,
        purpose,
        method: 'drawn',
        image: PNG,
      });
    }
    const view = await ok<{ signOff: { competence: { warning: string; blocks: boolean } | null } }>(
      dispatch,
      'decision:workspace',
      { learnerId, unitId: UNIT },
    );
    expect(view.signOff.competence).toMatchObject({
      blocks: true,
      warning: expect.stringContaining('Complaints handling licence'),
    });
    const folder = path.join(wb.workspace.dir, wb.workspace.learner(learnerId).portfolio);
    const before = await changeFilesOf(folder);
    const blocked = await dispatch('decision:sign-off', { learnerId, unitId: UNIT });
    expect(blocked).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('has lapsed') },
    });
    expect(await changeFilesOf(folder)).toEqual(before);
    await as('iqa');
    await ok(dispatch, 'staff:set-policy', { lapsedQualificationAtSignOff: 'warn' });
    await as('priya');
    expect(await dispatch('decision:sign-off', { learnerId, unitId: UNIT })).toEqual({
      ok: true,
      data: {
        status: 'signed-off',
        warning: expect.stringContaining('Complaints handling licence (expired 31 Oct 2026)'),
      },
    });
  });

  it('records a standardisation meeting, shows it on the staff record, and proposes a higher rate the IQA decides on', async () => {
    const { wb, dispatch, people, as } = await setUp(await tempDir());
    const meeting = {
      date: '2026-11-20',
      attendees: [people.iqa.id, people.priya.id, people.tom.id],
      unitId: UNIT,
      criteria: ['9.1'],
      sample: {
        learnerId: null,
        evidenceId: null,
        description: 'An anonymised observation record',
      },
      judgements: [
        { assessorId: people.priya.id, decision: 'met', reasoning: 'Procedure followed in time.' },
        { assessorId: people.tom.id, decision: 'met', reasoning: 'All parts seen.' },
      ],
      agreed: { decision: 'not-yet-met', rationale: 'Part c was not observed.' },
      actions: [
        { what: 'Re-check 9.1 c', ownerId: people.priya.id, dueOn: '2026-12-04', closedOn: null },
      ],
    };
    await as('priya');
    expect(await dispatch('standardisation:save', meeting)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await as('iqa');
    const { id } = await ok<{ id: string }>(dispatch, 'standardisation:save', meeting);
    const onDisk = JSON.parse(
      await readFile(path.join(wb.workspace.dir, 'standardisation', `${id}.json`), 'utf8'),
    );
    expect(onDisk).toMatchObject({
      kind: 'standardisation-meeting',
      id,
      updatedBy: people.iqa.id,
      ledBy: people.iqa.id,
      agreed: meeting.agreed,
    });
    expect(onDisk.judgements).toEqual(meeting.judgements);

    const record = await ok<StaffRecordView>(dispatch, 'staff:record', {
      personId: people.priya.id,
    });
    expect(record.participation).toContainEqual(
      expect.objectContaining({
        meetingId: id,
        decision: 'met',
        agreed: 'not-yet-met',
        matched: false,
      }),
    );

    const strategyFile = path.join(wb.workspace.dir, 'sampling', 'strategy.json');
    const strategyBefore = await readFile(strategyFile, 'utf8');
    const list = await ok<StandardisationView>(dispatch, 'standardisation:list', {});
    const proposal = list.proposals.find(
      (p) => p.meetingId === id && p.assessorId === people.priya.id,
    )!;
    expect(proposal).toMatchObject({
      proposedRisk: 'amber',
      reason: expect.stringContaining(
        'judged the evidence met; the agreed outcome was not yet met',
      ),
    });
    expect(proposal.proposedRate).toBeGreaterThan(proposal.currentRate);
    // Proposing changes nothing: the strategy stays as the IQA left it.
    expect(await readFile(strategyFile, 'utf8')).toBe(strategyBefore);

    await ok(dispatch, 'standardisation:decide-proposal', {
      meetingId: id,
      assessorId: people.priya.id,
      qualificationId: proposal.qualificationId,
      decision: 'raised',
    });
    const strategies = JSON.parse(await readFile(strategyFile, 'utf8')) as {
      strategies: {
        strategy: {
          qualificationId: string;
          assessors: { assessorId: string; risk?: string; note: string }[];
        };
      }[];
    };
    const rating = strategies.strategies
      .find((s) => s.strategy.qualificationId === proposal.qualificationId)!
      .strategy.assessors.find((a) => a.assessorId === people.priya.id);
    expect(rating).toMatchObject({
      risk: 'amber',
      note: expect.stringContaining('standardisation'),
    });
    const after = await ok<StandardisationView>(dispatch, 'standardisation:list', {});
    expect(after.proposals.filter((p) => p.meetingId === id)).toEqual([]);
  });
});
