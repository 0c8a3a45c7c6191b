import { Button, Checkbox, Group, Modal, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { EvidenceView, UnitTreeView } from '../../../../src-main/learner/learner-contract';
import { call } from '../../api/client';
import { notifyDone, notifyError } from '../../api/notify';

interface Target {
  unitId: string;
  criterionRef: string;
  partRef: string | null;
}

const keyOf = (t: Target) => `${t.unitId}|${t.criterionRef}|${t.partRef ?? ''}`;

interface Props {
  learnerId: string;
  evidence: EvidenceView;
  units: UnitTreeView[];
  onClose: () => void;
  onSaved: () => void;
}

/** From the evidence side: tick the criteria (and parts) this item covers. */
export function CriteriaPicker({ learnerId, evidence, units, onClose, onSaved }: Props) {
  const [chosen, setChosen] = useState(() => new Set(evidence.targets.map(keyOf)));
  const [busy, setBusy] = useState(false);
  const toggle = (t: Target) =>
    setChosen((set) => {
      const next = new Set(set);
      if (next.has(keyOf(t))) next.delete(keyOf(t));
      else next.add(keyOf(t));
      return next;
    });

  async function save() {
    setBusy(true);
    const targets = [...chosen].map((k) => {
      const [unitId = '', criterionRef = '', partRef = ''] = k.split('|');
      return { unitId, criterionRef, partRef: partRef || null };
    });
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
        <ScrollArea.Autosize mah={480}>
          <Stack data-testid="criteria-picker">
            {units.map((unit) => (
              <Stack key={unit.unitId} gap={6}>
                <Title order={3} size="h5">
                  {unit.title}
                </Title>
                {unit.outcomes.flatMap((o) =>
                  o.criteria.map((c) => {
                    const target = { unitId: unit.unitId, criterionRef: c.ref, partRef: null };
                    return (
                      <Stack key={c.ref} gap={4}>
                        <Checkbox
                          label={`${c.ref} ${c.text}`}
                          checked={chosen.has(keyOf(target))}
                          onChange={() => toggle(target)}
                        />
                        {c.parts.map((p) => {
                          const part = { ...target, partRef: p.ref };
                          return (
                            <Checkbox
                              key={p.ref}
                              ml="xl"
                              label={`${c.ref} ${p.ref}) ${p.text}`}
                              checked={chosen.has(keyOf(part))}
                              onChange={() => toggle(part)}
                            />
                          );
                        })}
                      </Stack>
                    );
                  }),
                )}
              </Stack>
            ))}
            {!units.length && <Text>The learner is not registered on any unit yet.</Text>}
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
