import { Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { formatDate } from '../../../../src-main/kernel/dates';
import type { ReviewView } from '../../../../src-main/progress-review/review-contract';
import { FormDialog } from '../common/FormDialog';

interface Props {
  learnerId: string;
  review: ReviewView;
  onClose: () => void;
  /** The amendment made, to change and sign. */
  onAmended: (amendmentId: string) => void;
}

/** Asks why a signed review is being amended, then starts the amendment. */
export function AmendReviewDialog({ learnerId, review, onClose, onAmended }: Props) {
  const [reason, setReason] = useState('');
  const { busy, run } = useAction();

  async function submit() {
    const made = await run(() => call('review:amend', { learnerId, reviewId: review.id, reason }), {
      failed: 'The review was not amended',
    });
    if (made) onAmended(made.id);
  }

  return (
    <FormDialog
      title={`Amend the review of ${formatDate(review.heldOn)}`}
      onClose={onClose}
      onSubmit={() => void submit()}
      submit="Amend the review"
      busy={busy}
      disabled={!reason.trim()}
      submitTestId="amend-submit"
    >
      <Text size="sm">
        The signed review is kept exactly as it was signed. The amendment is a new version of it:
        change what needs correcting, then the learner and the assessor sign it again (and the
        employer, if they took part). Until they have, the signed version stands.
      </Text>
      <Textarea
        label="Why is it being amended?"
        description="Kept with the amendment, printed on its record and on the audit trail."
        required
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        data-testid="amend-reason"
      />
    </FormDialog>
  );
}
