import { Checkbox, Modal, ScrollArea, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { EvidenceView, UnitTreeView } from '../../../../src-main/learner/learner-contract';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { unitCriterionKey } from '../../../../src-main/kernel/criterion-key';
import { FormFooter } from '../common/FormFooter';
import { narrowCriteria, type NarrowedUnit } from './criteria-search';

interface Target {
  unitId: string;
  criterionRef: string;
  partRef: string | null;
}

const target = ({ unitId, criterionRef, partRef }: Target): Target => ({
  unitId,
  criterionRef,
  partRef,
});

interface Props {
  learnerId: string;
  evidence: EvidenceView;
  units: UnitTreeView[];
  onClose: () => void;
  onSaved: () => void;
}

/** One unit's criteria, each with its parts under it, ticked where the item covers them. */
function UnitCriteria({
  unit,
  isChosen,
  onToggle,
}: {
  unit: NarrowedUnit;
  isChosen: (t: Target) => boolean;
  onToggle: (t: Target) => void;
}) {
  return (
    <Stack gap={6}>
      <Title order={3} size="h5">
        {unit.ref}: {unit.title}
      </Title>
      {unit.criteria.map((c) => {
        const target = { unitId: unit.unitId, criterionRef: c.ref, partRef: null };
        return (
          <Stack key={c.ref} gap={4}>
            <Checkbox
              label={`${c.ref} ${c.text}`}
              checked={isChosen(target)}
              onChange={() => onToggle(target)}
            />
            {c.parts.map((p) => {
              const part = { ...target, partRef: p.ref };
              return (
                <Checkbox
                  key={p.ref}
                  ml="xl"
                  label={`${c.ref} ${p.ref} ${p.text}`}
                  checked={isChosen(part)}
                  onChange={() => onToggle(part)}
                />
              );
            })}
          </Stack>
        );
      })}
    </Stack>
  );
}

/** From the evidence side: tick the criteria (and parts) this item covers. */
export function CriteriaPicker({ learnerId, evidence, units, onClose, onSaved }: Props) {
  const [chosen, setChosen] = useState(
    () => new Map(evidence.targets.map((t) => [unitCriterionKey(t), target(t)])),
  );
  const { busy, run } = useAction();
  const [query, setQuery] = useState('');
  const shown = useMemo(() => narrowCriteria(units, query), [units, query]);
  const toggle = (t: Target) =>
    setChosen((set) => {
      const next = new Map(set);
      if (next.has(unitCriterionKey(t))) next.delete(unitCriterionKey(t));
      else next.set(unitCriterionKey(t), t);
      return next;
    });

  async function save() {
    const targets = [...chosen.values()];
    const saved = await run(
      () => call('mapping:set-for-evidence', { learnerId, evidenceId: evidence.id, targets }),
      {
        done: `Mapped ${evidence.title} to ${targets.length} criteria.`,
        failed: 'The mapping was not saved',
      },
    );
    if (saved === undefined) return;
    onSaved();
    onClose();
  }

  return (
    <Modal opened onClose={onClose} title={`Criteria covered by ${evidence.title}`} size="xl">
      <Stack>
        <TextInput
          label="Find criteria"
          description="A number such as 9.1, or words from the criterion"
          data-autofocus
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
        />
        <ScrollArea.Autosize mah={480}>
          <Stack data-testid="criteria-picker">
            {shown.map((unit) => (
              <UnitCriteria
                key={unit.unitId}
                unit={unit}
                isChosen={(t) => chosen.has(unitCriterionKey(t))}
                onToggle={toggle}
              />
            ))}
            {!units.length && <Text>The learner is not registered on any unit yet.</Text>}
            {units.length > 0 && !shown.length && <Text size="sm">No criterion matches.</Text>}
          </Stack>
        </ScrollArea.Autosize>
        <FormFooter
          submit="Save mapping"
          onCancel={onClose}
          onSubmit={() => void save()}
          busy={busy}
        />
      </Stack>
    </Modal>
  );
}
