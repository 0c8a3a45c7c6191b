import { Badge, Text } from '@mantine/core';
import { formatDate } from '../../../../src-main/kernel/dates';
import type { ReviewView } from '../../../../src-main/progress-review/review-contract';

/** Where a review stands: signed, waiting for signatures, or replaced by its amendment. */
export function StateBadge({ review }: { review: ReviewView }) {
  if (review.supersededBy)
    return (
      <Badge color="gray" variant="light" data-testid="review-state">
        Superseded
      </Badge>
    );
  if (review.complete)
    return (
      <Badge color="green" variant="light" data-testid="review-state">
        Signed
      </Badge>
    );
  return (
    <Badge color="yellow" variant="light" data-testid="review-state">
      {review.revises ? 'Amendment awaiting signatures' : 'Awaiting signatures'}
    </Badge>
  );
}

const lastSigned = (review: ReviewView | undefined) =>
  review?.signatures
    .map((s) => s.signedAt)
    .sort()
    .at(-1);

/** What an amendment amends and why, what superseded a review, or that one is being amended. */
export function VersionNote({ review, all }: { review: ReviewView; all: ReviewView[] }) {
  const notes: string[] = [];
  if (review.revises) {
    const old = all.find((r) => r.id === review.revises);
    const signed = lastSigned(old);
    notes.push(
      `Amends version ${old?.version ?? review.version - 1}${signed ? `, signed ${formatDate(signed)}` : ''}, which is kept as it was signed. Why: ${review.amendReason}`,
    );
    if (!review.complete)
      notes.push('The signed version stands until the learner and the assessor sign this one.');
  }
  if (review.supersededBy) {
    const newer = all.find((r) => r.id === review.supersededBy);
    const signed = lastSigned(newer);
    notes.push(
      `Amended by version ${newer?.version ?? review.version + 1}${signed ? `, signed ${formatDate(signed)}` : ''}. Kept here exactly as it was signed.`,
    );
  } else if (review.pendingAmendmentId) {
    notes.push('An amendment of this review is waiting for signatures.');
  }
  if (!notes.length) return null;
  return (
    <Text size="sm" c="dimmed" data-testid="review-version-note">
      {notes.join(' ')}
    </Text>
  );
}
