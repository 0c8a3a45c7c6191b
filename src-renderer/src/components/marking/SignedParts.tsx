import { Image, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { MarkingView, SignatureView } from '../../../../src-main/decision/decision-views';
import { SignatureCapture, type CapturedSignature } from './SignatureCapture';
import { formatDateTime } from '../dates/format';

export const when = formatDateTime;

/** A signature given: the drawn image or typed name, who, when, and the start of its hash. */
export function SignedBlock({ signature, heading }: { signature: SignatureView; heading: string }) {
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
export function NotYetSigned({ gaps }: { gaps: MarkingView['gaps'] }) {
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

/**
 * One declaration on the unit: its words, then the signature given, a pad to sign it on (for the
 * person who may sign it now), or what it waits for.
 */
export function DeclarationCard({
  title,
  words,
  signature,
  signedHeading,
  capture,
  waiting,
}: {
  title: string;
  words: string;
  signature: SignatureView | undefined;
  signedHeading: (signature: SignatureView) => string;
  capture: {
    signer: string;
    testId: string;
    allowTyped: boolean;
    busy: boolean;
    onSign: (signature: CapturedSignature) => void;
  } | null;
  waiting: ReactNode;
}) {
  return (
    <Paper withBorder p="sm">
      <Text size="sm" fw={600}>
        {title}
      </Text>
      <Text size="sm" mb="xs">
        {words}
      </Text>
      {signature ? (
        <SignedBlock signature={signature} heading={signedHeading(signature)} />
      ) : capture ? (
        <SignatureCapture {...capture} />
      ) : (
        waiting
      )}
    </Paper>
  );
}
