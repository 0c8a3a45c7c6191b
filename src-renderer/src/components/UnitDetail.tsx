import { Badge, Group, List, Stack, Table, Title } from '@mantine/core';
import { useOperation } from '../api/use-operation';
import { Loading } from './Loading';
import { UnitTree } from './UnitTree';
import { UnitVersions } from './UnitVersions';
import { DataTable } from './common/DataTable';

/** A unit as its outcome → criterion → part tree, with its method grid and guidance. */
export function UnitDetail({ unitId }: { unitId: string }) {
  const unit = useOperation('unit:get', { unitId });
  return (
    <Loading state={unit} label="The unit">
      {(u) => (
        <Stack data-testid="unit-detail">
          <Title order={2} size="h3">
            {u.title}
          </Title>
          <Group gap="xs">
            <Badge variant="light">Level {u.level ?? 'not stated'}</Badge>
            <Badge variant="light">{u.credits ?? '?'} credits</Badge>
            <Badge variant="light">{u.glh ?? '?'} GLH</Badge>
            {u.codes.ofqual && <Badge variant="outline">Ofqual {u.codes.ofqual}</Badge>}
            {u.codes.awardingBody && <Badge variant="outline">{u.codes.awardingBody}</Badge>}
            <Badge variant="outline">Version {u.version}</Badge>
          </Group>
          <UnitTree outcomes={u.outcomes} />
          {u.methods.length > 0 && (
            <>
              <Title order={3} size="h4">
                Assessment methods
              </Title>
              <DataTable withTableBorder maw={480} head={['Method', 'Use']}>
                {u.methods.map((m) => (
                  <Table.Tr key={m.name}>
                    <Table.Td>{m.name}</Table.Td>
                    <Table.Td>
                      {m.use === 'prescribed' ? 'Prescribed (must be used)' : 'Optional'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
            </>
          )}
          {u.guidance.length > 0 && (
            <>
              <Title order={3} size="h4">
                Assessor guidance
              </Title>
              <List size="sm">
                {u.guidance.map((g, i) => (
                  <List.Item key={i}>{g}</List.Item>
                ))}
              </List>
            </>
          )}
          <UnitVersions unitId={u.id} />
        </Stack>
      )}
    </Loading>
  );
}
