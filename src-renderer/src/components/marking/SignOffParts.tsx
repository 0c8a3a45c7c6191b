import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { MarkingView } from '../../../../src-main/decision/decision-views';
import { ConfirmDialog } from '../ConfirmDialog';
import { signOffLabel } from './status';
import { when } from './SignedParts';

type SignOff = MarkingView['signOff'];

/** The panel's title with where the unit's sign-off stands. */
export function SignOffHeading({ status }: { status: SignOff['status'] }) {
  return (
    <Group justify="space-between">
      <Title order={2} size="h4">
        Sign-off
      </Title>
      <Badge
        size="lg"
        variant="light"
        tt="none"
        color={status === 'signed-off' ? 'green' : status === 'open' ? 'gray' : 'yellow'}
        data-testid="sign-off-status"
      >
        {signOffLabel[status]}
      </Badge>
    </Group>
  );
}

/** Who signed the unit off and when (once locked), or what stands before sign-off. */
export function SignOffSummary({ signOff, gaps }: { signOff: SignOff; gaps: MarkingView['gaps'] }) {
  if (signOff.locked) {
    return (
      <Text size="sm" data-testid="sign-off-summary">
        Signed off by {signOff.signedOffBy} on {when(signOff.signedOffAt!)}. The unit is locked.
        {signOff.status === 'awaiting-countersignature' &&
          ` It counts once ${signOff.countersignerName ?? 'the named countersigner'} countersigns it.`}
        {signOff.countersignedAt &&
          ` Countersigned by ${signOff.countersignedBy} on ${when(signOff.countersignedAt)}.`}
      </Text>
    );
  }
  if (gaps.blockers.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        Before sign-off:
      </Text>
      <List size="sm" data-testid="sign-off-blockers">
        {gaps.blockers.map((b) => (
          <List.Item key={b.message}>{b.message}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** The assessor's lapsed qualification: a warning, or what blocks sign-off where the centre says so. */
export function CompetenceAlert({
  competence,
}: {
  competence: NonNullable<SignOff['competence']>;
}) {
  return (
    <Alert
      color={competence.blocks ? 'red' : 'yellow'}
      title={competence.blocks ? 'Sign-off is blocked' : 'Qualification lapsed'}
      data-testid="sign-off-competence"
    >
      {competence.warning}
      {competence.blocks
        ? ' This centre does not allow sign-off until it is renewed.'
        : ' You can still sign off; the lapse is on your staff record for the IQA and EQA.'}
    </Alert>
  );
}

/**
 * Signing the unit off. Only a sign-off that would happen is asked about first; otherwise the
 * refusal says why.
 */
export function SignOffButton({
  view,
  busy,
  onSignOff,
}: {
  view: MarkingView;
  busy: boolean;
  onSignOff: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <Group>
        <Button
          onClick={() => (view.gaps.blockers.length === 0 ? setConfirming(true) : onSignOff())}
          loading={busy}
          color="teal.9"
        >
          Sign off unit
        </Button>
      </Group>
      {confirming && (
        <ConfirmDialog
          title="Sign off this unit?"
          confirmLabel="Sign off and lock"
          testId="confirm-sign-off"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            onSignOff();
          }}
        >
          You are signing off {view.unit.title} ({view.unit.ref}) for {view.learner.name} as
          achieved. The unit is then locked: its decisions, evidence mappings, feedback and
          signatures cannot be changed until an IQA or a qualified assessor unlocks it with a
          reason.
        </ConfirmDialog>
      )}
    </>
  );
}

/** Unlocking a signed-off unit, with the reason kept in the audit trail. */
export function UnlockForm({
  busy,
  onUnlock,
}: {
  busy: boolean;
  onUnlock: (reason: string, done: () => void) => void;
}) {
  const [reason, setReason] = useState('');
  return (
    <Paper withBorder p="sm">
      <Textarea
        label="Reason for unlocking"
        description="Kept in the audit trail. Every signature on the unit must then be given again."
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      <Group mt="xs">
        <Button
          color="red"
          variant="light"
          loading={busy}
          onClick={() => onUnlock(reason, () => setReason(''))}
        >
          Unlock unit
        </Button>
      </Group>
    </Paper>
  );
}

/** The unit's earlier unlocks: when, who and why. */
export function EarlierUnlocks({ unlocks }: { unlocks: SignOff['unlocks'] }) {
  if (unlocks.length === 0) return null;
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        Earlier unlocks
      </Text>
      {unlocks.map((u) => (
        <Text size="xs" key={u.at}>
          {when(u.at)}, {u.by}: {u.reason}
        </Text>
      ))}
    </Stack>
  );
}
