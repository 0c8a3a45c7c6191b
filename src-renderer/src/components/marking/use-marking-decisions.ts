import { useCallback, useMemo, useRef, useState } from 'react';
import type {
  MarkingUpdate,
  MarkingView,
  TargetView,
} from '../../../../src-main/decision/decision-views';
import type { DecisionStatus } from '../../../../src-main/decision/marking-types';
import { criterionKey } from '../../../../src-main/kernel/criterion-key';
import { call } from '../../api/client';
import { notifyDone, notifyError } from '../../api/notify';

export type DecisionChange = { outcome: DecisionStatus; decidedOn?: string; feedback?: string };

const messageOf = (failure: unknown) =>
  failure instanceof Error ? failure.message : String(failure);

/**
 * The unit as marked so far, and the changes made to it: decisions, undo and redo, mapping and
 * the unit's feedback. A decision's error stays beside the criterion, not in a toast.
 */
export function useMarkingDecisions(loaded: MarkingView, readOnly: boolean, reload: () => void) {
  // A decision, undo or redo answers what it changed; applied here, with no second round trip.
  const [changed, setChanged] = useState<{ on: MarkingView; update: MarkingUpdate } | null>(null);
  const view = useMemo(
    () => (changed?.on === loaded ? { ...loaded, ...changed.update } : loaded),
    [changed, loaded],
  );
  const apply = (update: MarkingUpdate) => setChanged({ on: loaded, update });
  const [error, setError] = useState<string | null>(null);
  const locked = view.signOff.locked;
  const canChange = !readOnly && !locked;
  const learnerId = view.learner.id;
  const unitId = view.unit.id;
  const base = { learnerId, unitId };

  // Decisions, feedback and undo go to the workbench one after another, in the order made, so
  // an undo pressed just after leaving a feedback box undoes that feedback, not what came before.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  function inTurn<T>(job: () => Promise<T>): Promise<T> {
    const next = queue.current.then(job, job);
    queue.current = next.catch(() => undefined);
    return next;
  }

  async function record(target: TargetView, change: DecisionChange) {
    setError(null);
    try {
      const answer = await inTurn(() =>
        call('decision:record', {
          ...base,
          criterionRef: target.criterionRef,
          partRef: target.partRef,
          ...change,
        }),
      );
      apply(answer.update);
      return true;
    } catch (failure) {
      setError(messageOf(failure));
      return false;
    }
  }

  async function decide(status: DecisionStatus, target: TargetView | null, decidedOn: string) {
    if (!target || !canChange) return;
    await record(target, { outcome: status, decidedOn });
  }

  /** Undoes or redoes the last change; answers the key of the criterion it changed. */
  async function step(direction: 'undo' | 'redo'): Promise<string | null> {
    if (!canChange) return null;
    setError(null);
    try {
      const what = view.history[direction];
      const stepped = await inTurn(() => call(`decision:${direction}`, base));
      apply(stepped.update);
      if (what) notifyDone(`${direction === 'undo' ? 'Undone' : 'Redone'}: ${what}.`);
      return criterionKey(stepped.criterionRef, stepped.partRef);
    } catch (failure) {
      setError(messageOf(failure));
      return null;
    }
  }

  const saves = useUnitSaves(learnerId, unitId, reload);

  return { view, error, setError, locked, canChange, record, decide, step, ...saves };
}

/** Changes to the unit that reload it once saved: a criterion's evidence, the unit's feedback. */
function useUnitSaves(learnerId: string, unitId: string, reload: () => void) {
  async function saveMapping(target: TargetView, evidenceIds: string[]) {
    try {
      await call('mapping:set-for-criterion', {
        learnerId,
        unitId,
        criterionRef: target.criterionRef,
        partRef: target.partRef,
        evidenceIds,
      });
      reload();
      return true;
    } catch (failure) {
      notifyError('The mapping was not saved', failure);
      return false;
    }
  }

  const saveUnitFeedback = useCallback(
    (change: { feedback?: string; learnerComments?: string }) =>
      void call('decision:set-unit-feedback', { learnerId, unitId, ...change })
        .then(reload)
        .catch((failure: unknown) => notifyError('The feedback was not saved', failure)),
    [learnerId, unitId, reload],
  );

  return { saveMapping, saveUnitFeedback };
}
