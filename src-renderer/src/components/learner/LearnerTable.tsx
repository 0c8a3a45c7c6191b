import { Anchor, Badge, Table, Text } from '@mantine/core';
import type { ResultOf } from '../../../../src-main/api/contract';
import { ReviewDueBadge } from '../progress-review/ReviewDueBadge';
import { LearnerProgress } from '../progress/LearnerProgress';
import { DataTable } from '../common/DataTable';

type Learner = ResultOf<'learner:list'>[number];
type Due = ResultOf<'review:due'>[number];

/** The learners found, each with where they work, their needs and their progress. */
export function LearnerTable({
  learners,
  dueOf,
  onOpen,
}: {
  learners: Learner[];
  dueOf: Map<string, Due>;
  onOpen: (learnerId: string) => void;
}) {
  if (!learners.length) return <Text>No learners match.</Text>;
  return (
    <DataTable
      striped
      withTableBorder
      testId="learner-table"
      head={['Learner', 'Employer and workplace', 'Needs and adjustments', 'Progress']}
      sizes={{ 3: { w: '45%' } }}
    >
      {learners.map((l) => (
        <LearnerRow key={l.id} learner={l} due={dueOf.get(l.id)} onOpen={() => onOpen(l.id)} />
      ))}
    </DataTable>
  );
}

function LearnerRow({
  learner: l,
  due,
  onOpen,
}: {
  learner: Learner;
  due: Due | undefined;
  onOpen: () => void;
}) {
  return (
    <Table.Tr>
      <Table.Td fw={500}>
        <Anchor component="button" type="button" ta="left" onClick={onOpen}>
          {l.name}
        </Anchor>
        {due && !l.archived && <ReviewDueBadge state={due.state} dueBy={due.dueBy} />}
        {l.archived && (
          <Badge ml="xs" color="gray" variant="light">
            Archived
          </Badge>
        )}
        <Text size="xs">ULN {l.uln}</Text>
        <Text size="xs" c="dimmed">
          {l.cohort ? `${l.cohort} · ` : ''}
          {l.evidenceCount} evidence items
        </Text>
      </Table.Td>
      <Table.Td>
        {l.employer}
        <Text size="sm" c="dimmed">
          {l.workplace}
        </Text>
      </Table.Td>
      <Table.Td>
        {l.needs || (
          <Text c="dimmed" size="sm">
            None recorded
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <LearnerProgress learner={l} />
      </Table.Td>
    </Table.Tr>
  );
}
