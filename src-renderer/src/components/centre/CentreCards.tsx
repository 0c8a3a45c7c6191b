import { Badge, Card, SimpleGrid, Text } from '@mantine/core';
import type { ResultOf } from '../../../../src-main/api/contract';

/** The centre at a glance: its name and number, its awarding bodies, what the workspace holds. */
export function CentreCards({ centre: c }: { centre: ResultOf<'centre:get'> }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }}>
      <Card withBorder>
        <Text size="sm" c="dimmed">
          Centre
        </Text>
        <Text fw={600} data-testid="centre-name">
          {c.name}
        </Text>
        <Text size="sm">Centre number: {c.number || 'not recorded'}</Text>
        {c.demo && (
          <Badge mt="xs" color="orange" variant="light">
            Demo data: not real learners
          </Badge>
        )}
      </Card>
      <Card withBorder>
        <Text size="sm" c="dimmed">
          Awarding bodies
        </Text>
        <Text fw={600}>{c.awardingBodies.join(', ') || 'None recorded'}</Text>
      </Card>
      <Card withBorder>
        <Text size="sm" c="dimmed">
          In this workspace
        </Text>
        <Text fw={600} data-testid="centre-counts">
          {c.learnerCount} learners · {c.unitCount} units
        </Text>
      </Card>
    </SimpleGrid>
  );
}
