import { Badge, List, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { SampleView } from '../../../../src-main/sampling/sampling-contract';
import {
  decisionColours,
  decisionLabels,
  formatDate,
  sentence,
  wrapBadge,
} from './sampling-format';
import { DataTable } from '../common/DataTable';

/** The samples of a plan: who and what, why, when planned and when done, and the IQA's decision. */
export function SampleTable({
  samples,
  caption,
  actions,
}: {
  samples: SampleView[];
  caption: string;
  actions?: (sample: SampleView) => ReactNode;
}) {
  return (
    // Columns that stack their details, so the table fits the page at 1024 pixels wide.
    <Table.ScrollContainer minWidth={640}>
      <DataTable
        withTableBorder
        striped
        verticalSpacing="xs"
        testId="sample-table"
        caption={caption}
        head={[
          'Learner, unit and assessor',
          'Type and dates',
          'Why sampled',
          'IQA decision',
          ...(actions ? ['Actions'] : []),
        ]}
        sizes={{ 2: { w: '34%' }, 3: { miw: 120 } }}
      >
        {samples.map((s) => (
          <SampleRow key={s.id} sample={s} actions={actions} />
        ))}
      </DataTable>
    </Table.ScrollContainer>
  );
}

/** One sample: who and what, when, why it is in the plan, and what the IQA decided. */
function SampleRow({
  sample: s,
  actions,
}: {
  sample: SampleView;
  actions?: (sample: SampleView) => ReactNode;
}) {
  return (
    <Table.Tr data-testid={`sample-${s.id}`}>
      <Table.Th scope="row">
        {s.learnerName}
        <Text size="sm" fw={400}>
          {s.unitTitle}
        </Text>
        <Text size="xs" fw={400}>
          Assessor: {s.assessorName}
        </Text>
      </Table.Th>
      <Table.Td>
        <Text size="sm">{sentence(s.type)}</Text>
        <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
          Planned {formatDate(s.plannedDate)}
        </Text>
        {s.progress === 'overdue' && (
          <Badge size="xs" color="red" variant="light" {...wrapBadge}>
            overdue
          </Badge>
        )}
        {s.actualDate && (
          <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
            Done {formatDate(s.actualDate)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <List size="xs" spacing={0}>
          {s.reasons.map((r) => (
            <List.Item key={r}>{r}</List.Item>
          ))}
        </List>
      </Table.Td>
      <Table.Td>
        {s.decision ? (
          <Badge color={decisionColours[s.decision]} variant="light" {...wrapBadge}>
            {decisionLabels[s.decision]}
          </Badge>
        ) : (
          <Text size="xs">{s.draft ? 'not reviewed (draft begun)' : 'not reviewed'}</Text>
        )}
        {s.openActions > 0 && (
          <Text size="xs" fw={600} c="red.9">
            {s.openActions} open action{s.openActions === 1 ? '' : 's'}
          </Text>
        )}
      </Table.Td>
      {actions && <Table.Td>{actions(s)}</Table.Td>}
    </Table.Tr>
  );
}
