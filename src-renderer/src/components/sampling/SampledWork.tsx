import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { SampleDetail } from '../../../../src-main/sampling/sampling-contract';
import { formatDate } from './sampling-format';
import { formatFileName } from '../dates/format';
import { DataTable } from '../common/DataTable';

const outcomeLabels = {
  met: 'Met',
  'not-yet-met': 'Not yet met',
  'not yet assessed': 'Not yet assessed',
};

/** The assessor's decisions, evidence and feedback on the sampled unit, shown and never editable here. */
export function SampledWork({ detail }: { detail: SampleDetail }) {
  const { learner, unit, sample } = detail;
  return (
    <Stack gap="sm" data-testid="sampled-work">
      <Group gap="xs">
        <Badge variant="outline">Read-only</Badge>
        <Text size="sm">
          {learner.name} (ULN {learner.uln}), {learner.employer}
          {learner.workplace ? `, ${learner.workplace}` : ''} ·{' '}
          {unit.ref !== unit.id ? `${unit.ref} ` : ''}
          {unit.title} · assessor {sample.assessorName} · {sample.type} sample
        </Text>
      </Group>
      <Text size="sm" c="dimmed">
        {detail.signedOff
          ? `Unit signed off by ${detail.signedOff.by} on ${formatDate(detail.signedOff.on)}.`
          : 'The unit is still in progress (not signed off).'}
      </Text>
      <Table.ScrollContainer minWidth={800}>
        <DataTable
          withTableBorder
          striped
          verticalSpacing={4}
          caption="The assessor's decisions"
          head={['Criterion', 'Decision', 'Date', 'Evidence', 'Assessor feedback']}
        >
          {detail.criteria.map((c) => (
            <Table.Tr key={`${c.ref}-${c.partRef ?? ''}`}>
              <Table.Th scope="row" fw={400}>
                <Text size="sm" fw={600} span>
                  {c.ref}
                  {c.partRef ? ` ${c.partRef}` : ''}
                </Text>{' '}
                <Text size="xs" span>
                  {c.text}
                </Text>
              </Table.Th>
              <Table.Td>{outcomeLabels[c.outcome]}</Table.Td>
              <Table.Td>{formatDate(c.decidedOn)}</Table.Td>
              <Table.Td>
                <Text size="xs">{c.evidenceTitles.join('; ')}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{c.feedback}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Table.ScrollContainer>
      <Title order={3} size="h5">
        Evidence
      </Title>
      {detail.evidence.length === 0 && (
        <Text size="sm" c="dimmed">
          No evidence is mapped to this unit.
        </Text>
      )}
      {detail.evidence.map((e) => (
        <Card key={e.id} withBorder padding="xs">
          <Text size="sm" fw={600}>
            {e.title}
          </Text>
          <Text size="xs" c="dimmed">
            {e.method} · {formatDate(e.producedOn)}
            {e.location ? ` · ${e.location}` : ''}
            {e.producedBy ? ` · by ${e.producedBy}` : ''}
            {e.fileName ? ` · file ${formatFileName(e.fileName)}` : ''}
          </Text>
          {e.record && <Text size="xs">{e.record}</Text>}
        </Card>
      ))}
    </Stack>
  );
}
