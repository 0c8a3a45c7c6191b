import { Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { EvidenceView } from '../../../../src-main/learner/learner-contract';
import { call } from '../../api/client';
import { notifyDone, notifyError } from '../../api/notify';
import { formatDate } from '../dates/format';

interface Props {
  learnerId: string;
  target: { unitId: string; criterionRef: string; partRef: string | null; label: string };
  evidence: EvidenceView[];
  current: string[];
  onClose: () => void;
  onSaved: () => void;
}

/** From the criterion side: tick the evidence items that cover one criterion or part. */
export function EvidencePicker({ learnerId, target, evidence, current, onClose, onSaved }: Props) {
  const [chosen, setChosen] = useState(() => new Set(current));
  const [busy, setBusy] = useState(false);
  const { label, ...where } = target;

  async function save() {
    setBusy(true);
    try {
      await call('mapping:set-for-criterion', { learnerId, ...where, evidenceIds: [...chosen] });
      notifyDone(`Saved the evidence for ${label}.`);
      onSaved();
      onClose();
    } catch (error) {
      notifyError('The mapping was not saved', error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={`Evidence for ${label}`} size="lg">
      <Stack>
        {evidence.map((e) => (
          <Checkbox
            key={e.id}
            label={`${e.title} (${e.method}, ${formatDate(e.producedOn)})`}
            checked={chosen.has(e.id)}
            onChange={() =>
              setChosen((set) => {
                const next = new Set(set);
                if (next.has(e.id)) next.delete(e.id);
                else next.add(e.id);
                return next;
              })
            }
          />
        ))}
        {!evidence.length && <Text>There is no evidence in this portfolio yet.</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void save()} loading={busy}>
            Save
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
