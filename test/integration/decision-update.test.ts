import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src-main/api/dispatcher';
import type { MarkingUpdate, MarkingView } from '../../src-main/decision/decision-views';
import { useTempDirs } from '../support/temp-dir';
import { bootWorkbench } from '../support/workbench';

const UNIT = 'unit-j-508-4003';
const changing = ['targets', 'gaps', 'signOff', 'signatures', 'conflicts', 'history'] as const;
const partsOf = (view: MarkingView) => Object.fromEntries(changing.map((k) => [k, view[k]]));

describe('a decision answers what it changed on the marking screen', () => {
  const tempDir = useTempDirs();

  it('gives, with the decision, undo and redo, what the marking view then shows', async () => {
    const wb = await bootWorkbench(await tempDir());
    const dispatch = createDispatcher(wb);
    const learnerId = wb.workspace.centre.learners.find((l) => l.name === 'Amara Okafor')!.id;
    const view = async () => {
      const answer = await dispatch('decision:workspace', { learnerId, unitId: UNIT });
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.data as MarkingView;
    };
    const before = await view();
    const decided = await dispatch('decision:record', {
      learnerId,
      unitId: UNIT,
      criterionRef: '1.1',
      partRef: null,
      outcome: 'not-yet-met',
      feedback: 'Say more about the refund policy.',
    });
    if (!decided.ok) throw new Error(decided.error.message);
    const { update } = decided.data as { update: MarkingUpdate };
    const after = await view();
    expect(update).toEqual(partsOf(after));
    expect(update.targets.find((t) => t.key === '1.1')).toMatchObject({
      status: 'not-yet-met',
      feedback: 'Say more about the refund policy.',
    });
    expect(update.history.undo).not.toBe(before.history.undo);

    for (const step of ['decision:undo', 'decision:redo'] as const) {
      const answer = await dispatch(step, { learnerId, unitId: UNIT });
      if (!answer.ok) throw new Error(answer.error.message);
      const stepped = answer.data as { criterionRef: string; update: MarkingUpdate };
      expect(stepped.criterionRef).toBe('1.1');
      expect(stepped.update).toEqual(partsOf(await view()));
    }
    const undone = await dispatch('decision:undo', { learnerId, unitId: UNIT });
    if (!undone.ok) throw new Error(undone.error.message);
    expect((undone.data as { update: MarkingUpdate }).update.targets).toEqual(before.targets);
  });
});
