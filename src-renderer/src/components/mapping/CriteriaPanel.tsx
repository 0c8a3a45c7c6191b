import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { LearnerDetail } from '../../../../src-main/learner/learner-contract';
import { EvidencePicker } from './EvidencePicker';
import { criterionKey } from '../../../../src-main/kernel/criterion-key';

interface Props {
  detail: LearnerDetail;
  readOnly: boolean;
  onChanged: () => void;
  onShowAudit: (unitId: string, criterionRef: string) => void;
}

interface Row {
  unitId: string;
  criterionRef: string;
  partRef: string | null;
  label: string;
  text: string;
  evidenceIds: string[];
}

/** Each criterion (and part) of the learner's units with the evidence mapped to it. */
export function CriteriaPanel({ detail, readOnly, onChanged, onShowAudit }: Props) {
  const [picking, setPicking] = useState<Row | null>(null);
  const live = detail.evidence.filter((e) => !e.archived);
  const titleOf = (id: string) => detail.evidence.find((e) => e.id === id)?.title ?? id;
  return (
    <Stack>
      {detail.units.map((unit) => {
        const rows: Row[] = unit.outcomes.flatMap((o) =>
          o.criteria.flatMap((c) => [
            {
              unitId: unit.unitId,
              criterionRef: c.ref,
              partRef: null,
              label: `criterion ${c.ref}`,
              text: c.text,
              evidenceIds: c.evidenceIds,
            },
            ...c.parts.map((p) => ({
              unitId: unit.unitId,
              criterionRef: c.ref,
              partRef: p.ref,
              label: `criterion ${c.ref} ${p.ref}`,
              text: p.text,
              evidenceIds: p.evidenceIds,
            })),
          ]),
        );
        return (
          <Stack key={unit.unitId} gap="xs">
            <Title order={2} size="h4">
              {unit.title}{' '}
              <Text span c="dimmed" size="sm">
                {unit.ref} · version {unit.unitVersion}
              </Text>
            </Title>
            <Table withTableBorder data-testid={`criteria-${unit.unitId}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Criterion</Table.Th>
                  <Table.Th scope="col">Evidence</Table.Th>
                  <Table.Th scope="col">Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr
                    key={criterionKey(r.criterionRef, r.partRef)}
                    data-testid={`criterion-row-${r.criterionRef}${r.partRef ?? ''}`}
                  >
                    <Table.Td>
                      <Text size="sm">
                        <Text span fw={600}>
                          {r.partRef ? `${r.criterionRef} ${r.partRef})` : r.criterionRef}
                        </Text>{' '}
                        {r.text}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {r.evidenceIds.map((id) => (
                          <Badge key={id} variant="light" tt="none">
                            {titleOf(id)}
                          </Badge>
                        ))}
                        {!r.evidenceIds.length && (
                          <Text size="xs" c="dimmed">
                            None yet
                          </Text>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        {!readOnly && (
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setPicking(r)}
                            aria-label={`Attach evidence to ${r.label}`}
                          >
                            Attach evidence
                          </Button>
                        )}
                        <Button
                          size="xs"
                          variant="subtle"
                          onClick={() => onShowAudit(r.unitId, r.criterionRef)}
                          aria-label={`Audit trail of ${r.label}`}
                        >
                          History
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        );
      })}
      {!detail.units.length && (
        <Text>Register the learner on a unit to map evidence to its criteria.</Text>
      )}
      {picking && (
        <EvidencePicker
          learnerId={detail.learner.id}
          target={picking}
          evidence={live}
          current={picking.evidenceIds}
          onClose={() => setPicking(null)}
          onSaved={onChanged}
        />
      )}
    </Stack>
  );
}
