import { Group, Select, Stack, Table, Text } from '@mantine/core';
import type { LearnerDetail } from '../../../../src-main/learner/learner-contract';
import { useOperation } from '../../api/use-operation';
import { Loading } from '../Loading';
import { formatDateTime } from '../dates/format';
import { DataTable } from '../common/DataTable';

export interface AuditFilter {
  unitId: string | null;
  criterionRef: string | null;
}

interface Props {
  detail: LearnerDetail;
  filter: AuditFilter;
  onFilter: (filter: AuditFilter) => void;
}

const when = formatDateTime;

/** Every change to the learner's records, newest first: for the learner, a unit or a criterion. */
export function AuditTrail({ detail, filter, onFilter }: Props) {
  const trail = useOperation('audit:list', {
    learnerId: detail.learner.id,
    ...(filter.unitId ? { unitId: filter.unitId } : {}),
    ...(filter.unitId && filter.criterionRef ? { criterionRef: filter.criterionRef } : {}),
  });
  const unit = detail.units.find((u) => u.unitId === filter.unitId);
  const criteria = unit ? unit.outcomes.flatMap((o) => o.criteria.map((c) => c.ref)) : [];
  return (
    <Stack>
      <Group>
        <Select
          label="Unit"
          placeholder="All of the learner's records"
          clearable
          value={filter.unitId}
          onChange={(unitId) => onFilter({ unitId, criterionRef: null })}
          data={detail.units.map((u) => ({ value: u.unitId, label: u.title }))}
          w={360}
        />
        <Select
          label="Criterion"
          placeholder="Every criterion"
          clearable
          disabled={!unit}
          value={filter.criterionRef}
          onChange={(criterionRef) => onFilter({ ...filter, criterionRef })}
          data={criteria}
        />
      </Group>
      <Loading state={trail} label="The audit trail">
        {(entries) =>
          entries.length ? (
            <DataTable
              withTableBorder
              striped
              testId="audit-trail"
              head={['When', 'Who', 'What', 'Before → after']}
            >
              {entries.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{when(e.at)}</Table.Td>
                  <Table.Td>
                    {e.who}
                    <Text size="xs" c="dimmed">
                      {e.role}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {e.action}
                    </Text>
                    <Text size="xs">{e.target}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" style={{ wordBreak: 'break-word' }}>
                      {e.before ?? '—'} → {e.after ?? '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          ) : (
            <Text>Nothing has been recorded here yet.</Text>
          )
        }
      </Loading>
    </Stack>
  );
}
