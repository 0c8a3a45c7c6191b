import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useAddressValue } from '../../api/address';
import { useOperation } from '../../api/use-operation';
import { formatDate } from '../../../../src-main/kernel/dates';
import type { ReviewView } from '../../../../src-main/progress-review/review-contract';
import { AmendReviewDialog } from './AmendReviewDialog';
import { ReviewCard } from './ReviewCard';
import { ReviewDueBadge } from './ReviewDueBadge';
import { ReviewForm } from './ReviewForm';

interface Props {
  learnerId: string;
  readOnly: boolean;
}

/** The learner's progress reviews: when the next is due, a new one, and each held so far. */
export function ReviewsPanel({ learnerId, readOnly }: Props) {
  const reviews = useOperation('review:list', { learnerId }, learnerId);
  // The form: a new review, or the unsigned one named (found in the list once it holds it, as
  // for an amendment just made).
  const [form, setForm] = useState<{ editingId?: string } | null>(null);
  const [amending, setAmending] = useState<ReviewView | null>(null);
  // A review opened from elsewhere (the timeline) is named in the address.
  const [openedId] = useAddressValue('review');
  const view = reviews.data;
  if (reviews.error) return <Alert color="red">{reviews.error}</Alert>;
  if (!view) return null;
  const s = view.schedule;
  const editing = form?.editingId ? view.reviews.find((r) => r.id === form.editingId) : undefined;
  return (
    <Stack data-testid="reviews-panel">
      <Group justify="space-between">
        <Text size="sm" data-testid="review-schedule">
          {s
            ? `Next review due by ${formatDate(s.dueBy)} (from ${formatDate(s.dueFrom)}), ${view.intervalWeeks} weeks after ${s.sinceReview ? 'the last signed review' : 'the first registration'}.`
            : 'The learner is on no unit yet, so no review is scheduled.'}
          {s && <ReviewDueBadge state={s.state} dueBy={s.dueBy} />}
        </Text>
        {!readOnly && view.canRecord && (
          <Button onClick={() => setForm({})} data-testid="new-review">
            Record a review
          </Button>
        )}
      </Group>
      {!view.canRecord && !readOnly && (
        <Text size="sm" c="dimmed">
          Only an assessor records and signs progress reviews.
        </Text>
      )}
      {view.reviews.length === 0 && <Text size="sm">No progress review has been held yet.</Text>}
      {view.reviews.map((r, i) => (
        <ReviewCard
          key={r.id}
          learnerId={learnerId}
          view={view}
          review={r}
          latest={i === 0}
          readOnly={readOnly}
          opened={r.id === openedId}
          onEdit={() => setForm({ editingId: r.id })}
          onAmend={() => setAmending(r)}
          onChanged={reviews.reload}
        />
      ))}
      {amending && (
        <AmendReviewDialog
          learnerId={learnerId}
          review={amending}
          onClose={() => setAmending(null)}
          onAmended={(id) => {
            setAmending(null);
            setForm({ editingId: id });
            reviews.reload();
          }}
        />
      )}
      {form && (!form.editingId || editing) && (
        <ReviewForm
          learnerId={learnerId}
          view={view}
          editing={editing}
          onClose={() => setForm(null)}
          onSaved={() => {
            setForm(null);
            reviews.reload();
          }}
        />
      )}
    </Stack>
  );
}
