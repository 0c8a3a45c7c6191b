import { Button, Group, Select, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useOperation } from '../../api/use-operation';

export interface NewRegistration {
  unitId: string;
  unitVersion: number;
  assessorId: string;
  qualification: string;
}

interface Props {
  assessors: { id: string; name: string }[];
  onRegister: (registration: NewRegistration) => void;
}

/** Registers the learner on a unit, at one version, with the assessor who will assess it. */
export function RegisterOnUnit({ assessors, onRegister }: Props) {
  const units = useOperation('unit:list', {});
  const [unitKey, setUnitKey] = useState<string | null>(null);
  const [assessorId, setAssessorId] = useState<string | null>(null);
  const [qualification, setQualification] = useState('');

  function register(event: FormEvent) {
    event.preventDefault();
    if (!unitKey || !assessorId) return;
    const [unitId = '', version = '1'] = unitKey.split('@');
    onRegister({ unitId, unitVersion: Number(version), assessorId, qualification });
  }

  return (
    <form onSubmit={register}>
      <Group align="end">
        <Select
          label="Register on a unit"
          placeholder="Choose a unit"
          value={unitKey}
          onChange={setUnitKey}
          data={(units.data?.units ?? []).map((u) => ({
            value: `${u.id}@${u.version}`,
            label: `${u.title} (version ${u.version})`,
          }))}
          w={360}
          searchable
        />
        <Select
          label="Assessor"
          placeholder="Choose an assessor"
          value={assessorId}
          onChange={setAssessorId}
          data={assessors.map((a) => ({ value: a.id, label: a.name }))}
        />
        <TextInput
          label="Qualification"
          value={qualification}
          onChange={(e) => setQualification(e.currentTarget.value)}
        />
        <Button type="submit" disabled={!unitKey || !assessorId}>
          Register
        </Button>
      </Group>
    </form>
  );
}
