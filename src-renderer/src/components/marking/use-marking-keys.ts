import { useEffect, useRef } from 'react';

export interface MarkingKeyActions {
  next: () => void;
  previous: () => void;
  decide: (status: 'met' | 'not-yet-met' | 'not-assessed') => void;
  undo: () => void;
  redo: () => void;
  feedback: () => void;
  openEvidence: () => void;
  mapEvidence: () => void;
  unitFeedback: () => void;
  signOff: () => void;
  help: () => void;
}

/**
 * Keys typed into a field or a dialog belong to it. (Asked of the key's target, not of the
 * page: a dialog still fading out must not swallow the next key.)
 */
function typingOrDialog(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return Boolean(
    target.closest('input, textarea, select, [contenteditable="true"], [role="dialog"]'),
  );
}

/**
 * The marking screen's keyboard: one listener for the page's lifetime, always calling the
 * latest actions (kept in a ref, so nothing is re-bound on each key press).
 */
export function useMarkingKeys(actions: MarkingKeyActions, paused: boolean): void {
  const pausedNow = useRef(paused);
  useEffect(() => {
    pausedNow.current = paused;
  });
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || pausedNow.current || typingOrDialog(e.target)) return;
      const a = latest.current;
      const key = e.key;
      // In a field the browser's own text undo stands; on the page, Undo and Redo are the
      // workbench's, over the assessor's recorded changes.
      if ((e.ctrlKey || e.metaKey) && key.toLowerCase() === 'z') {
        e.preventDefault();
        if (e.shiftKey) a.redo();
        else a.undo();
        return;
      }
      if ((e.ctrlKey || e.metaKey) && key.toLowerCase() === 'y') {
        e.preventDefault();
        a.redo();
        return;
      }
      if (e.ctrlKey || e.metaKey) return;
      const handlers: Record<string, () => void> = {
        j: a.next,
        ArrowDown: a.next,
        k: a.previous,
        ArrowUp: a.previous,
        m: () => a.decide('met'),
        n: () => a.decide('not-yet-met'),
        c: () => a.decide('not-assessed'),
        f: a.feedback,
        o: a.openEvidence,
        e: a.mapEvidence,
        u: a.unitFeedback,
        s: a.signOff,
        '?': a.help,
      };
      const handler = handlers[key.length === 1 ? key.toLowerCase() : key] ?? handlers[key];
      if (!handler) return;
      e.preventDefault();
      handler();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
