import { Table, Text, VisuallyHidden, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** A column heading a screen reader hears but the eye does not need (the buttons speak for it). */
export const hiddenHead = (words: string) => <VisuallyHidden>{words}</VisuallyHidden>;

interface Props extends Omit<TableProps, 'children'> {
  /** The column headings, first to last. */
  head: readonly ReactNode[];
  /** A column's width where its content would crowd the others (`{ 3: { w: '45%' } }`). */
  sizes?: Partial<Record<number, { w?: string; miw?: number }>>;
  caption?: ReactNode;
  /** Said, dimmed, instead of the table when `rows` is 0. */
  empty?: string;
  /** How many rows there are; needed only with `empty`. */
  rows?: number;
  testId?: string;
  /** The table's rows. */
  children: ReactNode;
}

/** A table with one row of column headings and its rows, or a dimmed line when it has none. */
export function DataTable({
  head,
  sizes,
  caption,
  empty,
  rows,
  testId,
  children,
  ...table
}: Props) {
  if (empty !== undefined && rows === 0)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <Table {...table} data-testid={testId}>
      {caption && <Table.Caption>{caption}</Table.Caption>}
      <Table.Thead>
        <Table.Tr>
          {head.map((h, i) => (
            <Table.Th key={i} scope="col" {...sizes?.[i]}>
              {h}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  );
}
