import { Button, Group } from '@mantine/core';
import type { MarkingView } from '../../../../src-main/decision/decision-views';

interface Props {
  history: MarkingView['history'];
  onUndo: () => void;
  onRedo: () => void;
}

/** Undo and Redo, naming what each would change, so the assessor knows before pressing. */
export function HistoryButtons({ history, onUndo, onRedo }: Props) {
  return (
    <Group gap={4} data-testid="history-buttons">
      <Button
        size="xs"
        variant="default"
        disabled={!history.undo}
        onClick={onUndo}
        title={history.undo ? `Undo ${history.undo} (Ctrl+Z)` : 'Nothing of yours to undo'}
        aria-label={history.undo ? `Undo ${history.undo}` : 'Undo'}
      >
        Undo
      </Button>
      <Button
        size="xs"
        variant="default"
        disabled={!history.redo}
        onClick={onRedo}
        title={history.redo ? `Redo ${history.redo} (Ctrl+Shift+Z)` : 'Nothing undone to redo'}
        aria-label={history.redo ? `Redo ${history.redo}` : 'Redo'}
      >
        Redo
      </Button>
    </Group>
  );
}
