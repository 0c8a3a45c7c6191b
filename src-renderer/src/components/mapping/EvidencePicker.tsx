import { Checkbox, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { EvidenceView } from '../../../../src-main/learner/learner-contract';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { FormFooter } from '../common/FormFooter';
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
  const { busy, run } = useAction();
  const { label, ...where } = target;

  async function save() {
    const saved = await run(
      () => call('mapping:set-for-criterion', { learnerId, ...where, evidenceIds: [...chosen] }),
      { done: `Saved the evidence for ${label}.`, failed: 'The mapping was not saved' },
    );
    if (saved === undefined) return;
    onSaved();
    onClose();
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
        <FormFooter submit="Save" onCancel={onClose} onSubmit={() => void save()} busy={busy} />
      </Stack>
    </Modal>
  );
}
