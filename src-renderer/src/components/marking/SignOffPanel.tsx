import {
  Alert,
  Badge,
  Button,
  Group,
  Image,
  List,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { memo, useState } from 'react';
import type { MarkingView, SignatureView } from '../../../../src-main/decision/decision-views';
import { call } from '../../api/client';
import { ConfirmDialog } from '../ConfirmDialog';
import { SignatureCapture, type CapturedSignature } from './SignatureCapture';
import { signOffLabel } from './status';
import { formatDateTime } from '../dates/format';

interface Props {
  view: MarkingView;
  readOnly: boolean;
  onChanged: () => void;
}

const when = formatDateTime;

function SignedBlock({ signature, heading }: { signature: SignatureView; heading: string }) {
  return (
    <Paper withBorder p="xs" data-testid={`signed-${signature.purpose}`}>
      <Text size="sm" fw={600}>
        {heading}
      </Text>
      {signature.image ? (
        <Image src={signature.image} alt={`Signature of ${signature.personName}`} w={240} />
      ) : (
        <Text fw={700}>{signature.typedName} (typed)</Text>
      )}
      <Text size="xs" c="dimmed">
        {signature.personName} · {when(signature.signedAt)} · SHA-256 {signature.hash.slice(0, 12)}…
      </Text>
    </Paper>
  );
}

/** Why the learner cannot sign yet, in the sign-off rules' own words. */
function NotYetSigned({ gaps }: { gaps: MarkingView['gaps'] }) {
  const left = gaps.beforeDeclarations;
  if (gaps.readyToSignOff || left.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Not signed.
      </Text>
    );
  }
  const shown = left.slice(0, 3);
  return (
    <Text size="sm" c="dimmed" data-testid="declaration-waits-for">
      Not signed. The learner signs once the unit is otherwise ready to sign off; still to do:{' '}
      {shown.join(' ')}
      {left.length > shown.length ? ` And ${left.length - shown.length} more, listed above.` : ''}
    </Text>
  );
}

