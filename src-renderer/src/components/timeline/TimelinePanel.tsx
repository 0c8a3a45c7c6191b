import { Alert, Chip, Group, Pagination, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import {
  timelineKindLabels,
  timelineKinds,
  type TimelineKind,
} from '../../../../src-main/kernel/timeline-kinds';
import { useOperation } from '../../api/use-operation';
import { Loading } from '../Loading';
import { TimelineList } from './TimelineList';

const PAGE_SIZE = 50;

/**
 * One learner's journey on one screen, newest first: what happened, when, who, each opening
 * what it is about. The filter keeps to the kinds chosen (all when none is).
 */
export function TimelinePanel({ learnerId }: { learnerId: string }) {
  const [kinds, setKinds] = useState<TimelineKind[]>([]);
  const [page, setPage] = useState(1);
  const state = useOperation('timeline:list', {
    learnerId,
    kinds,
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  });
  const choose = (chosen: string[]) => {
    setKinds(timelineKinds.filter((k) => chosen.includes(k)));
    setPage(1);
  };

  return (
    <Loading state={state} label="The timeline">
      {(t) => {
        const present = timelineKinds.filter((k) => (t.counts[k] ?? 0) > 0 || kinds.includes(k));
        const pages = Math.max(1, Math.ceil(t.total / PAGE_SIZE));
        const first = t.total ? t.offset + 1 : 0;
        const last = t.offset + t.entries.length;
        return (
          <Stack data-testid="timeline">
            {t.problems.map((p) => (
              <Alert key={p} color="orange" title="A sampling file could not be read">
                {p} The IQA&apos;s samples in it are not on this timeline.
              </Alert>
            ))}
            <div role="group" aria-labelledby="timeline-filter-label">
              <Text id="timeline-filter-label" size="sm" fw={500} mb={4}>
                Show only (none chosen shows everything)
              </Text>
              <Chip.Group multiple value={kinds} onChange={choose}>
                <Group gap="xs">
                  {present.map((k) => (
                    <Chip key={k} value={k} size="sm">
                      {timelineKindLabels[k]} ({t.counts[k] ?? 0})
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
            </div>
            <Text size="sm" c="dimmed" aria-live="polite" data-testid="timeline-count">
              {t.total === 0
                ? 'Nothing has happened yet on this learner’s timeline.'
                : `Entries ${first} to ${last} of ${t.total}, newest first.`}
            </Text>
            <TimelineList entries={t.entries} />
            {pages > 1 && (
              <Pagination
                total={pages}
                value={page}
                onChange={setPage}
                getControlProps={(control) => ({
                  'aria-label':
                    control === 'next' || control === 'last' ? 'Older entries' : 'Newer entries',
                })}
                getItemProps={(n) => ({ 'aria-label': `Page ${n} of the timeline` })}
              />
            )}
          </Stack>
        );
      }}
    </Loading>
  );
}
