import { ReviewDueBadge } from '../components/progress-review/ReviewDueBadge';
import { Anchor, Badge, Button, Group, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useOperation } from '../api/use-operation';
import { moveTo, useAddressValue } from '../api/address';
import { LearnerForm } from '../components/learner/LearnerForm';
import { LearnerView } from '../components/learner/LearnerView';
import { Loading } from '../components/Loading';
import { LearnerProgress } from '../components/progress/LearnerProgress';
import { CaseloadOverview } from '../components/progress/CaseloadOverview';

export function LearnersPage() {
  const [includeArchived, setIncludeArchived] = useState(false);
  const learners = useOperation('learner:list', { includeArchived });
  const reviewsDue = useOperation('review:due', {});
  const dueOf = new Map((reviewsDue.data ?? []).map((r) => [r.learnerId, r]));
  const session = useOperation('session:get', {});
  const [filter, setFilter] = useState('');
  // The open learner is in the address (?page=learners&learner=ln-…), so Back returns to the list.
  const [selected, setSelected] = useAddressValue('learner');
  const [adding, setAdding] = useState(false);
  const needle = filter.trim().toLocaleLowerCase('en-GB');

  if (selected) {
    return (
      <LearnerView
        learnerId={selected}
        onBack={() => {
          moveTo({ learner: null, tab: null });
          learners.reload();
        }}
      />
    );
  }
  return (
    <Stack>
      <CaseloadOverview />
      <Group align="end">
        <TextInput
          label="Find a learner"
          placeholder="Name, ULN, employer or workplace"
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          w={420}
        />
        <Switch
          label="Show archived learners"
          checked={includeArchived}
          onChange={(e) => setIncludeArchived(e.currentTarget.checked)}
          mb={8}
        />
        {!session.data?.readOnly && (
          <Button onClick={() => setAdding(true)} ml="auto">
            Add learner
          </Button>
        )}
      </Group>
      <Loading state={learners} label="The learners">
        {(list) => {
          const shown = list.filter((l) =>
            [l.name, l.uln, l.employer, l.workplace, l.cohort].some((v) =>
              v.toLocaleLowerCase('en-GB').includes(needle),
            ),
          );
          if (!shown.length) return <Text>No learners match.</Text>;
          return (
            <Table striped withTableBorder data-testid="learner-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Learner</Table.Th>
                  <Table.Th scope="col">Employer and workplace</Table.Th>
                  <Table.Th scope="col">Needs and adjustments</Table.Th>
                  <Table.Th scope="col" w="45%">
                    Progress
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td fw={500}>
                      <Anchor
                        component="button"
                        type="button"
                        ta="left"
                        onClick={() => setSelected(l.id)}
                      >
                        {l.name}
                      </Anchor>
                      {dueOf.has(l.id) && !l.archived && (
                        <ReviewDueBadge
                          state={dueOf.get(l.id)!.state}
                          dueBy={dueOf.get(l.id)!.dueBy}
                        />
                      )}
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
                ))}
              </Table.Tbody>
            </Table>
          );
        }}
      </Loading>
      {adding && (
        <LearnerForm
          opened
          onClose={() => setAdding(false)}
          onSaved={(id) => {
            learners.reload();
            setSelected(id);
          }}
        />
      )}
    </Stack>
  );
}
