import { DEMO_PASSPHRASE } from '../../src-main/demo/demo-identities';
import { cp, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src-main/api/dispatcher';
import type { Workbench } from '../../src-main/app/workbench';
import type { MarkingView } from '../../src-main/decision/decision-views';
import { useTempDirs } from '../support/temp-dir';
import { bootWorkbench } from '../support/workbench';

const UNIT = 'unit-j-508-4003';
const PNG = `data:image/png;base64,${Buffer.from('drawn strokes').toString('base64')}`;

/** One computer: its own copy of the workspace and its own workbench. */
async function machine(wb: Workbench) {
  const dispatch = createDispatcher(wb);
  const staff = wb.workspace.centre.staff;
  const as = async (status: 'qualified' | 'working-towards' | 'iqa') => {
    const person =
      status === 'iqa'
        ? staff.find((s) => s.roles.includes('iqa'))!
        : staff.find((s) => s.assessorStatus === status)!;
    const role = status === 'iqa' ? 'iqa' : 'assessor';
    expect(
      await dispatch('session:set-user', {
        personId: person.id,
        role,
        passphrase: DEMO_PASSPHRASE,
      }),
    ).toMatchObject({ ok: true });
  };
  const learner = (name: string) => wb.workspace.centre.learners.find((l) => l.name === name)!.id;
  const view = async (learnerId: string) => {
    const answer = await dispatch('decision:workspace', { learnerId, unitId: UNIT });
    expect(answer.ok).toBe(true);
    return (answer as { data: MarkingView }).data;
  };
  const ok = async (name: Parameters<typeof dispatch>[0], input: unknown) => {
    const answer = await dispatch(name, input as never);
    expect(answer).toMatchObject({ ok: true });
    return answer;
  };
  return { wb, dispatch, as, learner, view, ok };
}

/** What a sync engine does: each side's change files reach the other. */
async function sync(a: Workbench, b: Workbench) {
  for (const [from, to] of [
    [a, b],
    [b, a],
  ] as const) {
    for (const learner of from.workspace.centre.learners) {
      const source = path.join(from.workspace.dir, learner.portfolio, 'changes');
      const target = path.join(to.workspace.dir, learner.portfolio, 'changes');
      for (const name of await readdir(source)) {
        const there = await stat(path.join(target, name)).catch(() => null);
        const here = await stat(path.join(source, name));
        if (!there || there.size < here.size) {
          await cp(path.join(source, name), path.join(target, name));
        }
      }
    }
  }
  for (const wb of [a, b]) {
    for (const learner of wb.workspace.centre.learners) {
      await wb.workspace.portfolios.noticeChange(learner.id);
    }
  }
}

async function twoMachines(root: string) {
  const a = await bootWorkbench(path.join(root, 'a'));
  await a.workspace.portfolios.flush();
  const copy = path.join(root, 'b-workspace');
  await cp(a.workspace.dir, copy, { recursive: true });
  const b = await bootWorkbench(path.join(root, 'b'), { workspace: copy });
  return { a: await machine(a), b: await machine(b) };
}

describe('changes made on two computers apart', () => {
  const tempDir = useTempDirs();

  it('keeps both decisions on one criterion, shows the conflict, refuses sign-off until the assessor chooses', async () => {
    const { a, b } = await twoMachines(await tempDir());
    await a.as('qualified');
    await b.as('qualified');
    const amara = a.learner('Amara Okafor');
    await a.ok('decision:record', {
      learnerId: amara,
      unitId: UNIT,
      criterionRef: '1.1',
      partRef: null,
      outcome: 'not-yet-met',
      feedback: 'Needs a second example.',
    });
    await b.ok('decision:record', {
      learnerId: amara,
      unitId: UNIT,
      criterionRef: '1.1',
      partRef: null,
      outcome: 'met',
      feedback: 'Seen again at work.',
    });
    // Different criteria apart are no conflict at all.
    await b.ok('decision:record', {
      learnerId: amara,
      unitId: UNIT,
      criterionRef: '2.1',
      partRef: null,
      outcome: 'not-yet-met',
      feedback: 'Confirmed.',
    });
    await sync(a.wb, b.wb);

    for (const side of [a, b]) {
      const view = await side.view(amara);
      expect(view.conflicts).toHaveLength(1);
      const [conflict] = view.conflicts;
      expect(conflict!.kind).toBe('decision');
      expect(conflict!.target).toBe('1.1');
      expect(conflict!.sides.map((s) => s.summary).sort()).toEqual([
        expect.stringContaining('met on'),
        expect.stringContaining('not-yet-met on'),
      ]);
      expect(view.targets.find((t) => t.criterionRef === '2.1')!.feedback).toBe('Confirmed.');
      const doc = await side.wb.workspace.portfolio(amara);
      expect(
        doc.data.audit.filter(
          (e) => e.action === 'recorded decision' || e.action === 'changed feedback',
        ).length,
      ).toBeGreaterThanOrEqual(3);
    }
    for (const purpose of ['learner-declaration', 'assessor-declaration'] as const) {
      await a.ok('decision:sign', {
        learnerId: amara,
        unitId: UNIT,
        purpose,
        method: 'drawn',
        image: PNG,
      });
    }
    expect(await a.dispatch('decision:sign-off', { learnerId: amara, unitId: UNIT })).toMatchObject(
      {
        ok: false,
        error: {
          code: 'conflict',
          message: expect.stringContaining('between changes made on two computers'),
        },
      },
    );

    const conflict = (await a.view(amara)).conflicts[0]!;
    const met = conflict.sides.find((s) => s.summary.startsWith('met'))!;
    await a.ok('decision:resolve-conflict', {
      learnerId: amara,
      unitId: UNIT,
      conflictId: conflict.id,
      choice: met.choice,
    });
    await sync(a.wb, b.wb);
    for (const side of [a, b]) {
      const view = await side.view(amara);
      expect(view.conflicts).toEqual([]);
      expect(view.targets.find((t) => t.criterionRef === '1.1')).toMatchObject({
        status: 'met',
        feedback: 'Seen again at work.',
      });
      const doc = await side.wb.workspace.portfolio(amara);
      expect(doc.data.audit.some((e) => e.action === 'resolved conflict')).toBe(true);
    }
  });

  it('shows unit feedback edited on both computers as a conflict, and keeps the chosen text', async () => {
    const { a, b } = await twoMachines(await tempDir());
    await a.as('qualified');
    await b.as('qualified');
    const lukasz = a.learner('Łukasz Wójcik');
    await a.ok('decision:set-unit-feedback', {
      learnerId: lukasz,
      unitId: UNIT,
      feedback: 'From the office.',
    });
    await b.ok('decision:set-unit-feedback', {
      learnerId: lukasz,
      unitId: UNIT,
      feedback: 'From the laptop.',
    });
    await sync(a.wb, b.wb);
    const [conflict, ...none] = (await b.view(lukasz)).conflicts;
    expect(none).toEqual([]);
    expect(conflict!.kind).toBe('feedback');
    const office = conflict!.sides.find((s) => s.summary.includes('From the office.'))!;
    await b.ok('decision:resolve-conflict', {
      learnerId: lukasz,
      unitId: UNIT,
      conflictId: conflict!.id,
      choice: office.choice,
    });
    await sync(a.wb, b.wb);
    for (const side of [a, b]) {
      const view = await side.view(lukasz);
      expect(view.conflicts).toEqual([]);
      expect(view.unitFeedback).toBe('From the office.');
    }
  });

  it('does not count a sign-off made while a decision changed elsewhere until the assessor keeps it', async () => {
    const { a, b } = await twoMachines(await tempDir());
    await a.as('qualified');
    await b.as('qualified');
    const amara = a.learner('Amara Okafor');
    for (const purpose of ['learner-declaration', 'assessor-declaration'] as const) {
      await a.ok('decision:sign', {
        learnerId: amara,
        unitId: UNIT,
        purpose,
        method: 'drawn',
        image: PNG,
      });
    }
    expect(await a.dispatch('decision:sign-off', { learnerId: amara, unitId: UNIT })).toMatchObject(
      {
        ok: true,
        data: { status: 'signed-off' },
      },
    );
    await b.ok('decision:record', {
      learnerId: amara,
      unitId: UNIT,
      criterionRef: '2.1',
      partRef: null,
      outcome: 'not-yet-met',
      feedback: 'On reflection, not yet.',
    });
    await sync(a.wb, b.wb);
    for (const side of [a, b]) {
      const view = await side.view(amara);
      expect(view.signOff.status).toBe('open');
      expect(view.conflicts.map((c) => c.kind)).toEqual(['sign-off']);
      expect(view.conflicts[0]!.sides.map((s) => s.kind)).toEqual(['sign-off', 'decision']);
    }
    const conflict = (await b.view(amara)).conflicts[0]!;
    await b.ok('decision:resolve-conflict', {
      learnerId: amara,
      unitId: UNIT,
      conflictId: conflict.id,
      choice: 'reopen',
    });
    await sync(a.wb, b.wb);
    for (const side of [a, b]) {
      const view = await side.view(amara);
      expect(view.conflicts).toEqual([]);
      expect(view.signOff.status).toBe('open');
      const doc = await side.wb.workspace.portfolio(amara);
      expect(doc.data.signOffs.at(-1)!.voidReason).toContain('another computer');
    }
  });

  it('shows an unlock on one computer and a countersignature on the other as a conflict', async () => {
    const { a, b } = await twoMachines(await tempDir());
    const daniel = a.learner('Daniel Hughes');
    await a.as('iqa');
    await a.ok('decision:unlock', {
      learnerId: daniel,
      unitId: UNIT,
      reason: 'The IQA found a gap in the evidence for 3.1.',
    });
    await b.as('qualified');
    await b.ok('decision:countersign', {
      learnerId: daniel,
      unitId: UNIT,
      method: 'drawn',
      image: PNG,
    });
    await sync(a.wb, b.wb);
    for (const side of [a, b]) {
      const view = await side.view(daniel);
      expect(view.conflicts.map((c) => c.kind)).toEqual(['sign-off']);
      expect(view.conflicts[0]!.sides.map((s) => s.kind)).toEqual(['countersign', 'unlock']);
      expect(view.signOff.status).toBe('open');
    }
    const conflict = (await a.view(daniel)).conflicts[0]!;
    await a.ok('decision:resolve-conflict', {
      learnerId: daniel,
      unitId: UNIT,
      conflictId: conflict.id,
      choice: 'keep-sign-off',
    });
    await sync(a.wb, b.wb);
    for (const side of [a, b]) {
      const view = await side.view(daniel);
      expect(view.conflicts).toEqual([]);
      expect(view.signOff.status).toBe('signed-off');
    }
  });
});