/** Declarations, sign-off, countersignature and unlocking for one learner's unit. */
export const SignOffPanel = memo(function SignOffPanel({ view, readOnly, onChanged }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const { signOff, gaps } = view;
  const base = { learnerId: view.learner.id, unitId: view.unit.id };
  const signed = (purpose: SignatureView['purpose']) =>
    view.signatures.find((s) => s.purpose === purpose);

  async function run(what: string, task: () => Promise<unknown>) {
    setBusy(what);
    setError(null);
    try {
      await task();
      onChanged();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(null);
    }
  }
  const sign =
    (purpose: 'learner-declaration' | 'assessor-declaration') => (s: CapturedSignature) =>
      void run(purpose, () => call('decision:sign', { ...base, purpose, ...s }));

  const learnerSigned = signed('learner-declaration');
  const assessorSigned = signed('assessor-declaration');
  const countersigned = signed('countersignature');
  const canSign = !readOnly && !signOff.locked && view.user?.role === 'assessor';

  return (
    <Stack gap="sm" data-testid="sign-off-panel" id="sign-off">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Sign-off
        </Title>
        <Badge
          size="lg"
          variant="light"
          tt="none"
          color={
            signOff.status === 'signed-off'
              ? 'green'
              : signOff.status === 'open'
                ? 'gray'
                : 'yellow'
          }
          data-testid="sign-off-status"
        >
          {signOffLabel[signOff.status]}
        </Badge>
      </Group>
      {error && (
        <Alert color="red" data-testid="sign-off-error" title="Not done">
          {error}
        </Alert>
      )}
      {signOff.locked && (
        <Text size="sm" data-testid="sign-off-summary">
          Signed off by {signOff.signedOffBy} on {when(signOff.signedOffAt!)}. The unit is locked.
          {signOff.status === 'awaiting-countersignature' &&
            ` It counts once ${signOff.countersignerName ?? 'the named countersigner'} countersigns it.`}
          {signOff.countersignedAt &&
            ` Countersigned by ${signOff.countersignedBy} on ${when(signOff.countersignedAt)}.`}
        </Text>
      )}
      {!signOff.locked && gaps.blockers.length > 0 && (
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
      )}

      <Paper withBorder p="sm">
        <Text size="sm" fw={600}>
          Learner&apos;s authenticity declaration
        </Text>
        <Text size="sm" mb="xs">
          {view.declarations['learner-declaration']}
        </Text>
        {learnerSigned ? (
          <SignedBlock
            signature={learnerSigned}
            heading={`Signed by ${learnerSigned.personName}`}
          />
        ) : canSign && gaps.readyToSignOff ? (
          <SignatureCapture
            signer={`${view.learner.name} (learner)`}
            testId="learner-signature"
            allowTyped={view.allowTypedSignatures}
            busy={busy === 'learner-declaration'}
            onSign={sign('learner-declaration')}
          />
        ) : (
          <NotYetSigned gaps={gaps} />
        )}
      </Paper>

      <Paper withBorder p="sm">
        <Text size="sm" fw={600}>
          Assessor&apos;s declaration
        </Text>
        <Text size="sm" mb="xs">
          {view.declarations['assessor-declaration']}
        </Text>
        {assessorSigned ? (
          <SignedBlock
            signature={assessorSigned}
            heading={`Signed by ${assessorSigned.personName}`}
          />
        ) : canSign && gaps.readyToSignOff && view.user ? (
          <SignatureCapture
            signer={`${view.user.name} (assessor)`}
            testId="assessor-signature"
            allowTyped={view.allowTypedSignatures}
            busy={busy === 'assessor-declaration'}
            onSign={sign('assessor-declaration')}
          />
        ) : (
          <Text size="sm" c="dimmed">
            Not signed.
          </Text>
        )}
      </Paper>

      {!signOff.locked && signOff.competence && (
        <Alert
          color={signOff.competence.blocks ? 'red' : 'yellow'}
          title={signOff.competence.blocks ? 'Sign-off is blocked' : 'Qualification lapsed'}
          data-testid="sign-off-competence"
        >
          {signOff.competence.warning}
          {signOff.competence.blocks
            ? ' This centre does not allow sign-off until it is renewed.'
            : ' You can still sign off; the lapse is on your staff record for the IQA and EQA.'}
        </Alert>
      )}
      {!signOff.locked && !readOnly && (
        <Group>
          <Button
            onClick={() =>
              // Only a sign-off that would happen is asked about; otherwise the refusal says why.
              gaps.blockers.length === 0
                ? setConfirming(true)
                : void run('sign-off', () => call('decision:sign-off', base))
            }
            loading={busy === 'sign-off'}
            color="teal.9"
          >
            Sign off unit
          </Button>
        </Group>
      )}
      {confirming && (
        <ConfirmDialog
          title="Sign off this unit?"
          confirmLabel="Sign off and lock"
          testId="confirm-sign-off"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void run('sign-off', () => call('decision:sign-off', base));
          }}
        >
          You are signing off {view.unit.title} ({view.unit.ref}) for {view.learner.name} as
          achieved. The unit is then locked: its decisions, evidence mappings, feedback and
          signatures cannot be changed until an IQA or a qualified assessor unlocks it with a
          reason.
        </ConfirmDialog>
      )}

      {(signOff.status === 'awaiting-countersignature' || countersigned) && (
        <Paper withBorder p="sm">
          <Text size="sm" fw={600}>
            Countersignature{signOff.countersignerName ? ` by ${signOff.countersignerName}` : ''}
          </Text>
          <Text size="sm" mb="xs">
            {view.declarations.countersignature}
          </Text>
          {countersigned ? (
            <SignedBlock
              signature={countersigned}
              heading={`Countersigned by ${countersigned.personName}`}
            />
          ) : signOff.canCountersign && !readOnly && view.user ? (
            <SignatureCapture
              signer={`${view.user.name} (countersigner)`}
              testId="countersignature"
              allowTyped={view.allowTypedSignatures}
              busy={busy === 'countersign'}
              onSign={(s) =>
                void run('countersign', () => call('decision:countersign', { ...base, ...s }))
              }
            />
          ) : (
            <Text size="sm" c="dimmed">
              Waiting for {signOff.countersignerName ?? 'the named countersigner'} to countersign.
            </Text>
          )}
        </Paper>
      )}

      {signOff.locked && signOff.canUnlock && !readOnly && (
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
              loading={busy === 'unlock'}
              onClick={() =>
                void run('unlock', async () => {
                  await call('decision:unlock', { ...base, reason });
                  setReason('');
                })
              }
            >
              Unlock unit
            </Button>
          </Group>
        </Paper>
      )}
      {signOff.unlocks.length > 0 && (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            Earlier unlocks
          </Text>
          {signOff.unlocks.map((u) => (
            <Text size="xs" key={u.at}>
              {when(u.at)}, {u.by}: {u.reason}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
});
