import { Alert, List, Text } from '@mantine/core';
import type { OpenPackView } from '../../../../../src-main/visit-pack/pack-view-contract';

/** What checking the pack found, said first: the EQA reads on either way, knowing what failed. */
export function PackCheckAlert({ check }: { check: OpenPackView['check'] }) {
  if (check.ok) {
    return (
      <Alert color="green" title="The pack checks out" data-testid="pack-check">
        Every file is the one the centre listed in its manifest
        {check.signedBy ? `, and the manifest is signed by ${check.signedBy}` : ''}.
        {check.notes.length > 0 && (
          <List size="sm" mt="xs">
            {check.notes.map((n) => (
              <List.Item key={n}>{n}</List.Item>
            ))}
          </List>
        )}
      </Alert>
    );
  }
  return (
    <Alert color="red" title="This pack did not pass its check" data-testid="pack-check">
      <Text size="sm">
        You can still read it, but what it shows may not be what the centre sent. Ask the centre for
        the pack again if any of this surprises you:
      </Text>
      <List size="sm" mt="xs">
        {check.problems.map((p) => (
          <List.Item key={p}>{p}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
