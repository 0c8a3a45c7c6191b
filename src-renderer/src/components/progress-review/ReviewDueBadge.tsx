import { Badge } from '@mantine/core';
import { formatDate } from '../../../../src-main/kernel/dates';
import { reviewDueLabels, type ReviewDue } from '../../../../src-main/kernel/progress-review-words';

/** "Review overdue" / "Review due" beside a learner; nothing while no review is due. */
export function ReviewDueBadge({ state, dueBy }: { state: ReviewDue; dueBy: string }) {
  if (state === 'not-due') return null;
  return (
    <Badge
      ml="xs"
      color={state === 'overdue' ? 'red' : 'yellow'}
      variant="light"
      tt="none"
      title={`Next progress review due by ${formatDate(dueBy)}`}
      data-testid="review-due-badge"
    >
      {reviewDueLabels[state]}
    </Badge>
  );
}
