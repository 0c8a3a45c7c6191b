import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { memo, useState } from 'react';
import type { ConflictView, MarkingView } from '../../../../src-main/decision/decision-views';
import { call } from '../../api/client';
import { formatDateTime } from '../dates/format';

interface Props {
  view: MarkingView;
  readOnly: boolean;
  onChanged: () => void;
}

const when = formatDateTime;

const heading: Record<ConflictView['kind'], (c: ConflictView) => string> = {
  decision: (c) => `Criterion ${c.target ?? ''} was decided differently on two computers`,
  feedback: () => 'The unit feedback was edited on two computers',
  'sign-off': () =>
    'The unit was signed off on one computer while it changed on another: the sign-off does not count until you choose',
};

/**
 * Conflicts between changes made apart (a synced drive, two windows), each with both sides, who
 * and when. Nothing is chosen for the assessor: the unit cannot be signed off until they choose.
 */
export const ConflictsPanel = memo(function ConflictsPanel({ view, readOnly, onChanged }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!view.conflicts.length) return null;

  async function choose(conflict: ConflictView, choice: string) {
    setBusy(`${conflict.id}:${choice}`);
    setError(null);
    try {
      await call('decision:resolve-conflict', {
        learnerId: view.learner.id,
        unitId: view.unit.id,
        conflictId: conflict.id,
        choice,
      });
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Alert color="orange" title="Changes made on two computers disagree" data-testid="conflicts">
      <Stack gap="sm">
        {view.conflicts.map((conflict) => (
          <Paper key={conflict.id} withBorder p="xs" data-testid="conflict">
            <Text fw={600} size="sm">
              {heading[conflict.kind](conflict)}
            </Text>
            <Stack gap={4} my="xs">
              {conflict.sides.map((side, i) => (
                <Text key={`${side.kind}-${i}`} size="sm" data-testid="conflict-side">
                  {side.by}, {when(side.at)}: {side.summary}
                </Text>
              ))}
            </Stack>
            {!readOnly && (
              <Group gap="xs">
                {conflict.choices.map((c) => (
                  <Button
                    key={c.choice}
                    size="xs"
                    variant="light"
                    loading={busy === `${conflict.id}:${c.choice}`}
                    onClick={() => void choose(conflict, c.choice)}
                  >
                    {c.label}
                  </Button>
                ))}
              </Group>
            )}
          </Paper>
        ))}
        {error && <Text c="red">{error}</Text>}
      </Stack>
    </Alert>
  );
});
