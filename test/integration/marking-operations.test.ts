import { DEMO_PASSPHRASE } from '../../src-main/demo/demo-identities';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src-main/api/dispatcher';
import type { Workbench } from '../../src-main/app/workbench';
import type { MarkingView } from '../../src-main/decision/decision-views';
import { portfolioSchema } from '../../src-main/portfolio/portfolio-schema';
import { changeFilesOf, portfolioOnDisk } from '../support/portfolio-on-disk';
import { useTempDirs } from '../support/temp-dir';
import { bootWorkbench } from '../support/workbench';

const UNIT = 'unit-j-508-4003';
const PNG = `data:image/png;base64,${Buffer.from('drawn strokes').toString('base64')}`;

async function setUp(root: string) {
  const wb = await bootWorkbench(root);
  const dispatch = createDispatcher(wb);
  const staff = wb.workspace.centre.staff;
  const person = (status: string) => staff.find((s) => s.assessorStatus === status)!;
  const people = {
    priya: person('qualified'),
    tom: person('working-towards'),
    iqa: staff.find((s) => s.roles.includes('iqa'))!,
    eqa: staff.find((s) => s.roles.includes('eqa'))!,
  };
  const learner = (name: string) => wb.workspace.centre.learners.find((l) => l.name === name)!.id;
  const as = async (who: keyof typeof people, role = 'assessor') => {
    const answer = await dispatch('session:set-user', {
      personId: people[who].id,
      role: who === 'iqa' ? 'iqa' : who === 'eqa' ? 'eqa' : role,
      passphrase: DEMO_PASSPHRASE,
    });
    expect(answer.ok).toBe(true);
  };
  return { wb, dispatch, people, learner, as };
}

async function onDisk(wb: Workbench, learnerId: string) {
  const learner = wb.workspace.learner(learnerId);
  const folder = path.join(wb.workspace.dir, learner.portfolio);
  return portfolioSchema.parse(await portfolioOnDisk(folder, learnerId));
}

