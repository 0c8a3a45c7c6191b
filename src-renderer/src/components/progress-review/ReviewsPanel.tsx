import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useOperation } from '../../api/use-operation';
import { formatDate } from '../../../../src-main/kernel/dates';
import type { ReviewView } from '../../../../src-main/progress-review/review-contract';
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
  const [form, setForm] = useState<{ editing?: ReviewView } | null>(null);
  const view = reviews.data;
  if (reviews.error) return <Alert color="red">{reviews.error}</Alert>;
  if (!view) return null;
  const s = view.schedule;
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
          onEdit={() => setForm({ editing: r })}
          onChanged={reviews.reload}
        />
      ))}
      {form && (
        <ReviewForm
          learnerId={learnerId}
          view={view}
          editing={form.editing}
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
