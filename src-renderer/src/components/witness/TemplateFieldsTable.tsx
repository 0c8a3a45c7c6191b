import { ActionIcon, Button, Group, Select, Table, TextInput } from '@mantine/core';
import type { TemplateField } from '../../../../src-main/witness/template-schema';
import { DataTable } from '../common/DataTable';

const kinds = [
  { value: 'text', label: 'One line' },
  { value: 'multiline', label: 'Several lines' },
  { value: 'date', label: 'Date' },
  { value: 'checkbox', label: 'Tick box' },
  { value: 'signature', label: 'Signature area' },
];
const sections = [
  { value: 'activity', label: 'The activity' },
  { value: 'witness', label: 'About the witness' },
  { value: 'declaration', label: 'Declaration' },
  { value: 'assessor', label: 'Assessor’s check' },
];

/** A field a template starts with when the user adds one; they reword it in the table. */
export function newTemplateField(): TemplateField {
  return {
    id: `custom-${Date.now().toString(36)}`,
    label: 'New question',
    help: '',
    kind: 'text',
    section: 'activity',
  };
}

interface RowProps {
  field: TemplateField;
  index: number;
  last: boolean;
  onChange: (patch: Partial<TemplateField>) => void;
  onMove: (by: number) => void;
  onRemove: () => void;
}

function FieldRow({ field: f, index: i, last, onChange, onMove, onRemove }: RowProps) {
  return (
    <Table.Tr>
      <Table.Td>
        <TextInput
          aria-label={`Label of field ${i + 1}`}
          value={f.label}
          onChange={(e) => onChange({ label: e.currentTarget.value })}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={`Help for field ${i + 1}`}
          value={f.help ?? ''}
          onChange={(e) => onChange({ help: e.currentTarget.value })}
        />
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={`Kind of field ${i + 1}`}
          data={kinds}
          value={f.kind}
          allowDeselect={false}
          onChange={(v) => v && onChange({ kind: v as TemplateField['kind'] })}
        />
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={`Section of field ${i + 1}`}
          data={sections}
          value={f.section}
          allowDeselect={false}
          onChange={(v) => v && onChange({ section: v as TemplateField['section'] })}
        />
      </Table.Td>
      <Table.Td>
        <Group gap={2} wrap="nowrap">
          <ActionIcon
            variant="default"
            aria-label={`Move ${f.label} up`}
            onClick={() => onMove(-1)}
            disabled={i === 0}
          >
            ↑
          </ActionIcon>
          <ActionIcon
            variant="default"
            aria-label={`Move ${f.label} down`}
            onClick={() => onMove(1)}
            disabled={last}
          >
            ↓
          </ActionIcon>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            aria-label={`Remove ${f.label}`}
            onClick={onRemove}
          >
            Remove
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** The template's fields, one row each: reworded, reordered and removed in place. */
export function TemplateFieldsTable({
  fields,
  onChange,
}: {
  fields: TemplateField[];
  onChange: (next: TemplateField[]) => void;
}) {
  const move = (i: number, by: number) => {
    const next = [...fields];
    const [f] = next.splice(i, 1);
    if (f) next.splice(Math.max(0, Math.min(next.length, i + by)), 0, f);
    onChange(next);
  };
  return (
    <DataTable
      withTableBorder
      testId="template-fields"
      head={['Label', 'Help', 'Kind', 'Section', 'Order']}
    >
      {fields.map((f, i) => (
        <FieldRow
          key={f.id}
          field={f}
          index={i}
          last={i === fields.length - 1}
          onChange={(patch) => onChange(fields.map((g, j) => (j === i ? { ...g, ...patch } : g)))}
          onMove={(by) => move(i, by)}
          onRemove={() => onChange(fields.filter((_, j) => j !== i))}
        />
      ))}
    </DataTable>
  );
}
