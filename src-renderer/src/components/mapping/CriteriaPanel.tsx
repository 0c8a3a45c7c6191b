import { Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { LearnerDetail } from '../../../../src-main/learner/learner-contract';
import { EvidencePicker } from './EvidencePicker';
import { criterionKey } from '../../../../src-main/kernel/criterion-key';
import { CriterionRow, type CriterionRowView } from './CriterionRow';
import { DataTable } from '../common/DataTable';

interface Props {
  detail: LearnerDetail;
  readOnly: boolean;
  onChanged: () => void;
  onShowAudit: (unitId: string, criterionRef: string) => void;
}

type Unit = LearnerDetail['units'][number];

/** A unit's criteria, each followed by its parts, as rows to map evidence to. */
function criterionRows(unit: Unit): CriterionRowView[] {
  return unit.outcomes.flatMap((o) =>
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
}

/** Each criterion (and part) of the learner's units with the evidence mapped to it. */
export function CriteriaPanel({ detail, readOnly, onChanged, onShowAudit }: Props) {
  const [picking, setPicking] = useState<CriterionRowView | null>(null);
  const live = detail.evidence.filter((e) => !e.archived);
  const titleOf = (id: string) => detail.evidence.find((e) => e.id === id)?.title ?? id;
  return (
    <Stack>
      {detail.units.map((unit) => (
        <Stack key={unit.unitId} gap="xs">
          <Title order={2} size="h4">
            {unit.title}{' '}
            <Text span c="dimmed" size="sm">
              {unit.ref} · version {unit.unitVersion}
            </Text>
          </Title>
          <DataTable
            withTableBorder
            testId={`criteria-${unit.unitId}`}
            head={['Criterion', 'Evidence', 'Actions']}
          >
            {criterionRows(unit).map((r) => (
              <CriterionRow
                key={criterionKey(r.criterionRef, r.partRef)}
                row={r}
                readOnly={readOnly}
                titleOf={titleOf}
                onAttach={() => setPicking(r)}
                onHistory={() => onShowAudit(r.unitId, r.criterionRef)}
              />
            ))}
          </DataTable>
        </Stack>
      ))}
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
