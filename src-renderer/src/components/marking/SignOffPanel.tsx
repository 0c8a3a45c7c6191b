import { Alert, Stack, Text } from '@mantine/core';
import { memo } from 'react';
import type { MarkingView, SignatureView } from '../../../../src-main/decision/decision-views';
import { call } from '../../api/client';
import type { CapturedSignature } from './SignatureCapture';
import { DeclarationCard, NotYetSigned } from './SignedParts';
import {
  CompetenceAlert,
  EarlierUnlocks,
  SignOffButton,
  SignOffHeading,
  SignOffSummary,
  UnlockForm,
} from './SignOffParts';
import { useSignOffStep } from './use-sign-off';

interface Props {
  view: MarkingView;
  readOnly: boolean;
  onChanged: () => void;
}

const signedBy = (s: SignatureView) => `Signed by ${s.personName}`;

/** Declarations, sign-off, countersignature and unlocking for one learner's unit. */
export const SignOffPanel = memo(function SignOffPanel({ view, readOnly, onChanged }: Props) {
  const { busy, error, run } = useSignOffStep(onChanged);
  const { signOff, gaps } = view;
  const base = { learnerId: view.learner.id, unitId: view.unit.id };
  const signed = (purpose: SignatureView['purpose']) =>
    view.signatures.find((s) => s.purpose === purpose);
  const canSign = !readOnly && !signOff.locked && view.user?.role === 'assessor';
  const capture = (
    purpose: 'learner-declaration' | 'assessor-declaration',
    signer: string,
    testId: string,
  ) => ({
    signer,
    testId,
    allowTyped: view.allowTypedSignatures,
    busy: busy === purpose,
    onSign: (s: CapturedSignature) =>
      void run(purpose, () => call('decision:sign', { ...base, purpose, ...s })),
  });

  return (
    <Stack gap="sm" data-testid="sign-off-panel" id="sign-off">
      <SignOffHeading status={signOff.status} />
      {error && (
        <Alert color="red" data-testid="sign-off-error" title="Not done">
          {error}
        </Alert>
      )}
      <SignOffSummary signOff={signOff} gaps={gaps} />
      <DeclarationCard
        title="Learner's authenticity declaration"
        words={view.declarations['learner-declaration']}
        signature={signed('learner-declaration')}
        signedHeading={signedBy}
        capture={
          canSign && gaps.readyToSignOff
            ? capture('learner-declaration', `${view.learner.name} (learner)`, 'learner-signature')
            : null
        }
        waiting={<NotYetSigned gaps={gaps} />}
      />
      <DeclarationCard
        title="Assessor's declaration"
        words={view.declarations['assessor-declaration']}
        signature={signed('assessor-declaration')}
        signedHeading={signedBy}
        capture={
          canSign && gaps.readyToSignOff && view.user
            ? capture('assessor-declaration', `${view.user.name} (assessor)`, 'assessor-signature')
            : null
        }
        waiting={
          <Text size="sm" c="dimmed">
            Not signed.
          </Text>
        }
      />
      {!signOff.locked && signOff.competence && <CompetenceAlert competence={signOff.competence} />}
      {!signOff.locked && !readOnly && (
        <SignOffButton
          view={view}
          busy={busy === 'sign-off'}
          onSignOff={() => void run('sign-off', () => call('decision:sign-off', base))}
        />
      )}
      <Countersignature view={view} readOnly={readOnly} busy={busy} run={run} />
      {signOff.locked && signOff.canUnlock && !readOnly && (
        <UnlockForm
          busy={busy === 'unlock'}
          onUnlock={(reason, done) =>
            void run('unlock', async () => {
              await call('decision:unlock', { ...base, reason });
              done();
            })
          }
        />
      )}
      <EarlierUnlocks unlocks={signOff.unlocks} />
    </Stack>
  );
});

/** The countersignature, once the unit waits for one (or has it). */
function Countersignature({
  view,
  readOnly,
  busy,
  run,
}: {
  view: MarkingView;
  readOnly: boolean;
  busy: string | null;
  run: (what: string, task: () => Promise<unknown>) => Promise<void>;
}) {
  const { signOff } = view;
  const countersigned = view.signatures.find((s) => s.purpose === 'countersignature');
  if (signOff.status !== 'awaiting-countersignature' && !countersigned) return null;
  const base = { learnerId: view.learner.id, unitId: view.unit.id };
  return (
    <DeclarationCard
      title={`Countersignature${signOff.countersignerName ? ` by ${signOff.countersignerName}` : ''}`}
      words={view.declarations.countersignature}
      signature={countersigned}
      signedHeading={(s) => `Countersigned by ${s.personName}`}
      capture={
        signOff.canCountersign && !readOnly && view.user
          ? {
              signer: `${view.user.name} (countersigner)`,
              testId: 'countersignature',
              allowTyped: view.allowTypedSignatures,
              busy: busy === 'countersign',
              onSign: (s) =>
                void run('countersign', () => call('decision:countersign', { ...base, ...s })),
            }
          : null
      }
      waiting={
        <Text size="sm" c="dimmed">
          Waiting for {signOff.countersignerName ?? 'the named countersigner'} to countersign.
        </Text>
      }
    />
  );
}
