import { Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useState, type Dispatch, type SetStateAction } from 'react';
import type { SampleDetail } from '../../../../src-main/sampling/sampling-contract';
import { InlinePreview } from '../marking/InlinePreview';

/** The evidence the IQA sampled: ticked by hand, or by opening it to read. */
export function ReviewEvidence({
  detail,
  sampled,
  setSampled,
}: {
  detail: SampleDetail;
  sampled: string[];
  setSampled: Dispatch<SetStateAction<string[]>>;
}) {
  const [opened, setOpened] = useState<string | null>(null);
  return (
    <>
      <Title order={4} size="h5">
        Evidence you sampled
      </Title>
      {detail.evidence.length === 0 && (
        <Text size="sm" c="dimmed">
          No evidence is mapped to this unit.
        </Text>
      )}
      {detail.evidence.map((e) => (
        <Stack key={e.id} gap={4}>
          <Group>
            <Checkbox
              label={`Sampled: ${e.title}`}
              checked={sampled.includes(e.id)}
              onChange={(event) => {
                const on = event.currentTarget.checked;
                setSampled((all) => (on ? [...all, e.id] : all.filter((id) => id !== e.id)));
              }}
            />
            <Button
              size="compact-xs"
              variant="default"
              aria-expanded={opened === e.id}
              onClick={() => {
                setOpened(opened === e.id ? null : e.id);
                if (opened !== e.id && !sampled.includes(e.id)) {
                  setSampled((all) => [...all, e.id]);
                }
              }}
            >
              {opened === e.id ? `Close ${e.title}` : `Open ${e.title}`}
            </Button>
          </Group>
          {opened === e.id && (
            <InlinePreview learnerId={detail.learner.id} evidenceId={e.id} title={e.title} />
          )}
        </Stack>
      ))}
    </>
  );
}
