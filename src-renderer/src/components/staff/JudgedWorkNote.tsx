import { Badge, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import type { StandardisationView } from '../../../../src-main/competence/standardisation-view';
import { PreviewModal } from '../evidence/PreviewModal';

type Meeting = StandardisationView['meetings'][number];

interface Props {
  meeting: Meeting;
  names: Record<string, string>;
  evidence: StandardisationView['judgedEvidence'][string] | undefined;
}

/** What a standardisation record says was judged, with the evidence item to open in place. */
export function JudgedWorkNote({ meeting, names, evidence }: Props) {
  const [open, setOpen] = useState(false);
  const { learnerId, sha256, description } = meeting.sample;
  return (
    <>
      <Text size="sm">Judged: {description}</Text>
      {learnerId && (
        <Group gap="xs" data-testid="judged-work">
          <Text size="sm">
            From {names[learnerId] ?? 'a learner'}&apos;s work on {meeting.unitTitle}
            {evidence ? `: “${evidence.title}”` : ''}
            {sha256 ? ` (SHA-256 ${sha256.slice(0, 12)}…)` : ''}
          </Text>
          {evidence?.changed && (
            <Badge color="yellow" variant="light" tt="none">
              its file has changed since
            </Badge>
          )}
          {evidence && !evidence.missing && (
            <Button size="compact-xs" variant="subtle" onClick={() => setOpen(true)}>
              Open the evidence
            </Button>
          )}
        </Group>
      )}
      {open && evidence && learnerId && (
        <PreviewModal learnerId={learnerId} evidence={evidence} onClose={() => setOpen(false)} />
      )}
    </>
  );
}
