import { Progress, Stack, Text } from '@mantine/core';
import { criteriaMetLabel, type CriterionCounts } from '../../../../src-main/kernel/count-criteria';

/** A unit's progress as a bar (met, and evidenced behind it) with its count in words. */
export function CriteriaProgress({
  counts,
  signedOff,
  label,
}: {
  counts: CriterionCounts;
  signedOff?: boolean;
  /** What the bar is about, for screen readers: "J/508/4003 for Amara Okafor". */
  label: string;
}) {
  const share = (n: number) => (counts.total ? (n / counts.total) * 100 : 0);
  const words = criteriaMetLabel(counts);
  return (
    <Stack gap={2} data-testid="criteria-progress">
      <Progress.Root size="md" aria-hidden>
        <Progress.Section value={share(counts.met)} color={signedOff ? 'green.8' : 'teal.8'} />
        <Progress.Section
          value={share(Math.max(counts.evidenced - counts.met, 0))}
          color="indigo.2"
        />
      </Progress.Root>
      <Text size="xs" aria-label={`${label}: ${words}, ${counts.evidenced} evidenced`}>
        {words} · {counts.evidenced} evidenced
      </Text>
    </Stack>
  );
}
