import { Button, Group, Modal, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { InputOf } from '../../../../src-main/api/contract';
import { call } from '../../api/client';
import { notifyDone, notifyError } from '../../api/notify';
import { DateField } from '../dates/DateField';

type Details = InputOf<'learner:add'>;

const empty: Details = {
  name: '',
  uln: '',
  dateOfBirth: '',
  employer: '',
  workplace: '',
  cohort: '',
  needs: '',
};

interface Props {
  opened: boolean;
  onClose: () => void;
  onSaved: (id: string) => void;
  /** Present when editing an existing learner. */
  learner?: Details & { id: string };
}

/** Add a learner to the roster, or change their details. */
export function LearnerForm({ opened, onClose, onSaved, learner }: Props) {
  const [values, setValues] = useState<Details>(learner ?? empty);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof Details) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [key]: value }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const saved = learner
        ? await call('learner:update', { ...values, learnerId: learner.id })
        : await call('learner:add', values);
      notifyDone(learner ? `Saved ${values.name}.` : `Added ${values.name}.`);
      onSaved(saved.id);
      onClose();
    } catch (error) {
      notifyError(learner ? 'The learner was not saved' : 'The learner was not added', error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={learner ? 'Edit learner' : 'Add a learner'}
      size="lg"
    >
      <form onSubmit={submit}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Name" value={values.name} onChange={set('name')} required />
            <TextInput
              label="ULN"
              description="Unique Learner Number: 10 digits"
              value={values.uln}
              onChange={set('uln')}
              inputMode="numeric"
              required
            />
            <DateField
              label="Date of birth"
              value={values.dateOfBirth ?? ''}
              onChange={(dateOfBirth) => setValues((v) => ({ ...v, dateOfBirth }))}
            />
            <TextInput label="Cohort" value={values.cohort ?? ''} onChange={set('cohort')} />
            <TextInput label="Employer" value={values.employer ?? ''} onChange={set('employer')} />
            <TextInput
              label="Workplace or location"
              value={values.workplace ?? ''}
              onChange={set('workplace')}
            />
          </SimpleGrid>
          <Textarea
            label="Needs and reasonable adjustments"
            value={values.needs ?? ''}
            onChange={set('needs')}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              {learner ? 'Save learner' : 'Add learner'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
