import { Alert, Stack, Table, Text } from '@mantine/core';
import { useOperation } from '../api/use-operation';
import { Loading } from '../components/Loading';

/** Who samples and who is sampled; plans and reviews are added here as sampling is recorded. */
export function SamplingPage() {
  const centre = useOperation('centre:get', {});
  return (
    <Loading state={centre} label="Sampling">
      {(c) => {
        const iqas = c.staff.filter((s) => s.roles.includes('iqa'));
        const assessors = c.staff.filter((s) => s.roles.includes('assessor'));
        return (
          <Stack>
            <Alert color="blue" title="No sampling plan yet">
              This centre has no sampling plan recorded. Internal quality assurers:{' '}
              {iqas.map((s) => s.name).join(', ') || 'none on the staff list'}.
            </Alert>
            <Table withTableBorder maw={640}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Assessor</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {assessors.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{a.name}</Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {a.assessorStatus === 'working-towards'
                          ? 'Working towards: sample up to 100%'
                          : 'Qualified'}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        );
      }}
    </Loading>
  );
}
