import {
  Button,
  Checkbox,
  Group,
  Modal,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import type { EvidenceView, UnitTreeView } from '../../../../src-main/learner/learner-contract';
import { call } from '../../api/client';
import { notifyDone, notifyError } from '../../api/notify';
import { unitCriterionKey } from '../../../../src-main/kernel/criterion-key';

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

/** From the evidence side: tick the criteria (and parts) this item covers. */
export function CriteriaPicker({ learnerId, evidence, units, onClose, onSaved }: Props) {
  const [chosen, setChosen] = useState(
    () => new Map(evidence.targets.map((t) => [unitCriterionKey(t), target(t)])),
  );
  const [busy, setBusy] = useState(false);
  const [query, setQuery] = useState('');
  // As the marking screen's E dialog: type a number or words to narrow the list.
  const shown = useMemo(() => {
    const needle = query.trim().toLocaleLowerCase('en-GB');
    const has = (text: string) => text.toLocaleLowerCase('en-GB').includes(needle);
    return units
      .map((unit) => ({
        ...unit,
        criteria: unit.outcomes.flatMap((o) =>
          o.criteria
            .map((c) => ({
              ...c,
              parts: has(`${c.ref} ${c.text}`)
                ? c.parts
                : c.parts.filter((p) => has(`${c.ref} ${p.ref} ${p.text}`)),
            }))
            .filter((c) => !needle || has(`${c.ref} ${c.text}`) || c.parts.length > 0),
        ),
      }))
      .filter((unit) => unit.criteria.length > 0 || has(unit.title));
  }, [units, query]);
  const toggle = (t: Target) =>
    setChosen((set) => {
      const next = new Map(set);
      if (next.has(unitCriterionKey(t))) next.delete(unitCriterionKey(t));
      else next.set(unitCriterionKey(t), t);
      return next;
    });

  async function save() {
    setBusy(true);
    const targets = [...chosen.values()];
    try {
      await call('mapping:set-for-evidence', { learnerId, evidenceId: evidence.id, targets });
      notifyDone(`Mapped ${evidence.title} to ${targets.length} criteria.`);
      onSaved();
      onClose();
    } catch (error) {
      notifyError('The mapping was not saved', error);
    } finally {
      setBusy(false);
    }
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
              <Stack key={unit.unitId} gap={6}>
                <Title order={3} size="h5">
                  {unit.ref}: {unit.title}
                </Title>
                {unit.criteria.map((c) => {
                  const target = { unitId: unit.unitId, criterionRef: c.ref, partRef: null };
                  return (
                    <Stack key={c.ref} gap={4}>
                      <Checkbox
                        label={`${c.ref} ${c.text}`}
                        checked={chosen.has(unitCriterionKey(target))}
                        onChange={() => toggle(target)}
                      />
                      {c.parts.map((p) => {
                        const part = { ...target, partRef: p.ref };
                        return (
                          <Checkbox
                            key={p.ref}
                            ml="xl"
                            label={`${c.ref} ${p.ref} ${p.text}`}
                            checked={chosen.has(unitCriterionKey(part))}
                            onChange={() => toggle(part)}
                          />
                        );
                      })}
                    </Stack>
                  );
                })}
              </Stack>
            ))}
            {!units.length && <Text>The learner is not registered on any unit yet.</Text>}
            {units.length > 0 && !shown.length && <Text size="sm">No criterion matches.</Text>}
          </Stack>
        </ScrollArea.Autosize>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void save()} loading={busy}>
            Save mapping
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
