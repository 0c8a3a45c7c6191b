import { Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { RowActions, type RowAction } from '../common/RowActions';

export interface StaffRow {
  key: string;
  cells: ReactNode[];
  archived?: boolean;
  actions?: RowAction[];
}

interface Props {
  title: string;
  heads: string[];
  rows: StaffRow[];
  add?: () => void;
  addLabel?: string;
}

/** One part of a staff record as a table, each row with its Edit and Archive buttons. */
export function StaffRecordTable({ title, heads, rows, add, addLabel }: Props) {
  const withActions = rows.some((r) => r.actions?.length);
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Title order={3} size="h5">
          {title}
        </Title>
        {add && (
          <Button size="xs" variant="default" onClick={add}>
            {addLabel}
          </Button>
        )}
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          None recorded.
        </Text>
      ) : (
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              {heads.map((h) => (
                <Table.Th key={h} scope="col">
                  {h}
                </Table.Th>
              ))}
              {withActions && (
                <Table.Th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key} c={row.archived ? 'dimmed' : undefined}>
                {row.cells.map((c, j) => (
                  <Table.Td key={j}>
                    {c}
                    {j === 0 && row.archived && (
                      <Text span size="xs" ml={4}>
                        (archived)
                      </Text>
                    )}
                  </Table.Td>
                ))}
                {withActions && (
                  <Table.Td>{row.actions && <RowActions actions={row.actions} />}</Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
