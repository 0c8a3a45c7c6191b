import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src-main/api/dispatcher';
import { useTempDirs } from '../support/temp-dir';
import { bootWorkbench } from '../support/workbench';

describe('the centre roster', () => {
  const tempDir = useTempDirs();

  it('adds, edits and archives a learner, with a portfolio folder and an audit line for each', async () => {
    const workbench = await bootWorkbench(await tempDir());
    const dispatch = createDispatcher(workbench);
    expect(await dispatch('learner:add', { name: 'Ravi Patel', uln: '1000000019' })).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: expect.stringContaining('already in this centre (Amara Okafor)'),
      },
    });
    expect(await dispatch('learner:add', { name: 'Ravi Patel', uln: '1234567890' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('check digit does not match') },
    });
    const added = await dispatch('learner:add', {
      name: 'Ravi Patel',
      uln: '1000000086',
      employer: 'Acme',
    });
    expect(added.ok).toBe(true);
    const id = (added as { data: { id: string } }).data.id;
    await dispatch('learner:update', { learnerId: id, workplace: 'Wakefield', archived: true });

    const dir = workbench.workspace.dir;
    const centre = JSON.parse(await readFile(path.join(dir, 'centre.json'), 'utf8'));
    const learner = centre.learners.find((l: { id: string }) => l.id === id);
    expect(learner).toMatchObject({
      workplace: 'Wakefield',
      archived: true,
      updatedBy: expect.any(String),
    });
    const portfolio = JSON.parse(
      await readFile(path.join(dir, learner.portfolio, 'portfolio.json'), 'utf8'),
    );
    expect(portfolio).toMatchObject({ schemaVersion: 3, learnerId: id, evidence: [] });
    const trail = await dispatch('audit:list', { learnerId: id });
    expect((trail as { data: { action: string }[] }).data.map((e) => e.action)).toEqual([
      'archived learner',
      'added learner',
    ]);
    const list = await dispatch('learner:list', {});
    expect((list as { data: { id: string }[] }).data.some((l) => l.id === id)).toBe(false);
  });

  it('keeps the countersigning rule and refuses a relative as a witness', async () => {
    const workbench = await bootWorkbench(await tempDir());
    const dispatch = createDispatcher(workbench);
    expect(
      await dispatch('staff:add', {
        name: 'New Assessor',
        roles: ['assessor'],
        assessorStatus: 'working-towards',
      }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Choose a qualified assessor') },
    });
    const priya = workbench.workspace.centre.staff.find((s) => s.name === 'Priya Sharma')!;
    expect(await dispatch('staff:update', { personId: priya.id, archived: true })).toMatchObject({
      ok: false,
      error: {
        message:
          "Priya Sharma countersigns Tom Fletcher's decisions. Choose another countersigner for Tom Fletcher first.",
      },
    });
    expect(
      await dispatch('witness:add', { name: 'Pat Okafor', relationship: 'Mother' }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('A witness must not be related to the learner') },
    });
    expect(
      await dispatch('witness:add', { name: 'Sam Lee', relationship: 'Shift supervisor' }),
    ).toMatchObject({ ok: true });
  });

  it('registers a learner on a unit with an assessor, and moves them to another assessor', async () => {
    const workbench = await bootWorkbench(await tempDir());
    const dispatch = createDispatcher(workbench);
    const amara = workbench.workspace.centre.learners[0]!;
    const tom = workbench.workspace.centre.staff.find((s) => s.name === 'Tom Fletcher')!;
    const added = await dispatch('registration:add', {
      learnerId: amara.id,
      unitId: 'unit-deliver-monitor-and-evaluate-customer-service-to-internal-customers',
      assessorId: tom.id,
      qualification: 'Level 3 Diploma in Customer Service',
    });
    expect(added.ok).toBe(true);
    const doc = await workbench.workspace.portfolio(amara.id);
    expect(
      doc.data.registrations.find(
        (r) =>
          r.unitId === 'unit-deliver-monitor-and-evaluate-customer-service-to-internal-customers',
      ),
    ).toMatchObject({
      unitVersion: 1,
      assessorId: tom.id,
      qualification: 'Level 3 Diploma in Customer Service',
    });
    const registrationId = (added as { data: { id: string } }).data.id;
    const priya = workbench.workspace.centre.staff.find((s) => s.name === 'Priya Sharma')!;
    await dispatch('registration:update', {
      learnerId: amara.id,
      registrationId,
      assessorId: priya.id,
    });
    expect(doc.data.registrations.find((r) => r.id === registrationId)?.assessorId).toBe(priya.id);
    expect(doc.data.audit.at(-1)).toMatchObject({
      action: 'changed registration',
      before: { assessorId: tom.id },
      after: { assessorId: priya.id },
    });
  });
});
