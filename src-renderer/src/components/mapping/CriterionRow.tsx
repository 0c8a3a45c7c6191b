import { Badge, Group, Table, Text } from '@mantine/core';
import { ActionsCell } from '../common/RowActions';

export interface CriterionRowView {
  unitId: string;
  criterionRef: string;
  partRef: string | null;
  label: string;
  text: string;
  evidenceIds: string[];
}

interface Props {
  row: CriterionRowView;
  readOnly: boolean;
  titleOf: (evidenceId: string) => string;
  onAttach: () => void;
  onHistory: () => void;
}

/** One criterion or part, the evidence mapped to it, and attaching more or seeing its history. */
export function CriterionRow({ row: r, readOnly, titleOf, onAttach, onHistory }: Props) {
  return (
    <Table.Tr data-testid={`criterion-row-${r.criterionRef}${r.partRef ?? ''}`}>
      <Table.Td>
        <Text size="sm">
          <Text span fw={600}>
            {r.partRef ? `${r.criterionRef} ${r.partRef})` : r.criterionRef}
          </Text>{' '}
          {r.text}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {r.evidenceIds.map((id) => (
            <Badge key={id} variant="light" tt="none">
              {titleOf(id)}
            </Badge>
          ))}
          {!r.evidenceIds.length && (
            <Text size="xs" c="dimmed">
              None yet
            </Text>
          )}
        </Group>
      </Table.Td>
      <ActionsCell
        actions={[
          {
            label: 'Attach evidence',
            variant: 'default',
            hidden: readOnly,
            onClick: onAttach,
            ariaLabel: `Attach evidence to ${r.label}`,
          },
          { label: 'History', onClick: onHistory, ariaLabel: `Audit trail of ${r.label}` },
        ]}
      />
    </Table.Tr>
  );
}
