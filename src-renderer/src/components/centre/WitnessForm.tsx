import { SimpleGrid, Switch, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { WitnessView } from '../../../../src-main/witness/witness-contract';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { FormDialog } from '../common/FormDialog';

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
  const { busy, run } = useAction();
  const text = (key: keyof typeof values) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [key]: value }));
  };

  async function submit() {
    const saved = await run(
      () =>
        witness
          ? call('witness:update', { witnessId: witness.id, ...values })
          : call('witness:add', values),
      { done: `Saved ${values.name}.`, failed: 'The witness was not saved' },
    );
    if (saved === undefined) return;
    onSaved();
    onClose();
  }

  return (
    <FormDialog
      title={witness ? `Edit ${witness.name}` : 'Add a witness'}
      onClose={onClose}
      onSubmit={() => void submit()}
      submit="Save"
      busy={busy}
      size="lg"
    >
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
    </FormDialog>
  );
}
