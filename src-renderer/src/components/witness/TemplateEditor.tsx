import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type {
  StoredTemplate,
  TemplateContentInput,
  TemplateField,
} from '../../../../src-main/witness/template-schema';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { FormFooter } from '../common/FormFooter';
import { TemplateDetails } from './TemplateDetails';
import { newTemplateField, TemplateFieldsTable } from './TemplateFieldsTable';

type Draft = Omit<TemplateContentInput, 'fields'> & { fields: TemplateField[] };

interface Props {
  /** The template to edit (saved as a new version), or the one a new template starts from. */
  template: StoredTemplate;
  isNew: boolean;
  onClose: () => void;
  onSaved: () => void;
}

/** Reword, reorder, add and remove a template's fields; set its scope, wording and logo. */
export function TemplateEditor({ template, isNew, onClose, onSaved }: Props) {
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
  const { busy, run } = useAction();
  const set = (change: Partial<Draft>) => setContent((c) => ({ ...c, ...change }));

  async function save() {
    const saved = await run(
      () => call('witness:template-save', { templateId: isNew ? null : template.id, content }),
      {
        done: (s) =>
          `Saved ${content.name} as version ${s.version}. New forms use it; earlier testimonies keep theirs.`,
        failed: 'The template was not saved',
      },
    );
    if (!saved) return;
    onSaved();
    onClose();
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
        <TemplateDetails content={content} set={set} />
        <Text fw={600}>Fields</Text>
        <TemplateFieldsTable fields={content.fields} onChange={(fields) => set({ fields })} />
        <Group justify="space-between">
          <Button
            variant="default"
            onClick={() => set({ fields: [...content.fields, newTemplateField()] })}
          >
            Add a field
          </Button>
          <FormFooter
            submit={isNew ? 'Save template' : 'Save as a new version'}
            onSubmit={() => void save()}
            onCancel={onClose}
            busy={busy}
          />
        </Group>
      </Stack>
    </Modal>
  );
}
