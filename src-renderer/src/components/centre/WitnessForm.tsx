import {
  Button,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { WitnessView } from '../../../../src-main/witness/witness-contract';
import { call } from '../../api/client';
import { notifyDone, notifyError } from '../../api/notify';

interface Props {
  witness?: WitnessView;
  onClose: () => void;
  onSaved: () => void;
}

/** A witness (usually a line manager); an expert witness says what makes them competent. */
export function WitnessForm({ witness, onClose, onSaved }: Props) {
  const [values, setValues] = useState({
    name: witness?.name ?? '',
    jobTitle: witness?.jobTitle ?? '',
    employer: witness?.employer ?? '',
    relationship: witness?.relationship ?? '',
    contact: witness?.contact ?? '',
    expert: witness?.expert ?? false,
    competence: witness?.competence ?? '',
  });
  const [busy, setBusy] = useState(false);
  const text = (key: keyof typeof values) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [key]: value }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      if (witness) await call('witness:update', { witnessId: witness.id, ...values });
      else await call('witness:add', values);
      notifyDone(`Saved ${values.name}.`);
      onSaved();
      onClose();
    } catch (error) {
      notifyError('The witness was not saved', error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={witness ? `Edit ${witness.name}` : 'Add a witness'}
      size="lg"
    >
      <form onSubmit={submit}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Name" value={values.name} onChange={text('name')} required />
            <TextInput label="Job title" value={values.jobTitle} onChange={text('jobTitle')} />
            <TextInput label="Employer" value={values.employer} onChange={text('employer')} />
            <TextInput
              label="Relationship to the learner"
              description="For example line manager; a relative may not be a witness"
              value={values.relationship}
              onChange={text('relationship')}
            />
            <TextInput
              label="Contact details"
              description="So the testimony can be checked"
              value={values.contact}
              onChange={text('contact')}
            />
          </SimpleGrid>
          <Switch
            label="Expert witness (occupationally competent, named in the assessment plan)"
            checked={values.expert}
            onChange={(e) => {
              const expert = e.currentTarget.checked;
              setValues((v) => ({ ...v, expert }));
            }}
          />
          {values.expert && (
            <Textarea
              label="Evidence of competence"
              description="Role, qualifications or CV"
              value={values.competence}
              onChange={text('competence')}
              required
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
