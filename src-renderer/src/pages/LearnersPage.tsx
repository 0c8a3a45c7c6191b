import { Anchor, Badge, Button, Group, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useOperation } from '../api/use-operation';
import { moveTo, useAddressValue } from '../app/address';
import { LearnerForm } from '../components/learner/LearnerForm';
import { LearnerView } from '../components/learner/LearnerView';
import { Loading } from '../components/Loading';

export function LearnersPage() {
  const [includeArchived, setIncludeArchived] = useState(false);
  const learners = useOperation('learner:list', { includeArchived });
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
                  <Table.Th scope="col">ULN</Table.Th>
                  <Table.Th scope="col">Employer and workplace</Table.Th>
                  <Table.Th scope="col">Cohort</Table.Th>
                  <Table.Th scope="col">Needs and adjustments</Table.Th>
                  <Table.Th scope="col">Units and progress</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td fw={500}>
                      <Anchor component="button" type="button" onClick={() => setSelected(l.id)}>
                        {l.name}
                      </Anchor>
                      {l.archived && (
                        <Badge ml="xs" color="gray" variant="light">
                          Archived
                        </Badge>
                      )}
                      <Text size="xs" c="dimmed">
                        {l.evidenceCount} evidence items
                      </Text>
                    </Table.Td>
                    <Table.Td>{l.uln}</Table.Td>
                    <Table.Td>
                      {l.employer}
                      <Text size="sm" c="dimmed">
                        {l.workplace}
                      </Text>
                    </Table.Td>
                    <Table.Td>{l.cohort}</Table.Td>
                    <Table.Td>
                      {l.needs || (
                        <Text c="dimmed" size="sm">
                          None recorded
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {l.problem && (
                        <Text size="sm" c="red">
                          {l.problem}
                        </Text>
                      )}
                      {l.units.map((u) => (
                        <Text size="sm" key={u.unitId}>
                          {u.title}{' '}
                          <Text span c="dimmed" size="sm">
                            ({u.assessorName}; {u.evidenced}/{u.total} evidenced, {u.met} met)
                          </Text>
                        </Text>
                      ))}
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
