import { Badge, Group, Stack, Text } from '@mantine/core';
import type { LearnerSummary } from '../../../../src-main/learner/learner-contract';
import { CriteriaProgress } from './CriteriaProgress';
import { QualificationLine } from './QualificationLine';

/** Each unit's progress as a bar, and the qualification's position under them. */
export function LearnerProgress({ learner }: { learner: LearnerSummary }) {
  return (
    <Stack gap="xs">
      {learner.problem && (
        <Text size="sm" c="red.9">
          {learner.problem}
        </Text>
      )}
      {learner.units.map((u) => (
        <Stack gap={2} key={u.unitId} data-testid="learner-unit-progress">
          <Group gap={6} justify="space-between" wrap="nowrap" align="start">
            <Text size="sm" fw={500}>
              {u.title}
            </Text>
            {u.signedOff && (
              <Badge color="green" variant="light" tt="none" style={{ flexShrink: 0 }}>
                Signed off
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {u.ref !== u.title ? `${u.ref} · ` : ''}
            {u.assessorName}
          </Text>
          <CriteriaProgress
            counts={u}
            signedOff={u.signedOff}
            label={`${u.title} for ${learner.name}`}
          />
        </Stack>
      ))}
      {learner.qualification && <QualificationLine position={learner.qualification} />}
    </Stack>
  );
}
