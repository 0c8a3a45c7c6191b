import { Badge, Group, Table, Text } from '@mantine/core';
import type { Ref } from 'react';
import type { EvidenceView } from '../../../../src-main/learner/learner-contract';
import { unitCriterionKey } from '../../../../src-main/kernel/criterion-key';
import { ActionsCell } from '../common/RowActions';
import { formatDate, formatFileName } from '../dates/format';
import { formatSize } from './evidence-methods';
import { ThirdPartyMark } from './ThirdPartyMark';

interface Props {
  learnerId: string;
  evidence: EvidenceView;
  readOnly: boolean;
  /** The item the address names: marked, and scrolled to through this row's ref. */
  opened: boolean;
  rowRef: Ref<HTMLTableRowElement> | undefined;
  onPreview: () => void;
  onMap: () => void;
  onArchive: () => void;
  onChanged: () => void;
}

/** One evidence item: what it is, how and when it was produced, what it is mapped to. */
export function EvidenceRow({ evidence: e, learnerId, readOnly, opened, rowRef, ...on }: Props) {
  return (
    <Table.Tr
      data-testid="evidence-row"
      ref={rowRef}
      aria-current={opened ? 'true' : undefined}
      bg={opened ? 'var(--mantine-color-yellow-1)' : undefined}
    >
      <Table.Td>
        <Text size="sm" fw={500}>
          {e.title}
          {e.archived && ' (archived)'}
        </Text>
        <Text size="xs" c="dimmed">
          {e.file
            ? `${formatFileName(e.file.originalName)} · ${formatSize(e.file.size)}`
            : e.witnessName
              ? `Written record · witness ${e.witnessName}`
              : 'Written record'}
        </Text>
        <ThirdPartyMark
          learnerId={learnerId}
          evidence={e}
          readOnly={readOnly}
          onChanged={on.onChanged}
        />
      </Table.Td>
      <Table.Td>{e.method}</Table.Td>
      <Table.Td>
        {formatDate(e.producedOn)}
        {e.location && (
          <Text size="xs" c="dimmed">
            {e.location}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {e.targets.map((t) => (
            <Badge key={unitCriterionKey(t)} variant="light" tt="none">
              {t.criterionRef}
              {t.partRef ? ` ${t.partRef}` : ''}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <ActionsCell
        actions={[
          {
            label: 'Preview',
            variant: 'default',
            onClick: on.onPreview,
            ariaLabel: `Preview ${e.title}`,
          },
          {
            label: 'Map to criteria',
            variant: 'default',
            hidden: readOnly,
            onClick: on.onMap,
            ariaLabel: `Map to criteria: ${e.title}`,
          },
          {
            label: 'Archive',
            color: 'red',
            hidden: readOnly || e.archived,
            onClick: on.onArchive,
            ariaLabel: `Archive ${e.title}`,
          },
        ]}
      />
    </Table.Tr>
  );
}
