import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { LearnerCopyView } from '../../../../src-main/learner-copy/learner-copy-contract';
import type { LearnerDetail } from '../../../../src-main/learner/learner-contract';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { allChosen, ThirdPartyChoices, type Choices } from '../sharing/ThirdPartyChoices';

/**
 * A learner's own copy of everything held about them (a subject access request): the dialog
 * says what goes in and asks about each item holding other people's data before it is made.
 */
export function LearnerCopyButton({ detail }: { detail: LearnerDetail }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)}>
        Make the learner&apos;s copy…
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={`${detail.learner.name}'s copy of their data`}
        size="lg"
      >
        {open && <LearnerCopyForm detail={detail} onDone={() => setOpen(false)} />}
      </Modal>
    </>
  );
}

function LearnerCopyForm({ detail, onDone }: { detail: LearnerDetail; onDone: () => void }) {
  const learnerId = detail.learner.id;
  const marked = detail.evidence
    .filter((e) => e.thirdPartyData)
    .map((e) => ({ evidenceId: e.id, label: e.title }));
  const [choices, setChoices] = useState<Choices>({});
  const [made, setMade] = useState<LearnerCopyView | null>(null);
  const { busy, run } = useAction();

  if (made) {
    return (
      <Stack>
        <Alert color="green" title="The copy is ready" data-testid="learner-copy-made">
          {made.files} files in the workspace folder as {made.folder}
          {made.zip ? ` and ${made.zip}` : ''}
          {made.leftOut
            ? `; ${made.leftOut} item${made.leftOut === 1 ? '' : 's'} left out (other people's personal data)`
            : ''}
          . Give the learner the .zip; they open index.html in any browser.
        </Alert>
        <Group justify="end">
          <Button onClick={onDone}>Close</Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack>
      <Text size="sm">
        Everything the workspace holds about {detail.learner.name}, readable without the workbench:
      </Text>
      <List size="sm">
        <List.Item>
          their details, needs and adjustments, and the units they are registered on
        </List.Item>
        <List.Item>every unit&apos;s criteria, decisions and feedback, and the sign-offs</List.Item>
        <List.Item>
          every evidence item ({detail.evidence.length}) with its file, archived ones too, and
          witness testimonies
        </List.Item>
        <List.Item>the records issued to them, exactly as issued</List.Item>
        <List.Item>the IQA&apos;s reviews of their work</List.Item>
        <List.Item>the audit trail of every change, in plain words</List.Item>
      </List>
      <Text size="sm" c="dimmed">
        No other learner is named in it: sampling plans and reports naming others stay out. The copy
        goes in the workspace&apos;s learner-copies folder with a .zip beside it, and is noted on
        the learner&apos;s audit trail.
      </Text>
      <ThirdPartyChoices items={marked} choices={choices} onChange={setChoices} />
      <Group justify="end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button
          loading={busy}
          disabled={!allChosen(marked, choices)}
          onClick={() =>
            void run(() => call('learner:export-copy', { learnerId, thirdParty: choices }), {
              failed: "The learner's copy was not made",
            }).then((result) => {
              if (result) setMade(result);
            })
          }
        >
          Make the copy
        </Button>
      </Group>
    </Stack>
  );
}
