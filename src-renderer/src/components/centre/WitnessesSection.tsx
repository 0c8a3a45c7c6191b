import { Badge, Button, Group, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { WitnessView } from '../../../../src-main/witness/witness-contract';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { useOperation } from '../../api/use-operation';
import { ActionsCell, archiveAction, editAction } from '../common/RowActions';
import { WitnessForm } from './WitnessForm';
import { DataTable } from '../common/DataTable';

/** One witness: who they are, where they work, how they know the learner, and its buttons. */
function WitnessRow({
  witness: w,
  readOnly,
  onEdit,
  onArchive,
}: {
  witness: WitnessView;
  readOnly: boolean;
  onEdit: () => void;
  onArchive: () => void;
}) {
  return (
    <Table.Tr>
      <Table.Td>
        {w.name}{' '}
        {w.expert && (
          <Badge variant="light" color="green">
            Expert
          </Badge>
        )}
        {w.archived && (
          <Badge variant="light" color="gray">
            Archived
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        {w.jobTitle}
        <Text size="sm" c="dimmed">
          {w.employer}
        </Text>
      </Table.Td>
      <Table.Td>{w.relationship}</Table.Td>
      <ActionsCell
        actions={
          readOnly ? [] : [editAction(w.name, onEdit), archiveAction(w.name, w.archived, onArchive)]
        }
      />
    </Table.Tr>
  );
}

/** The centre's register of witnesses: added, edited and archived, never deleted. */
export function WitnessesSection({ readOnly }: { readOnly: boolean }) {
  const [includeArchived, setIncludeArchived] = useState(false);
  const witnesses = useOperation('witness:list', { includeArchived });
  const [editing, setEditing] = useState<WitnessView | 'new' | null>(null);
  const { run } = useAction();
  const setArchived = async (w: WitnessView) => {
    const done = await run(
      () => call('witness:update', { witnessId: w.id, archived: !w.archived }),
      {
        done: w.archived ? `Restored ${w.name}.` : `Archived ${w.name}.`,
        failed: 'The witness was not changed',
      },
    );
    if (done !== undefined) witnesses.reload();
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h3">
          Witnesses
        </Title>
        <Group>
          <Switch
            label="Show archived"
            checked={includeArchived}
            onChange={(e) => setIncludeArchived(e.currentTarget.checked)}
          />
          {!readOnly && <Button onClick={() => setEditing('new')}>Add witness</Button>}
        </Group>
      </Group>
      <DataTable
        striped
        withTableBorder
        testId="witness-table"
        head={['Name', 'Job and employer', 'Relationship', 'Actions']}
      >
        {(witnesses.data ?? []).map((w) => (
          <WitnessRow
            key={w.id}
            witness={w}
            readOnly={readOnly}
            onEdit={() => setEditing(w)}
            onArchive={() => void setArchived(w)}
          />
        ))}
      </DataTable>
      {editing && (
        <WitnessForm
          witness={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={witnesses.reload}
        />
      )}
    </Stack>
  );
}
