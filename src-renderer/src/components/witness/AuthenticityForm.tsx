import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { TestimonyView } from '../../../../src-main/witness/testimony-views';
import { call } from '../../api/client';
import { notifyDone, notifyError } from '../../api/notify';
import { DateField } from '../dates/DateField';
import { ukToday } from '../dates/format';

interface Props {
  learnerId: string;
  testimony: TestimonyView;
  onClose: () => void;
  onSaved: () => void;
}

/** The assessor's check that a testimony is genuine: when, and how. */
export function AuthenticityForm({ learnerId, testimony, onClose, onSaved }: Props) {
  const [checkedOn, setCheckedOn] = useState(ukToday);
  const [how, setHow] = useState(
    testimony.witness.contact
      ? `Phoned ${testimony.witness.name} on ${testimony.witness.contact}; they confirmed the account.`
      : '',
  );
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await call('witness:authenticity', { learnerId, testimonyId: testimony.id, checkedOn, how });
      notifyDone('Authenticity check recorded.');
      onSaved();
      onClose();
    } catch (error) {
      notifyError('The check was not recorded', error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={`Authenticity check: ${testimony.evidenceTitle}`}
      size="lg"
    >
      <form onSubmit={submit}>
        <Stack>
          <DateField label="Date checked" required value={checkedOn} onChange={setCheckedOn} />
          <Textarea
            label="How you checked it"
            description="For example: phoned the witness on … and they confirmed the account"
            required
            autosize
            minRows={2}
            value={how}
            onChange={(e) => setHow(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Record the check
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
