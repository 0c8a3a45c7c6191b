import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { EvidenceDetailsInput } from '../../api/add-evidence-file';
import { call } from '../../api/client';
import { notifyDone, notifyError } from '../../api/notify';
import { useOperation } from '../../api/use-operation';
import { witnessOptions } from '../witness/witness-options';
import { EvidenceFields } from './EvidenceFields';
import { ukToday } from '../../../../src-main/kernel/dates';

interface Props {
  learnerId: string;
  /** The learner's employer: its witnesses are offered first. */
  employer?: string;
  opened: boolean;
  onClose: () => void;
  onAdded: () => void;
}

/** Evidence written in the workbench: an observation, a professional discussion, a testimony. */
export function RecordForm({ learnerId, employer, opened, onClose, onAdded }: Props) {
  const witnesses = useOperation('witness:list', {});
  const [details, setDetails] = useState<EvidenceDetailsInput>({
    title: '',
    producedOn: ukToday(),
    method: 'direct observation',
  });
  const [record, setRecord] = useState('');
  const [busy, setBusy] = useState(false);
  const isTestimony = details.method.includes('witness');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await call('evidence:add-record', { learnerId, details: { ...details, record } });
      notifyDone(`Added ${details.title}.`);
      setRecord('');
      onAdded();
      onClose();
    } catch (error) {
      notifyError('The record was not added', error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title="Write a record" size="xl">
      <form onSubmit={submit}>
        <Stack>
          <EvidenceFields value={details} onChange={setDetails} />
          {isTestimony && (
            <Select
              label="Witness"
              placeholder="Choose the witness"
              value={details.witnessId ?? null}
              onChange={(w) => setDetails({ ...details, witnessId: w ?? undefined })}
              data={witnessOptions(witnesses.data ?? [], employer)}
            />
          )}
          <Textarea
            label={isTestimony ? 'What the witness saw' : 'What was observed, discussed or asked'}
            description="Enough for a third party (an IQA or EQA) to judge: what happened, questions and answers, feedback"
            value={record}
            onChange={(e) => setRecord(e.currentTarget.value)}
            autosize
            minRows={6}
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Add record
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