describe('marking operations', () => {
  const tempDir = useTempDirs();

  it('enforce the lock in the handlers: a signed-off unit refuses decisions, mappings and feedback', async () => {
    const { wb, dispatch, learner, as } = await setUp(await tempDir());
    await as('priya');
    const learnerId = learner('Nguyễn Thị Hoa');
    const before = await changeFilesOf(
      path.join(wb.workspace.dir, wb.workspace.learner(learnerId).portfolio),
    );
    const attempts = [
      dispatch('decision:record', {
        learnerId,
        unitId: UNIT,
        criterionRef: '1.1',
        partRef: null,
        outcome: 'not-yet-met',
      }),
      dispatch('decision:set-unit-feedback', { learnerId, unitId: UNIT, feedback: 'Changed' }),
      dispatch('mapping:set-for-criterion', {
        learnerId,
        unitId: UNIT,
        criterionRef: '1.1',
        partRef: null,
        evidenceIds: [],
      }),
      dispatch('decision:sign', {
        learnerId,
        unitId: UNIT,
        purpose: 'learner-declaration',
        method: 'drawn',
        image: PNG,
      }),
    ];
    for (const answer of await Promise.all(attempts)) {
      expect(answer).toMatchObject({
        ok: false,
        error: { code: 'conflict', message: expect.stringContaining('is signed off and locked') },
      });
    }
    const after = await changeFilesOf(
      path.join(wb.workspace.dir, wb.workspace.learner(learnerId).portfolio),
    );
    expect(after).toEqual(before);
  });

  it('unlocks for an IQA with a reason, audited on disk, voiding the sign-off and its signatures', async () => {
    const { wb, dispatch, learner, as } = await setUp(await tempDir());
    const learnerId = learner('Nguyễn Thị Hoa');
    await as('tom');
    expect(
      await dispatch('decision:unlock', {
        learnerId,
        unitId: UNIT,
        reason: 'Evidence for 9.1 b belongs to another learner.',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await as('iqa');
    expect(
      await dispatch('decision:unlock', { learnerId, unitId: UNIT, reason: 'short' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    const reason = 'Evidence for 9.1 b belongs to another learner.';
    expect(await dispatch('decision:unlock', { learnerId, unitId: UNIT, reason })).toEqual({
      ok: true,
      data: { unlocked: true },
    });

    const saved = await onDisk(wb, learnerId);
    expect(saved.signOffs.at(-1)).toMatchObject({
      voidReason: reason,
      voidedBy: expect.stringMatching(/^st-/),
    });
    expect(saved.signatures.filter((s) => s.unitId === UNIT).every((s) => s.voidedAt)).toBe(true);
    expect(saved.audit.at(-1)).toMatchObject({
      action: 'unlocked unit',
      role: 'iqa',
      after: { reason, signaturesVoided: 2 },
    });

    await as('priya');
    const view = (await dispatch('decision:workspace', { learnerId, unitId: UNIT })) as {
      ok: true;
      data: MarkingView;
    };
    expect(view.data.signOff).toMatchObject({ status: 'open', locked: false });
    expect(view.data.signOff.unlocks[0]).toMatchObject({ reason });
    expect(view.data.signatures).toEqual([]);
    expect(view.data.gaps.readyToSignOff).toBe(true);
    expect(
      await dispatch('decision:record', {
        learnerId,
        unitId: UNIT,
        criterionRef: '1.1',
        partRef: null,
        outcome: 'not-yet-met',
        feedback: 'Explain again.',
      }),
    ).toMatchObject({ ok: true });
    const trail = await dispatch('audit:list', { learnerId, unitId: UNIT });
    expect(
      trail.ok && (trail.data as { action: string }[]).slice(0, 2).map((e) => e.action),
    ).toEqual(['recorded decision', 'unlocked unit']);
  });

  it('countersigns a working-towards assessor\u2019s sign-off by the named countersigner only', async () => {
    const { wb, dispatch, learner, as } = await setUp(await tempDir());
    const learnerId = learner('Daniel Hughes');
    await as('tom');
    expect(
      await dispatch('decision:countersign', {
        learnerId,
        unitId: UNIT,
        method: 'drawn',
        image: PNG,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('named countersigner') },
    });
    await as('priya');
    expect(
      await dispatch('decision:countersign', {
        learnerId,
        unitId: UNIT,
        method: 'typed',
        typedName: 'Priya Sharma',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('typed signatures') },
    });
    expect(
      await dispatch('decision:countersign', {
        learnerId,
        unitId: UNIT,
        method: 'drawn',
        image: PNG,
      }),
    ).toEqual({
      ok: true,
      data: { status: 'signed-off' },
    });
    const saved = await onDisk(wb, learnerId);
    expect(saved.signatures.at(-1)).toMatchObject({
      purpose: 'countersignature',
      role: 'countersigner',
      image: PNG,
      method: 'drawn',
    });
    const matrix = await dispatch('decision:matrix', {});
    const row =
      matrix.ok &&
      (
        matrix.data as { rows: { name: string; cells: { unitId: string; signOff: string }[] }[] }
      ).rows.find((r) => r.name === 'Daniel Hughes');
    expect(row && row.cells.find((c) => c.unitId === UNIT)?.signOff).toBe('signed-off');
  });

  it('signs off through the handlers once the declarations are signed, and refuses EQAs', async () => {
    const { wb, dispatch, learner, as } = await setUp(await tempDir());
    const learnerId = learner('Amara Okafor');
    await as('eqa');
    expect(await dispatch('decision:sign-off', { learnerId, unitId: UNIT })).toMatchObject({
      ok: false,
      error: { code: 'read-only' },
    });
    await as('priya');
    const blocked = await dispatch('decision:sign-off', { learnerId, unitId: UNIT });
    expect(blocked).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('The learner has not signed') },
    });
    for (const purpose of ['learner-declaration', 'assessor-declaration'] as const) {
      expect(
        await dispatch('decision:sign', {
          learnerId,
          unitId: UNIT,
          purpose,
          method: 'drawn',
          image: PNG,
        }),
      ).toMatchObject({ ok: true });
    }
    expect(await dispatch('decision:sign-off', { learnerId, unitId: UNIT })).toEqual({
      ok: true,
      data: { status: 'signed-off' },
    });
    const saved = await onDisk(wb, learnerId);
    expect(saved.signOffs.at(-1)).toMatchObject({
      signedOffBy: wb.signedIn()!.person.id,
      voidedAt: null,
    });
    expect(saved.signatures.map((s) => [s.purpose, s.personId])).toEqual([
      ['learner-declaration', learnerId],
      ['assessor-declaration', wb.signedIn()!.person.id],
    ]);
  });

  it('lets the centre accept typed signatures, audited in the centre file', async () => {
    const { wb, dispatch, learner, as } = await setUp(await tempDir());
    await as('priya');
    const learnerId = learner('Amara Okafor');
    expect(await dispatch('decision:set-typed-signatures', { allow: true })).toMatchObject({
      ok: true,
    });
    expect(
      await dispatch('decision:sign', {
        learnerId,
        unitId: UNIT,
        purpose: 'learner-declaration',
        method: 'typed',
        typedName: 'Amara Okafor',
      }),
    ).toMatchObject({ ok: true });
    const centre = JSON.parse(await readFile(path.join(wb.workspace.dir, 'centre.json'), 'utf8'));
    expect(centre.centre.allowTypedSignatures).toBe(true);
    expect(centre.audit.at(-1)).toMatchObject({
      action: 'changed signature policy',
      after: { allowTypedSignatures: true },
    });
  });
});
