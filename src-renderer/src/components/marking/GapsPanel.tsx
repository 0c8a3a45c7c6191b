import { Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { memo } from 'react';
import type { UnitGaps } from '../../../../src-main/decision/gaps';

function Section({ title, items, empty }: { title: string; items: string[]; empty: string }) {
  return (
    <Paper withBorder p="xs">
      <Group gap="xs" mb={4}>
        <Text size="sm" fw={600}>
          {title}
        </Text>
        <Badge size="sm" variant="light" color={items.length ? 'orange' : 'green'}>
          {items.length}
        </Badge>
      </Group>
      {items.length ? (
        <Text size="sm">{items.join(', ')}</Text>
      ) : (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
    </Paper>
  );
}

/** What is left to do on this learner's unit, straight from the marking rules. */
export const GapsPanel = memo(function GapsPanel({ gaps }: { gaps: UnitGaps }) {
  return (
    <Stack gap="xs" data-testid="gap-analysis">
      <Title order={2} size="h4">
        Gap analysis
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
        <Section title="Not yet met" items={gaps.notYetMet} empty="None." />
        <Section
          title="Not yet assessed"
          items={gaps.notAssessed}
          empty="Everything is assessed."
        />
        <Section
          title="Criteria and parts without evidence"
          items={gaps.withoutEvidence}
          empty="Every criterion and part has evidence."
        />
        <Section
          title="Prescribed methods not yet used"
          items={gaps.methodsUnused}
          empty="Every prescribed method is used."
        />
      </SimpleGrid>
      <Paper withBorder p="xs">
        <Text size="sm" fw={600}>
          Flags raised by the rules ({gaps.warnings.length})
        </Text>
        {gaps.warnings.length ? (
          <List size="sm">
            {gaps.warnings.map((w) => (
              <List.Item key={w.message}>{w.message}</List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            No flags.
          </Text>
        )}
      </Paper>
    </Stack>
  );
});
