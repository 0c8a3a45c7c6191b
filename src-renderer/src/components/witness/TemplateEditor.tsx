import {
  ActionIcon,
  Button,
  Group,
  Image,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import type {
  StoredTemplate,
  TemplateContentInput,
  TemplateField,
} from '../../../../src-main/witness/template-schema';
import { call } from '../../api/client';
import { notifyDone, notifyError } from '../../api/notify';
import { useOperation } from '../../api/use-operation';

type Draft = Omit<TemplateContentInput, 'fields'> & { fields: TemplateField[] };

interface Props {
  /** The template to edit (saved as a new version), or the one a new template starts from. */
  template: StoredTemplate;
  isNew: boolean;
  onClose: () => void;
  onSaved: () => void;
}

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

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('The image could not be read.'));
    reader.readAsDataURL(file);
  });
}

/** Reword, reorder, add and remove a template's fields; set its scope, wording and logo. */
export function TemplateEditor({ template, isNew, onClose, onSaved }: Props) {
  const units = useOperation('unit:list', {});
  const qualifications = useOperation('qualification:list', {});
  const [content, setContent] = useState<Draft>(() => ({
    name: isNew ? `${template.name} (copy)` : template.name,
    scope: template.scope,
    title: template.title,
    introduction: template.introduction,
    declaration: template.declaration,
    logo: template.logo,
    fields: template.fields,
    archived: false,
  }));
  const [busy, setBusy] = useState(false);
  const fields = content.fields;
  const setFields = (next: TemplateField[]) => setContent((c) => ({ ...c, fields: next }));
  const change = (i: number, patch: Partial<TemplateField>) =>
    setFields(fields.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  const move = (i: number, by: number) => {
    const next = [...fields];
    const [f] = next.splice(i, 1);
    if (f) next.splice(Math.max(0, Math.min(next.length, i + by)), 0, f);
    setFields(next);
  };
  const scopeValue =
    content.scope.level === 'centre'
      ? 'centre'
      : content.scope.level === 'unit'
        ? `unit:${content.scope.unitId}`
        : `qualification:${content.scope.qualificationId}`;
  const unitList = units.data?.units ?? [];
  const qualificationList = qualifications.data?.qualifications ?? [];
  const scopes = [
    { value: 'centre', label: 'The whole centre' },
    ...qualificationList.map((q) => ({
      value: `qualification:${q.id}`,
      label: `Qualification: ${q.title}`,
    })),
    ...[...new Map(unitList.map((u) => [u.id, u])).values()].map((u) => ({
      value: `unit:${u.id}`,
      label: `Unit: ${u.title}`,
    })),
  ];

  async function save() {
    setBusy(true);
    try {
      const saved = await call('witness:template-save', {
        templateId: isNew ? null : template.id,
        content,
      });
      notifyDone(
        `Saved ${content.name} as version ${saved.version}. New forms use it; earlier testimonies keep theirs.`,
      );
      onSaved();
      onClose();
    } catch (error) {
      notifyError('The template was not saved', error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={isNew ? 'New witness testimony template' : `Edit ${template.name}`}
      size="100%"
    >
      <Stack data-testid="template-editor">
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <TextInput
            label="Template name"
            value={content.name}
            onChange={(e) => setContent({ ...content, name: e.currentTarget.value })}
          />
          <TextInput
            label="Form title"
            value={content.title}
            onChange={(e) => setContent({ ...content, title: e.currentTarget.value })}
          />
          <Select
            label="Used for"
            description="The most specific template wins: unit, then qualification, then centre"
            data={scopes}
            value={scopeValue}
            allowDeselect={false}
            onChange={(value) => {
              if (!value) return;
              const [level, id = ''] = value.split(/:(.*)/s);
              setContent({
                ...content,
                scope:
                  level === 'unit'
                    ? { level: 'unit', unitId: id }
                    : level === 'qualification'
                      ? { level: 'qualification', qualificationId: id }
                      : { level: 'centre' },
              });
            }}
          />
        </SimpleGrid>
        <Textarea
          label="Introduction for the witness"
          autosize
          value={content.introduction}
          onChange={(e) => setContent({ ...content, introduction: e.currentTarget.value })}
        />
        <Textarea
          label="Declaration wording"
          autosize
          value={content.declaration}
          onChange={(e) => setContent({ ...content, declaration: e.currentTarget.value })}
        />
        <Group>
          {content.logo && (
            <Image
              src={`data:${content.logo.mediaType};base64,${content.logo.data}`}
              alt="The centre's logo"
              h={40}
              w="auto"
            />
          )}
          <TextInput
            type="file"
            label="Centre logo (PNG or JPEG)"
            accept="image/png,image/jpeg"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (!file) return;
              const mediaType = file.type === 'image/png' ? 'image/png' : 'image/jpeg';
              void readAsBase64(file).then((data) =>
                setContent((c) => ({ ...c, logo: { mediaType, data } })),
              );
            }}
          />
          {content.logo && (
            <Button variant="subtle" onClick={() => setContent({ ...content, logo: null })}>
              Remove logo
            </Button>
          )}
        </Group>
        <Text fw={600}>Fields</Text>
        <Table withTableBorder data-testid="template-fields">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Label</Table.Th>
              <Table.Th scope="col">Help</Table.Th>
              <Table.Th scope="col">Kind</Table.Th>
              <Table.Th scope="col">Section</Table.Th>
              <Table.Th scope="col">Order</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((f, i) => (
              <Table.Tr key={f.id}>
                <Table.Td>
                  <TextInput
                    aria-label={`Label of field ${i + 1}`}
                    value={f.label}
                    onChange={(e) => change(i, { label: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`Help for field ${i + 1}`}
                    value={f.help ?? ''}
                    onChange={(e) => change(i, { help: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Kind of field ${i + 1}`}
                    data={kinds}
                    value={f.kind}
                    allowDeselect={false}
                    onChange={(v) => v && change(i, { kind: v as TemplateField['kind'] })}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Section of field ${i + 1}`}
                    data={sections}
                    value={f.section}
                    allowDeselect={false}
                    onChange={(v) => v && change(i, { section: v as TemplateField['section'] })}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon
                      variant="default"
                      aria-label={`Move ${f.label} up`}
                      onClick={() => move(i, -1)}
                      disabled={i === 0}
                    >
                      ↑
                    </ActionIcon>
                    <ActionIcon
                      variant="default"
                      aria-label={`Move ${f.label} down`}
                      onClick={() => move(i, 1)}
                      disabled={i === fields.length - 1}
                    >
                      ↓
                    </ActionIcon>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={`Remove ${f.label}`}
                      onClick={() => setFields(fields.filter((_, j) => j !== i))}
                    >
                      Remove
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="space-between">
          <Button
            variant="default"
            onClick={() =>
              setFields([
                ...fields,
                {
                  id: `custom-${Date.now().toString(36)}`,
                  label: 'New question',
                  help: '',
                  kind: 'text',
                  section: 'activity',
                },
              ])
            }
          >
            Add a field
          </Button>
          <Group>
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button onClick={() => void save()} loading={busy}>
              {isNew ? 'Save template' : 'Save as a new version'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
