import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { PlanView } from '../../../../src-main/sampling/sampling-contract';
import type { CoverageMatrix } from '../../../../src-main/sampling/dashboard';
import { useOperation } from '../../api/use-operation';
import { Loading } from '../Loading';
import { ActionTable } from './ActionPoints';
import { wrapBadge } from './sampling-format';
import { formatMonth } from '../dates/format';
import { DataTable } from '../common/DataTable';

const matrixTitles = {
  unit: 'Assessors × units',
  method: 'Assessors × methods',
  location: 'Assessors × locations',
};

function Figure({ label, value, colour }: { label: string; value: number; colour?: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" c={colour}>
        {value}
      </Text>
    </Card>
  );
}

/** Cells read "sampled of assessments"; a cell with work but no sample is what an EQA asks about. */
function Matrix({ matrix }: { matrix: CoverageMatrix }) {
  const strip = (label: string) =>
    label.replace(/^(unit|method|location) /, '').replace(/^'|'$/g, '');
  return (
    <Table.ScrollContainer minWidth={500}>
      <DataTable
        withTableBorder
        withColumnBorders
        verticalSpacing={2}
        testId={`matrix-${matrix.dimension}`}
        caption={`${matrixTitles[matrix.dimension]}: samples of assessments`}
        head={['Assessor', ...matrix.columns.map((c) => strip(c.label))]}
      >
        {matrix.rows.map((r, i) => (
          <Table.Tr key={r.assessorId}>
            <Table.Th scope="row">{r.name}</Table.Th>
            {matrix.columns.map((c, j) => {
              const cell = matrix.cells[i]?.[j] ?? { assessments: 0, sampled: 0 };
              const gap = cell.assessments > 0 && cell.sampled === 0;
              return (
                <Table.Td key={c.value} bg={gap ? 'orange.0' : undefined}>
                  {cell.assessments === 0 ? '' : `${cell.sampled} of ${cell.assessments}`}
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
      </DataTable>
    </Table.ScrollContainer>
  );
}

type Dashboard = PlanView['dashboard'];

/** How many samples were planned, done, late, overdue and still to come, in all and by month. */
function PlanVsActual({ figures }: { figures: Dashboard['planVsActual'] }) {
  return (
    <>
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        <Figure label="Planned" value={figures.planned} />
        <Figure label="Done" value={figures.done} colour="teal.9" />
        <Figure label="Done late" value={figures.doneLate} />
        <Figure
          label="Overdue"
          value={figures.overdue}
          colour={figures.overdue ? 'red.9' : undefined}
        />
        <Figure label="Still to come" value={figures.upcoming} />
      </SimpleGrid>
      <DataTable
        withTableBorder
        maw={480}
        verticalSpacing={2}
        caption="By month"
        head={['Month', 'Planned', 'Done']}
      >
        {figures.byMonth.map((m) => (
          <Table.Tr key={m.month}>
            <Table.Th scope="row">{formatMonth(m.month)}</Table.Th>
            <Table.Td>{m.planned}</Table.Td>
            <Table.Td>{m.done}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </>
  );
}

/** Each assessor's sampled share against the rate the strategy sets them. */
function ComplianceTable({ rows }: { rows: Dashboard['compliance'] }) {
  return (
    <DataTable
      withTableBorder
      testId="compliance"
      head={[
        'Assessor',
        'Rate',
        'Assessments',
        'Needed',
        'Planned',
        'Done',
        'Share done',
        'Status',
      ]}
    >
      {rows.map((c) => (
        <Table.Tr key={c.assessorId}>
          <Table.Th scope="row">{c.name}</Table.Th>
          <Table.Td>{c.rate}%</Table.Td>
          <Table.Td>{c.assessments}</Table.Td>
          <Table.Td>{c.required}</Table.Td>
          <Table.Td>{c.planned}</Table.Td>
          <Table.Td>{c.done}</Table.Td>
          <Table.Td>{c.share}%</Table.Td>
          <Table.Td>
            <Badge color={c.compliant ? 'teal' : 'red'} variant="light" {...wrapBadge}>
              {c.status}
            </Badge>
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

/** Plan against what was done, each assessor's share against their rate, coverage and actions. */
export function SamplingDashboard({ planId }: { planId: string }) {
  const state = useOperation('sampling:get-plan', { planId });
  return (
    <Loading state={state} label="The sampling dashboard">
      {({ dashboard: d }) => (
        <Stack data-testid="sampling-dashboard">
          <Title order={2} size="h4">
            Plan against actual
          </Title>
          <PlanVsActual figures={d.planVsActual} />
          <Title order={2} size="h4">
            Each assessor&apos;s sampled share against their rate
          </Title>
          <ComplianceTable rows={d.compliance} />
          <Title order={2} size="h4">
            Coverage
          </Title>
          {d.matrices.map((m) => (
            <Matrix key={m.dimension} matrix={m} />
          ))}
          <Title order={2} size="h4">
            Action points
          </Title>
          <Group>
            <Figure label="Open" value={d.actions.open.length} />
            <Figure label="Answered, waiting on the IQA" value={d.actions.answered.length} />
            <Figure
              label="Overdue"
              value={d.actions.overdue.length}
              colour={d.actions.overdue.length ? 'red.9' : undefined}
            />
            <Figure label="Closed" value={d.actions.closed} />
          </Group>
          <ActionTable items={d.actionItems} caption="Every action point in this plan" />
        </Stack>
      )}
    </Loading>
  );
}
