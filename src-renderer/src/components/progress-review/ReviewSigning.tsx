import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import {
  reviewDeclarationWords,
  reviewSignerLabels,
  reviewSignerRoles,
  type ReviewSignerRole,
} from '../../../../src-main/kernel/progress-review-words';
import type { ReviewView } from '../../../../src-main/progress-review/review-contract';
import { SignatureCapture } from '../marking/SignatureCapture';
import { ChoiceGroup } from '../common/ChoiceGroup';

interface Props {
  learnerId: string;
  learnerName: string;
  review: ReviewView;
  allowTyped: boolean;
  onSigned: () => void;
}

/** Learner, assessor and (when named) employer each sign the review on this screen. */
export function ReviewSigning({ learnerId, learnerName, review, allowTyped, onSigned }: Props) {
  const signed = new Set(review.signatures.map((s) => s.role));
  const open = reviewSignerRoles.filter(
    (r) => !signed.has(r) && (r !== 'employer' || review.employerName !== ''),
  );
  const [role, setRole] = useState<ReviewSignerRole | null>(null);
  const { busy, run } = useAction();
  if (!open.length) return null;
  if (review.blockers.length)
    return (
      <Text size="sm" c="dimmed" data-testid="review-blockers">
        Before anyone signs: {review.blockers.join(' ')}
      </Text>
    );
  const who = (r: ReviewSignerRole) =>
    r === 'learner' ? learnerName : r === 'assessor' ? review.assessorName : review.employerName;
  return (
    <Stack gap="xs" data-testid="review-signing">
      <ChoiceGroup
        label="Who is signing?"
        choices={open}
        labelOf={(r) => `${reviewSignerLabels[r]}: ${who(r)}`}
        value={role}
        onChange={setRole}
      />
      {role && (
        <>
          <Text size="sm" fs="italic" data-testid="review-declaration">
            “{reviewDeclarationWords(role)}”
          </Text>
          <SignatureCapture
            key={role}
            signer={`${who(role)} (${reviewSignerLabels[role].toLowerCase()})`}
            testId="review-signature"
            allowTyped={allowTyped}
            busy={busy}
            onSign={async (signature) => {
              const done = await run(
                () => call('review:sign', { learnerId, reviewId: review.id, role, ...signature }),
                { done: 'Signature saved.', failed: 'The signature was not saved' },
              );
              if (done) {
                setRole(null);
                onSigned();
              }
            }}
          />
        </>
      )}
    </Stack>
  );
}
