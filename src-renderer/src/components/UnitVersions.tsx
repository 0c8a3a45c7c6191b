import { List, Stack, Text, Title } from '@mantine/core';
import { useOperation } from '../api/use-operation';
import { formatDate } from './dates/format';

const when = formatDate;

/** Every version of a unit the workspace holds, newest first, with what changed in each. */
export function UnitVersions({ unitId }: { unitId: string }) {
  const versions = useOperation('unit:versions', { unitId });
  if (!versions.data || versions.data.length < 2) return null;
  return (
    <Stack gap="xs" data-testid="unit-versions">
      <Title order={3} size="h4">
        Versions
      </Title>
      {versions.data.map((v) => (
        <div key={v.version}>
          <Text size="sm" fw={600}>
            Version {v.version}, imported {when(v.importedAt)} from {v.fileName}
          </Text>
          {v.differences.length > 0 && (
            <List size="sm" withPadding>
              {v.differences.map((d) => (
                <List.Item key={d}>{d}</List.Item>
              ))}
            </List>
          )}
        </div>
      ))}
    </Stack>
  );
}
