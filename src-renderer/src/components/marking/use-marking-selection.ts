import { useCallback, useState } from 'react';
import type { TargetView } from '../../../../src-main/decision/decision-views';
import type { DecisionStatus } from '../../../../src-main/decision/marking-types';
import { moveTo } from '../../api/address';
import { useMarkingKeys } from './use-marking-keys';

/** Which criterion is shown and which of its evidence is open; moving clears both and the error. */
export function useMarkingSelection(
  order: TargetView[],
  targets: Map<string, TargetView>,
  setError: (error: string | null) => void,
) {
  // The criterion or part shown is in the address (&criterion=9.1|b), so a reload returns to it.
  const [selectedKey, setSelectedKey] = useState<string | null>(
    () => new URLSearchParams(window.location.search).get('criterion') ?? order[0]?.key ?? null,
  );
  const [openEvidenceId, setOpenEvidenceId] = useState<string | null>(null);
  const selected = (selectedKey && targets.get(selectedKey)) || order[0] || null;
  const select = useCallback(
    (key: string) => {
      setSelectedKey(key);
      moveTo({ criterion: key }, { replace: true, quiet: true });
      setOpenEvidenceId(null);
      setError(null);
    },
    [setError],
  );
  const move = (by: number) => {
    const at = order.findIndex((t) => t.key === selected?.key);
    const next = order[Math.min(order.length - 1, Math.max(0, at + by))];
    if (next) select(next.key);
  };
  return { selected, select, move, openEvidenceId, setOpenEvidenceId };
}

/** The marking screen's keys, bound to the workspace's moves and decisions. */
export function useWorkspaceKeys(on: {
  move: (by: number) => void;
  decide: (status: DecisionStatus) => void;
  step: (direction: 'undo' | 'redo') => void;
  selected: TargetView | null;
  openEvidenceId: string | null;
  setOpenEvidenceId: (id: string | null) => void;
  mapEvidence: () => void;
  help: () => void;
  paused: boolean;
}) {
  const { selected, openEvidenceId } = on;
  useMarkingKeys(
    {
      next: () => on.move(1),
      previous: () => on.move(-1),
      decide: on.decide,
      undo: () => on.step('undo'),
      redo: () => on.step('redo'),
      feedback: () => focus('criterion-feedback'),
      openEvidence: () => {
        if (!selected?.evidenceIds.length) return;
        const at = openEvidenceId ? selected.evidenceIds.indexOf(openEvidenceId) : -1;
        on.setOpenEvidenceId(selected.evidenceIds[(at + 1) % selected.evidenceIds.length] ?? null);
      },
      mapEvidence: on.mapEvidence,
      unitFeedback: () => focus('unit-feedback-text'),
      signOff: focusSignOff,
      help: on.help,
    },
    on.paused,
  );
}

function focus(id: string) {
  const el = document.getElementById(id);
  el?.scrollIntoView({ block: 'center' });
  el?.focus();
}

function focusSignOff() {
  const panel = document.getElementById('sign-off');
  panel?.scrollIntoView({ block: 'start' });
  panel?.querySelector<HTMLElement>('button, textarea')?.focus();
}
