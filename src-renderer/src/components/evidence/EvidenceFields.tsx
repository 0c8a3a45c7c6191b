import { Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import type { EvidenceDetailsInput } from '../../api/add-evidence-file';
import { methodOptions } from './evidence-methods';
import { DateField } from '../dates/DateField';

interface Props {
  value: EvidenceDetailsInput;
  onChange: (next: EvidenceDetailsInput) => void;
}

/** Title, date produced, method, location, who produced it and notes. */
export function EvidenceFields({ value, onChange }: Props) {
  const text = (key: keyof EvidenceDetailsInput) => (e: { currentTarget: { value: string } }) =>
    onChange({ ...value, [key]: e.currentTarget.value });
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Title" value={value.title} onChange={text('title')} required />
        <DateField
          label="Date produced"
          value={value.producedOn}
          onChange={(producedOn) => onChange({ ...value, producedOn })}
          required
        />
        <Select
          label="Method"
          value={value.method}
          allowDeselect={false}
          data={methodOptions}
          onChange={(m) => m && onChange({ ...value, method: m as EvidenceDetailsInput['method'] })}
          searchable
        />
        <TextInput label="Location" value={value.location ?? ''} onChange={text('location')} />
        <TextInput
          label="Produced by"
          description="The learner, a witness, or the assessor who observed"
          value={value.producedBy ?? ''}
          onChange={text('producedBy')}
        />
      </SimpleGrid>
      <Textarea
        label="Notes"
        value={value.notes ?? ''}
        onChange={text('notes')}
        autosize
        minRows={2}
      />
    </>
  );
}
