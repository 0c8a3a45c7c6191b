import { Button, Card, Group, NumberInput, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import {
  DEFAULT_REVIEW_WEEKS,
  MAX_REVIEW_WEEKS,
  MIN_REVIEW_WEEKS,
  REVIEW_WEEKS_RULE,
  REVIEW_WINDOW_WEEKS,
} from '../../../../src-main/kernel/progress-review-words';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';

interface Props {
  weeks: number;
  readOnly: boolean;
  onChanged: () => void;
}

/** A whole number of weeks the centre may set, or the words saying what is allowed. */
function problemWith(value: string | number): string | null {
  const weeks = typeof value === 'number' ? value : Number(value.trim());
  if (value === '' || !Number.isInteger(weeks)) return REVIEW_WEEKS_RULE;
  return weeks < MIN_REVIEW_WEEKS || weeks > MAX_REVIEW_WEEKS ? REVIEW_WEEKS_RULE : null;
}

/** How often learners have a progress review: the caseload's "review due" and "overdue" follow it. */
export function ReviewIntervalSection({ weeks, readOnly, onChanged }: Props) {
  const [value, setValue] = useState<string | number>(weeks);
  const [shown, setShown] = useState<string | null>(null);
  const { busy, run } = useAction();
  const problem = problemWith(value);
  const changed = problem === null && Number(value) !== weeks;

  async function save(event: FormEvent) {
    event.preventDefault();
    setShown(problem);
    if (problem) return;
    const done = await run(() => call('review:set-interval', { weeks: Number(value) }), {
      done: (r) => `Progress reviews are now due every ${r.weeks} weeks.`,
      failed: 'The review interval was not changed',
    });
    if (done) onChanged();
  }

  const dueFrom = Math.max(1, weeks - REVIEW_WINDOW_WEEKS);
  return (
    <Card withBorder data-testid="review-interval">
      <Title order={2} size="h4" mb="xs">
        Progress reviews
      </Title>
      <Text size="sm" data-testid="review-interval-now">
        Every {weeks} {weeks === 1 ? 'week' : 'weeks'}
        {weeks === DEFAULT_REVIEW_WEEKS ? ' (the workbench’s default)' : ''}: a learner’s review is
        due from week {dueFrom} after their last signed review (or their first registration) and
        overdue after week {weeks}.
      </Text>
      {!readOnly && (
        <form onSubmit={(e) => void save(e)}>
          <Group align="flex-start" mt="xs">
            <NumberInput
              label="Weeks between reviews"
              description={`From ${MIN_REVIEW_WEEKS} to ${MAX_REVIEW_WEEKS}; the default is ${DEFAULT_REVIEW_WEEKS}.`}
              w={260}
              allowDecimal={false}
              allowNegative={false}
              value={value}
              onChange={(v) => {
                setValue(v);
                setShown(null);
              }}
              error={shown}
              data-testid="review-interval-weeks"
            />
            <Button type="submit" mt={44} loading={busy} disabled={!changed && !problem}>
              Save the interval
            </Button>
          </Group>
        </form>
      )}
    </Card>
  );
}
