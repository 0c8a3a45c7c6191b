import { Alert, Stack, Text } from '@mantine/core';
import { useOperation } from '../api/use-operation';
import { Loading } from '../components/Loading';

/** Assessment records are issued from signed-off units; until then there is nothing to list. */
export function RecordsPage() {
  const learners = useOperation('learner:list', {});
  return (
    <Loading state={learners} label="Records">
      {(list) => (
        <Stack>
          <Alert color="blue" title="No records issued yet">
            <Text size="sm">
              Signed assessment records appear here once units are signed off. {list.length}{' '}
              learners are registered on {list.reduce((n, l) => n + l.units.length, 0)} units in
              this workspace.
            </Text>
          </Alert>
        </Stack>
      )}
    </Loading>
  );
}
