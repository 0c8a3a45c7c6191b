import { Badge, Box, Group, Text, UnstyledButton } from '@mantine/core';
import { memo, useEffect, useRef } from 'react';
import type { OutlineOutcome, TargetView } from '../../../../src-main/decision/decision-views';
import { combinedStatus, statusColour, statusLabel } from './status';

interface Props {
  outline: OutlineOutcome[];
  targets: Map<string, TargetView>;
  selectedKey: string | null;
  onSelect: (key: string) => void;
}

/** The compact status a row shows, so a row re-renders only when it changed. */
const rowSignature = (t: TargetView) => `${t.status}|${t.evidenceIds.length}|${t.flags.length}`;

interface RowProps {
  target: TargetView;
  signature: string;
  selected: boolean;
  onSelect: (key: string) => void;
}

const TargetRow = memo(
  function TargetRow({ target, selected, onSelect }: RowProps) {
    const ref = useRef<HTMLButtonElement>(null);
    useEffect(() => {
      if (selected) ref.current?.scrollIntoView({ block: 'nearest' });
    }, [selected]);
    const text = target.partRef ? target.partText : target.criterionText;
    return (
      <UnstyledButton
        ref={ref}
        data-testid={`target-${target.key}`}
        data-selected={selected || undefined}
        aria-current={selected ? 'true' : undefined}
        onClick={() => onSelect(target.key)}
        w="100%"
        px="xs"
        py={4}
        style={{
          borderRadius: 4,
          background: selected ? 'var(--mantine-color-indigo-light)' : undefined,
          outline: selected ? '2px solid var(--mantine-color-indigo-filled)' : undefined,
        }}
      >
        <Group gap="xs" wrap="nowrap" justify="space-between">
          <Text size="sm" lineClamp={1} style={{ flex: 1, minWidth: 0 }}>
            <Text span fw={600}>
              {target.partRef ? `${target.partRef})` : target.criterionRef}
            </Text>{' '}
            {text}
          </Text>
          <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
            {target.evidenceIds.length === 0 && (
              <Badge size="xs" variant="outline" color="red" tt="none">
                No evidence
              </Badge>
            )}
            {target.flags.length > 0 && (
              <Badge size="xs" variant="light" color="yellow" tt="none">
                {target.flags.length} {target.flags.length === 1 ? 'flag' : 'flags'}
              </Badge>
            )}
            <Badge size="sm" variant="light" color={statusColour[target.status]} tt="none">
              {statusLabel[target.status]}
            </Badge>
          </Group>
        </Group>
      </UnstyledButton>
    );
  },
  (a, b) => a.signature === b.signature && a.selected === b.selected && a.onSelect === b.onSelect,
);

interface OutcomeProps {
  outcome: OutlineOutcome;
  targets: Map<string, TargetView>;
  signature: string;
  /** The selected key when it is inside this outcome; null otherwise, so others stay put. */
  selectedKey: string | null;
  onSelect: (key: string) => void;
}

const OutcomeBlock = memo(
  function OutcomeBlock({ outcome, targets, selectedKey, onSelect }: OutcomeProps) {
    const all = outcome.criteria.flatMap((c) => c.targets.map((k) => targets.get(k)!));
    const met = all.filter((t) => t.status === 'met').length;
    return (
      <Box component="li" mb="sm" style={{ listStyle: 'none' }}>
        <Group gap="xs" wrap="nowrap" mb={4}>
          <Text size="sm" fw={700}>
            {outcome.ref}. {outcome.text}
          </Text>
          <Badge
            size="sm"
            variant="light"
            color={met === all.length ? 'green' : 'gray'}
            tt="none"
            style={{ flexShrink: 0 }}
          >
            {met}/{all.length} met
          </Badge>
        </Group>
        <Box component="ul" p={0} m={0}>
          {outcome.criteria.map((c) => {
            const rows = c.targets.map((k) => targets.get(k)!);
            const single = rows.length === 1 && rows[0]!.partRef === null;
            return (
              <Box component="li" key={c.ref} style={{ listStyle: 'none' }}>
                {!single && (
                  <Group gap="xs" px="xs" wrap="nowrap" justify="space-between">
                    <Text size="sm">
                      <Text span fw={600}>
                        {c.ref}
                      </Text>{' '}
                      {c.text}
                    </Text>
                    <Badge
                      size="sm"
                      style={{ flexShrink: 0 }}
                      variant="dot"
                      color={statusColour[combinedStatus(rows.map((r) => r.status))]}
                      tt="none"
                    >
                      {statusLabel[combinedStatus(rows.map((r) => r.status))]}
                    </Badge>
                  </Group>
                )}
                <Box pl={single ? 0 : 'md'}>
                  {rows.map((t) => (
                    <TargetRow
                      key={t.key}
                      target={t}
                      signature={rowSignature(t)}
                      selected={t.key === selectedKey}
                      onSelect={onSelect}
                    />
                  ))}
                </Box>
              </Box>
            );
          })}
        </Box>
      </Box>
    );
  },
  (a, b) =>
    a.signature === b.signature && a.selectedKey === b.selectedKey && a.onSelect === b.onSelect,
);

/** The unit as outcome → criterion → part, each with its status; the selected one outlined. */
export function Outline({ outline, targets, selectedKey, onSelect }: Props) {
  return (
    <Box component="nav" aria-label="Unit outline" data-testid="marking-outline">
      <Box component="ul" p={0} m={0}>
        {outline.map((o) => {
          const keys = o.criteria.flatMap((c) => c.targets);
          const signature = keys.map((k) => rowSignature(targets.get(k)!)).join(',');
          const inside = selectedKey !== null && keys.includes(selectedKey) ? selectedKey : null;
          return (
            <OutcomeBlock
              key={o.ref}
              outcome={o}
              targets={targets}
              signature={signature}
              selectedKey={inside}
              onSelect={onSelect}
            />
          );
        })}
      </Box>
    </Box>
  );
}
