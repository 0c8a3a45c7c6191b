import { Badge, Button, Group, Kbd, Text, Title } from '@mantine/core';
import type { MarkingView } from '../../../../src-main/decision/decision-views';
import { criteriaMetLabel } from '../../../../src-main/kernel/count-criteria';
import type { countTargets } from './count-targets';
import { HistoryButtons } from './HistoryButtons';

interface Props {
  view: MarkingView;
  counts: ReturnType<typeof countTargets>;
  locked: boolean;
  canChange: boolean;
  onStep: (direction: 'undo' | 'redo') => void;
  onHelp: () => void;
}

/** The unit and learner being marked, how many criteria are met, undo, redo and shortcuts. */
export function MarkingHeader({ view, counts, locked, canChange, onStep, onHelp }: Props) {
  return (
    <Group justify="space-between" align="start">
      <div>
        <Title order={2} size="h3">
          {view.unit.title}
        </Title>
        <Text size="sm" c="dimmed">
          {view.learner.name} · ULN {view.learner.uln} · {view.unit.ref}
          {view.unit.level ? ` · level ${view.unit.level}` : ''}
          {view.unit.credits ? ` · ${view.unit.credits} credits` : ''} · version {view.unit.version}
        </Text>
        {view.unit.methods.some((m) => m.use === 'prescribed') && (
          <Text size="sm">
            Prescribed methods:{' '}
            {view.unit.methods
              .filter((m) => m.use === 'prescribed')
              .map((m) => m.name)
              .join(', ')}
          </Text>
        )}
      </div>
      <Group gap="xs">
        <Badge size="lg" variant="light" tt="none" data-testid="met-count">
          {criteriaMetLabel(counts)}
        </Badge>
        {locked && (
          <Badge size="lg" color="red" variant="light" tt="none" data-testid="locked-badge">
            Locked
          </Badge>
        )}
        {canChange && (
          <HistoryButtons
            history={view.history}
            onUndo={() => onStep('undo')}
            onRedo={() => onStep('redo')}
          />
        )}
        <Button size="xs" variant="default" onClick={onHelp}>
          Shortcuts <Kbd ml={6}>?</Kbd>
        </Button>
      </Group>
    </Group>
  );
}
