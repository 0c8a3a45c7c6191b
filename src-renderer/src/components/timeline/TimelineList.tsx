import { Anchor, Badge, Box, Button, Group, List, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type {
  TimelineEntryView,
  TimelineEvent,
  TimelineLink,
} from '../../../../src-main/timeline/timeline-contract';
import { timelineKindLabels } from '../../../../src-main/kernel/timeline-kinds';
import { moveTo } from '../../api/address';
import { formatDateTime } from '../dates/format';

/** A link to the item an entry is about: a real address, so it opens in a new tab too. */
function EntryLink({ link, children }: { link: TimelineLink; children: ReactNode }) {
  const query = new URLSearchParams(link.query);
  return (
    <Anchor
      href={`?${query.toString()}`}
      title={`Opens ${link.label}`}
      onClick={(e) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        moveTo(link.query, { keep: false });
      }}
    >
      {children}
    </Anchor>
  );
}

/** The events a grouped entry stands for (a burst of decisions), shown when asked for. */
function Items({ entry }: { entry: TimelineEntryView }) {
  const [open, setOpen] = useState(false);
  const id = `timeline-items-${entry.key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return (
    <>
      <Group>
        <Button
          size="compact-xs"
          variant="subtle"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? 'Hide' : 'Show'} the {entry.items.length} decisions
        </Button>
      </Group>
      {open && (
        <List id={id} size="sm" spacing={2} data-testid="timeline-items">
          {entry.items.map((item: TimelineEvent) => (
            <List.Item key={item.key} data-testid="timeline-item">
              <EntryLink link={item.link}>{item.what}</EntryLink>{' '}
              <Text span size="xs" c="dimmed">
                {formatDateTime(item.at)}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}

/** The timeline's entries, newest first, each with when, who, what, and a link to the item. */
export function TimelineList({ entries }: { entries: TimelineEntryView[] }) {
  if (!entries.length) return null;
  return (
    <Box
      component="ol"
      aria-label="Timeline, newest first"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
    >
      {entries.map((entry) => (
        <Box
          component="li"
          key={entry.key}
          data-testid="timeline-entry"
          data-kind={entry.kind}
          data-at={entry.at}
          py="xs"
          style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
        >
          <Group align="flex-start" wrap="nowrap" gap="md">
            <Stack gap={2} w={170} style={{ flexShrink: 0 }}>
              <Text size="sm" component="time" dateTime={entry.at} fw={500}>
                {entry.when}
              </Text>
              <Badge variant="default" size="sm" tt="none">
                {timelineKindLabels[entry.kind]}
              </Badge>
            </Stack>
            <Stack gap={2}>
              <Text size="sm">
                <EntryLink link={entry.link}>{entry.what}</EntryLink>
              </Text>
              <Text size="xs" c="dimmed">
                {entry.who}
              </Text>
              {entry.items.length > 0 && <Items entry={entry} />}
            </Stack>
          </Group>
        </Box>
      ))}
    </Box>
  );
}
