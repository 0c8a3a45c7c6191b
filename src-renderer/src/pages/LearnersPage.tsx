import { Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useOperation } from '../api/use-operation';
import { Loading } from '../components/Loading';

export function LearnersPage() {
  const learners = useOperation('learner:list', {});
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLocaleLowerCase('en-GB');
  return (
    <Stack>
      <TextInput
        label="Find a learner"
        placeholder="Name, ULN, employer or workplace"
        value={filter}
        onChange={(e) => setFilter(e.currentTarget.value)}
        maw={420}
      />
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
                  <Table.Th scope="col">Units</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td fw={500}>{l.name}</Table.Td>
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
                      {l.units.map((u) => (
                        <Text size="sm" key={u.unitId}>
                          {u.title}{' '}
                          <Text span c="dimmed" size="sm">
                            ({u.assessorName})
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
    </Stack>
  );
}
