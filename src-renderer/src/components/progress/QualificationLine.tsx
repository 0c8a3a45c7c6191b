import { Badge, Group, Progress, Stack, Text } from '@mantine/core';
import type { QualificationPosition } from '../../../../src-main/qualification/learner-position';

/** The learner's position against the rules of combination: credits and mandatory units. */
export function QualificationLine({ position }: { position: QualificationPosition }) {
  const share = position.creditsRequired
    ? Math.min((position.creditsAchieved / position.creditsRequired) * 100, 100)
    : position.achieved
      ? 100
      : 0;
  return (
    <Stack gap={2} data-testid="qualification-position">
      <Group gap={6} wrap="wrap">
        <Text size="sm" fw={600}>
          {position.title}
        </Text>
        {position.achieved && (
          <Badge color="green" variant="light" tt="none">
            Rules of combination met
          </Badge>
        )}
      </Group>
      <Progress value={share} size="sm" color="green.8" aria-hidden />
      <Text size="xs">
        {position.creditsAchieved} of {position.creditsRequired} credits achieved
        {position.mandatoryTotal > 0 &&
          ` · ${position.mandatoryAchieved} of ${position.mandatoryTotal} mandatory units`}
      </Text>
      {!position.achieved && position.missing[0] && (
        <Text size="xs" c="dimmed">
          Still needed: {position.missing[0]}
          {position.missing.length > 1 && ` (and ${position.missing.length - 1} more)`}
        </Text>
      )}
    </Stack>
  );
}
