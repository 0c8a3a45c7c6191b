import { Card, List, Text, Title } from '@mantine/core';
import type { LeftOutView } from '../../../../src-main/sampling/sampling-contract';
import { sentence } from './sampling-format';

/** The learners' units the planner did not sample, grouped by why, as the report lists them. */
export function LeftOut({ leftOut }: { leftOut: LeftOutView[] }) {
  if (leftOut.length === 0) return null;
  const reasons = [...new Set(leftOut.map((l) => l.reason))];
  return (
    <Card withBorder data-testid="left-out">
      <Title order={2} size="h5" mb="xs">
        Not sampled ({leftOut.length})
      </Title>
      {reasons.map((reason) => (
        <div key={reason}>
          <Text size="sm" mb={4}>
            {sentence(reason)}:
          </Text>
          <List size="sm" mb="xs">
            {leftOut
              .filter((l) => l.reason === reason)
              .map((l) => (
                <List.Item key={`${l.learnerId}-${l.unitId}`}>
                  {l.learnerName}, {l.unitTitle} (assessor: {l.assessorName})
                </List.Item>
              ))}
          </List>
        </div>
      ))}
    </Card>
  );
}
