import { Badge, Table, Text } from '@mantine/core';
import { formatDate } from '../../../../src-main/kernel/dates';
import {
  targetOutcomeLabels,
  targetOverdue,
} from '../../../../src-main/kernel/progress-review-words';
import type {
  CarriedTarget,
  ReviewTarget,
} from '../../../../src-main/progress-review/review-contract';
import { DataTable } from '../common/DataTable';

/** A target past its date and not marked met, flagged as the records flag it. */
export function PastDate({ byWhen, met, asAt }: { byWhen: string; met: boolean; asAt: string }) {
  if (!targetOverdue(byWhen, met ? 'met' : null, asAt)) return null;
  return (
    <Badge ml="xs" color="red" variant="light" tt="none" data-testid="target-past-date">
      Past its date
    </Badge>
  );
}

/** Targets set for the next period. */
export function TargetsTable({ targets, asAt }: { targets: ReviewTarget[]; asAt?: string }) {
  return (
    <DataTable
      withTableBorder
      head={['Target', 'By', 'Who']}
      rows={targets.length}
      empty="No targets set."
    >
      {targets.map((t) => (
        <Table.Tr key={t.id}>
          <Table.Td>{t.what}</Table.Td>
          <Table.Td>
            {formatDate(t.byWhen)}
            {asAt && <PastDate byWhen={t.byWhen} met={false} asAt={asAt} />}
          </Table.Td>
          <Table.Td>{t.who}</Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

/** The earlier review's targets with the answer given on each, flagged when past their date. */
export function CarriedTable({ targets, heldOn }: { targets: CarriedTarget[]; heldOn: string }) {
  return (
    <DataTable
      withTableBorder
      testId="carried-targets"
      head={['Target', 'By', 'Who', 'Outcome']}
      rows={targets.length}
      empty="No earlier targets: this was the first review."
    >
      {targets.map((t) => (
        <Table.Tr key={t.targetId}>
          <Table.Td>{t.what}</Table.Td>
          <Table.Td>
            {formatDate(t.byWhen)}
            <PastDate byWhen={t.byWhen} met={t.outcome === 'met'} asAt={heldOn} />
          </Table.Td>
          <Table.Td>{t.who}</Table.Td>
          <Table.Td>
            {t.outcome ? targetOutcomeLabels[t.outcome] : 'Not answered'}
            {t.comment && <Text size="xs">{t.comment}</Text>}
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
