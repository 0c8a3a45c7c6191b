import { Alert, Button, Group, Text } from '@mantine/core';
import { useContext, useState } from 'react';
import { call } from '../api/client';
import { RefreshContext } from '../api/refresh';
import { useOperation } from '../api/use-operation';

/** "Use the last good copy" of a damaged centre.json: the damaged file is kept beside it. */
export function RestoreCentreButton({ dir, onRestored }: { dir: string; onRestored: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Group gap="xs">
      <Button
        size="xs"
        color="red"
        variant="light"
        loading={busy}
        data-testid="restore-centre"
        onClick={() => {
          setBusy(true);
          setError(null);
          call('workspace:restore-centre', { dir })
            .then(onRestored)
            .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
            .finally(() => setBusy(false));
        }}
      >
        Use the last good copy
      </Button>
      {error && <Text c="red">{error}</Text>}
    </Group>
  );
}

/**
 * Says, while the workbench runs, that centre.json was damaged by another program, and offers
 * its last good copy. Asked again whenever a file of the workspace changes.
 */
export function CentreFileAlert({ onRestored }: { onRestored: () => void }) {
  const generation = useContext(RefreshContext);
  const status = useOperation('workspace:status', {}, generation);
  const dir = status.data?.centreDamaged;
  if (!dir) return null;
  return (
    <Alert color="red" title="The centre file is damaged" mb="md" data-testid="centre-damaged">
      <Text size="sm" mb="xs">
        {status.data?.problem}
      </Text>
      <RestoreCentreButton dir={dir} onRestored={onRestored} />
    </Alert>
  );
}
