import { Badge, Button, Group, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { WitnessView } from '../../../../src-main/witness/witness-contract';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { useOperation } from '../../api/use-operation';
import { RowActions } from '../common/RowActions';
import { WitnessForm } from './WitnessForm';

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
      <Table striped withTableBorder data-testid="witness-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Job and employer</Table.Th>
            <Table.Th scope="col">Relationship</Table.Th>
            <Table.Th scope="col">Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(witnesses.data ?? []).map((w) => (
            <Table.Tr key={w.id}>
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
              <Table.Td>
                <RowActions
                  align="start"
                  gap={4}
                  actions={[
                    {
                      label: 'Edit',
                      variant: 'default',
                      onClick: () => setEditing(w),
                      ariaLabel: `Edit ${w.name}`,
                      hidden: readOnly,
                    },
                    {
                      label: w.archived ? 'Restore' : 'Archive',
                      ariaLabel: `${w.archived ? 'Restore' : 'Archive'} ${w.name}`,
                      onClick: () => void setArchived(w),
                      hidden: readOnly,
                    },
                  ]}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
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
