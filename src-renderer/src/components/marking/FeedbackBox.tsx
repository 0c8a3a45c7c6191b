import { Text, Textarea } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';

interface Props {
  id: string;
  label: string;
  value: string;
  disabled: boolean;
  /** Why the box cannot be changed, said instead of "Saved as you type" when it is disabled. */
  disabledReason?: string;
  onSave: (text: string) => void;
  minRows?: number;
}

const SAVE_AFTER_MS = 800;

/**
 * Feedback that saves itself (a fixed height: measuring an autosized box on every criterion
 * would lay out the whole page on each key press): shortly after typing stops, when the box is left, and when the
 * screen moves on, so there is no Save button to forget. Escape leaves the box.
 */
export function FeedbackBox({
  id,
  label,
  value,
  disabled,
  disabledReason,
  onSave,
  minRows = 3,
}: Props) {
  const box = useSavingText(value, onSave);
  return (
    <div>
      <Textarea
        id={id}
        label={label}
        value={box.text}
        disabled={disabled}
        rows={minRows}
        onChange={(e) => box.change(e.currentTarget.value)}
        onFocus={box.focus}
        onBlur={box.blur}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.currentTarget.blur();
          }
        }}
      />
      {disabled ? (
        <Text size="xs" c="dimmed" data-testid={`${id}-state`}>
          {disabledReason ?? 'This cannot be changed here.'}
        </Text>
      ) : (
        <Text size="xs" c="dimmed" aria-live="polite" data-testid={`${id}-state`}>
          {box.state === 'editing' ? 'Saving when you pause…' : 'Saved as you type.'}
        </Text>
      )}
    </div>
  );
}

/**
 * The text in a box that saves itself: what is typed waits for a pause (or for the box to be
 * left, or unmounted) before it is saved, and text changed elsewhere shows when the box is idle.
 */
function useSavingText(value: string, onSave: (text: string) => void) {
  const [text, setText] = useState(value);
  const [state, setState] = useState<'saved' | 'editing'>('saved');
  const pending = useRef<{ text: string; timer: number } | null>(null);
  const save = useRef(onSave);
  const saved = useRef(value);
  // While the box has the cursor, what is in it is what the person is typing: an answer to an
  // earlier save arriving late must not put older text back (nor wipe the browser's own undo).
  const focused = useRef(false);
  const typed = useRef(false);
  const latest = useRef(value);
  useEffect(() => {
    save.current = onSave;
  });

  const flush = useCallback(() => {
    const p = pending.current;
    if (!p) return;
    window.clearTimeout(p.timer);
    pending.current = null;
    if (p.text !== saved.current) {
      saved.current = p.text;
      save.current(p.text);
    }
    setState('saved');
  }, []);

  useEffect(() => {
    latest.current = value;
    if (!pending.current && !focused.current) {
      setText(value);
      saved.current = value;
    }
  }, [value]);
  // Moving to another criterion unmounts the box: what was typed is saved first.
  useEffect(() => () => flush(), [flush]);

  const change = (next: string) => {
    typed.current = true;
    setText(next);
    setState('editing');
    if (pending.current) window.clearTimeout(pending.current.timer);
    pending.current = { text: next, timer: window.setTimeout(flush, SAVE_AFTER_MS) };
  };
  const focus = () => {
    focused.current = true;
    typed.current = false;
  };
  const blur = () => {
    focused.current = false;
    if (pending.current) flush();
    else if (!typed.current && latest.current !== saved.current) {
      // Changed elsewhere while the cursor sat here untouched: show what now stands.
      setText(latest.current);
      saved.current = latest.current;
    }
  };
  return { text, state, change, focus, blur };
}
