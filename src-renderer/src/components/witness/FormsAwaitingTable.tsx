import { Table } from '@mantine/core';
import type { FormView } from '../../../../src-main/witness/testimony-views';
import { criterionLabel } from '../../../../src-main/kernel/criterion-key';
import { ActionsCell } from '../common/RowActions';
import { formatDate } from '../dates/format';
import { DataTable } from '../common/DataTable';

const label = (c: { criterionRef: string; partRef: string | null }) =>
  criterionLabel(c.criterionRef, c.partRef);

interface Props {
  awaiting: FormView[];
  readOnly: boolean;
  onWithdraw: (formId: string) => void;
}

/** The forms out with witnesses, each with the button that stops expecting it back. */
export function FormsAwaitingTable({ awaiting, readOnly, onWithdraw }: Props) {
  return (
    <DataTable
      withTableBorder
      striped
      testId="forms-awaiting"
      rows={awaiting.length}
      empty="No forms are out with witnesses."
      head={['Witness', 'Unit', 'Criteria', 'Sent', 'Actions']}
    >
      {awaiting.map((f) => (
        <Table.Tr key={f.id} data-testid="form-awaiting-row">
          <Table.Td>{f.witnessName || 'Blank form'}</Table.Td>
          <Table.Td>{f.unitRef}</Table.Td>
          <Table.Td>{f.criteria.map(label).join(', ')}</Table.Td>
          <Table.Td>
            {formatDate(f.sentAt)} ({f.format.toUpperCase()})
          </Table.Td>
          <ActionsCell
            actions={[
              {
                label: 'Withdraw',
                hidden: readOnly,
                onClick: () => onWithdraw(f.id),
                ariaLabel: `Withdraw the form sent to ${f.witnessName || 'a witness'}`,
              },
            ]}
          />
        </Table.Tr>
      ))}
    </DataTable>
  );
}
