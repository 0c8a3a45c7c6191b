import { Table } from '@mantine/core';
import type { ReviewUnit } from '../../../../src-main/progress-review/review-contract';
import { DataTable } from '../common/DataTable';
import { unitLabel } from '../../../../src-main/kernel/unit-label';

const statusWords: Record<string, string> = {
  open: 'In progress',
  'awaiting-countersignature': 'Signed off, awaiting countersignature',
  'signed-off': 'Signed off',
};

/** Progress on each unit, taken from the portfolio (never typed in). */
export function UnitsAtReview({ units }: { units: ReviewUnit[] }) {
  return (
    <DataTable withTableBorder testId="review-units" head={['Unit', 'Criteria met', 'Status']}>
      {units.map((u) => (
        <Table.Tr key={u.unitId}>
          <Table.Td>{unitLabel(u.unitRef, u.title)}</Table.Td>
          <Table.Td>
            {u.met} of {u.total}
          </Table.Td>
          <Table.Td>{statusWords[u.status] ?? u.status}</Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
