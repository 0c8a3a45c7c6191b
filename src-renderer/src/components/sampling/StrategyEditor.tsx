import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { StrategyView } from '../../../../src-main/sampling/sampling-contract';
import type { SamplingStrategy } from '../../../../src-main/sampling/strategy';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { useOperation } from '../../api/use-operation';
import { Loading } from '../Loading';
import { formatDate } from './sampling-format';
import { AssessorRatings, PeriodCard, RatesCard } from './StrategyParts';

/** The sampling strategy of one qualification: rates by status and risk, each assessor's rating, the split and the period. */
export function StrategyEditor({
  qualificationId,
  canEdit,
}: {
  qualificationId: string;
  canEdit: boolean;
}) {
  const state = useOperation('sampling:get-strategy', { qualificationId });
  return (
    <Loading state={state} label="The sampling strategy">
      {(view) => (
        <StrategyForm
          key={view.updatedAt ?? 'new'}
          view={view}
          canEdit={canEdit}
          onSaved={state.reload}
        />
      )}
    </Loading>
  );
}

function StrategyForm({
  view,
  canEdit,
  onSaved,
}: {
  view: StrategyView;
  canEdit: boolean;
  onSaved: () => void;
}) {
  const [draft, setDraft] = useState<SamplingStrategy>(view.strategy);
  const { busy, run } = useAction();
  const set = (change: Partial<SamplingStrategy>) => setDraft((d) => ({ ...d, ...change }));

  async function save() {
    const { centreId: _centreId, ...rest } = draft;
    const saved = await run(() => call('sampling:save-strategy', rest), {
      done: 'Sampling strategy saved.',
      failed: 'The strategy was not saved',
    });
    if (saved !== undefined) onSaved();
  }

  return (
    <Stack data-testid="sampling-strategy">
      <Text size="sm" c="dimmed">
        {view.saved
          ? `Saved ${formatDate(view.updatedAt)}.`
          : 'Not saved yet: these are the default rates. Save them to make them the strategy.'}{' '}
        The higher of an assessor&apos;s status and risk rates applies; a rate set for one assessor
        overrides both.
      </Text>
      <RatesCard draft={draft} canEdit={canEdit} set={set} />
      <PeriodCard draft={draft} canEdit={canEdit} set={set} />
      <AssessorRatings view={view} draft={draft} canEdit={canEdit} set={set} />
      {canEdit && (
        <Group>
          <Button onClick={() => void save()} loading={busy}>
            Save strategy
          </Button>
        </Group>
      )}
    </Stack>
  );
}
