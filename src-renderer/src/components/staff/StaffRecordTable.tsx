import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { DataTable, hiddenHead } from '../common/DataTable';
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
      <DataTable
        withTableBorder
        head={withActions ? [...heads, hiddenHead('Actions')] : heads}
        rows={rows.length}
        empty="None recorded."
      >
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
      </DataTable>
    </Stack>
  );
}
