import { Card, List, Text, Title } from '@mantine/core';
import type { LeftOutView } from '../../../../src-main/sampling/sampling-contract';
import { sentence } from './sampling-format';

/** The learners' units the planner did not sample, and why, as the report lists them. */
export function LeftOut({ leftOut }: { leftOut: LeftOutView[] }) {
  if (leftOut.length === 0) return null;
  return (
    <Card withBorder data-testid="left-out">
      <Title order={3} size="h5" mb="xs">
        Not sampled ({leftOut.length})
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        These learners&apos; units are in the period but were not put in the plan.
      </Text>
      <List size="sm">
        {leftOut.map((l) => (
          <List.Item key={`${l.learnerId}-${l.unitId}`}>
            {l.learnerName}, {l.unitTitle} ({l.assessorName}): {sentence(l.reason)}.
          </List.Item>
        ))}
      </List>
    </Card>
  );
}
