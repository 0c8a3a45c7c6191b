import { Alert, Anchor, List, Text } from '@mantine/core';
import { moveTo } from '../../api/address';
import { useOperation } from '../../api/use-operation';

/** Tells the assessor, where they mark, about the IQA's open action points on this learner's unit. */
export function ActionPointsNotice({ learnerId, unitId }: { learnerId: string; unitId: string }) {
  const mine = useOperation('sampling:my-actions', {});
  const here = (mine.data ?? []).filter(
    (a) => a.learnerId === learnerId && a.unitId === unitId && a.state !== 'closed',
  );
  if (!here.length) return null;
  return (
    <Alert
      color={here.some((a) => a.overdue) ? 'red' : 'yellow'}
      title={`The IQA has ${here.length === 1 ? 'an action point' : `${here.length} action points`} for you on this unit`}
      data-testid="marking-action-points"
    >
      <List size="sm">
        {here.map((a) => (
          <List.Item key={a.id}>
            {a.what} (due {a.due}
            {a.overdue ? ', overdue' : ''}
            {a.state === 'answered' ? '; answered, waiting for the IQA' : ''})
          </List.Item>
        ))}
      </List>
      <Text size="sm" mt="xs">
        <Anchor
          href="?page=sampling&view=actions"
          onClick={(e) => {
            if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
            e.preventDefault();
            moveTo({ page: 'sampling', view: 'actions' }, { keep: false });
          }}
        >
          Answer them on the Sampling page
        </Anchor>
      </Text>
    </Alert>
  );
}
