import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { EvidenceView, LearnerDetail } from '../../../../src-main/learner/learner-contract';
import { useAddressValue } from '../../api/address';
import { call } from '../../api/client';
import { notifyDone, notifyError } from '../../api/notify';
import { CriteriaPicker } from '../mapping/CriteriaPicker';
import { formatSize } from './evidence-methods';
import { PreviewModal } from './PreviewModal';
import { ThirdPartyMark } from './ThirdPartyMark';
import { formatDate, formatFileName } from '../dates/format';
import { unitCriterionKey } from '../../../../src-main/kernel/criterion-key';

interface Props {
  detail: LearnerDetail;
  readOnly: boolean;
  onChanged: () => void;
}

/** The portfolio's evidence items, each with preview, criteria mapping and archive. */
export function EvidenceList({ detail, readOnly, onChanged }: Props) {
  const [previewing, setPreviewing] = useState<EvidenceView | null>(null);
  const [mapping, setMapping] = useState<EvidenceView | null>(null);
  const learnerId = detail.learner.id;
  // An item opened from elsewhere (the timeline) is named in the address and shown first.
  const [openedId] = useAddressValue('evidence');
  const openedRow = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    openedRow.current?.scrollIntoView({ block: 'center' });
  }, [openedId]);
  const opened = detail.evidence.find((e) => e.id === openedId);
  const shown = detail.evidence.filter((e) => !e.archived || e === opened);
  if (!shown.length) return <Text c="dimmed">No evidence yet.</Text>;
  return (
    <>
      <Table withTableBorder striped data-testid="evidence-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Evidence</Table.Th>
            <Table.Th scope="col">Method</Table.Th>
            <Table.Th scope="col">Produced</Table.Th>
            <Table.Th scope="col">Criteria</Table.Th>
            <Table.Th scope="col">Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((e) => (
            <Table.Tr
              key={e.id}
              data-testid="evidence-row"
              ref={e === opened ? openedRow : undefined}
              aria-current={e === opened ? 'true' : undefined}
              bg={e === opened ? 'var(--mantine-color-yellow-1)' : undefined}
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
                  onChanged={onChanged}
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
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setPreviewing(e)}
                    aria-label={`Preview ${e.title}`}
                  >
                    Preview
                  </Button>
                  {!readOnly && (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setMapping(e)}
                      aria-label={`Map to criteria: ${e.title}`}
                    >
                      Map to criteria
                    </Button>
                  )}
                  {!readOnly && !e.archived && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={`Archive ${e.title}`}
                      onClick={() =>
                        void call('evidence:update', {
                          learnerId,
                          evidenceId: e.id,
                          change: { archived: true },
                        })
                          .then(() => {
                            notifyDone(`Archived ${e.title}; the file and record are kept.`);
                            onChanged();
                          })
                          .catch((error: unknown) =>
                            notifyError('The evidence was not archived', error),
                          )
                      }
                    >
                      Archive
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {previewing && (
        <PreviewModal
          learnerId={learnerId}
          evidence={previewing}
          onClose={() => setPreviewing(null)}
        />
      )}
      {mapping && (
        <CriteriaPicker
          learnerId={learnerId}
          evidence={mapping}
          units={detail.units}
          onClose={() => setMapping(null)}
          onSaved={onChanged}
        />
      )}
    </>
  );
}
