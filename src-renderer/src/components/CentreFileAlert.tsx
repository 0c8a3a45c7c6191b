import { Alert, Button, Group, List, Text } from '@mantine/core';
import { useContext, useState } from 'react';
import { call } from '../api/client';
import { RefreshContext } from '../api/refresh';
import { useOperation } from '../api/use-operation';
import type { FileConflictView } from '../../../src-main/workspace/workspace-contract';
import { formatDateTime } from '../../../src-main/kernel/dates';

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
 * its last good copy; and names each field of the centre or sampling files that two computers
 * changed differently, with both values, who and when, for someone to keep one. Asked again
 * whenever a file of the workspace changes.
 */
export function CentreFileAlert({ onRestored }: { onRestored: () => void }) {
  const generation = useContext(RefreshContext);
  const status = useOperation('workspace:status', {}, generation);
  const dir = status.data?.centreDamaged;
  const conflicts = status.data?.conflicts ?? [];
  return (
    <>
      {dir && (
        <Alert color="red" title="The centre file is damaged" mb="md" data-testid="centre-damaged">
          <Text size="sm" mb="xs">
            {status.data?.problem}
          </Text>
          <RestoreCentreButton dir={dir} onRestored={onRestored} />
        </Alert>
      )}
      {conflicts.length > 0 && (
        <Alert
          color="orange"
          title="Changed differently on two computers"
          mb="md"
          data-testid="file-conflicts"
        >
          <Text size="sm" mb="xs">
            These were changed on two computers before either had seen the other&apos;s change. Both
            are kept on file; the workbench shows the first value below until you keep one.
          </Text>
          <List spacing="sm" size="sm">
            {conflicts.map((c) => (
              <FileConflict key={c.id} conflict={c} onSettled={onRestored} />
            ))}
          </List>
        </Alert>
      )}
    </>
  );
}

const when = (at: string | null) => (at ? formatDateTime(at) : 'at a time not recorded');

function FileConflict({
  conflict,
  onSettled,
}: {
  conflict: FileConflictView;
  onSettled: () => void;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <List.Item data-testid="file-conflict">
      <Text size="sm" fw={600}>
        {conflict.about} ({conflict.file}), showing “{conflict.shown}”
      </Text>
      {conflict.versions.map((v) => (
        <Group key={v.version} gap="xs" mt={4}>
          <Text size="sm">
            “{v.value}”, by {v.by}, {when(v.at)}
          </Text>
          <Button
            size="compact-xs"
            variant="light"
            loading={busy === v.version}
            aria-label={`Keep “${v.value}” for ${conflict.about}`}
            onClick={() => {
              setBusy(v.version);
              setError(null);
              call('workspace:settle-conflict', { conflictId: conflict.id, version: v.version })
                .then(onSettled)
                .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
                .finally(() => setBusy(null));
            }}
          >
            Keep this
          </Button>
        </Group>
      ))}
      {error && <Text c="red">{error}</Text>}
    </List.Item>
  );
}
