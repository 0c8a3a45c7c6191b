import { Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { StoredTemplate } from '../../../../src-main/witness/template-schema';
import { useOperation } from '../../api/use-operation';
import { ActionsCell, editAction } from '../common/RowActions';
import { TemplateEditor } from './TemplateEditor';
import { DataTable } from '../common/DataTable';

function scopeOf(t: StoredTemplate): string {
  if (t.scope.level === 'centre') return 'Whole centre';
  if (t.scope.level === 'unit') return `Unit ${t.scope.unitId}`;
  return `Qualification ${t.scope.qualificationId}`;
}

/** The centre's witness testimony templates: each edit is a new version. */
export function TemplatesSection({ readOnly }: { readOnly: boolean }) {
  const templates = useOperation('witness:templates', {});
  const [editing, setEditing] = useState<{ template: StoredTemplate; isNew: boolean } | null>(null);
  const latest = templates.data?.latest ?? [];
  const versions = templates.data?.versions ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h3">
          Witness testimony templates
        </Title>
      </Group>
      <Text size="sm" c="dimmed">
        New forms use the most specific template for the learner’s unit. Each edit saves a new
        version; a testimony keeps the version it was made from.
      </Text>
      <DataTable
        striped
        withTableBorder
        testId="template-table"
        head={['Template', 'Used for', 'Version', 'Actions']}
      >
        {latest.map((t) => (
          <Table.Tr key={t.id}>
            <Table.Td>
              {t.name}{' '}
              {t.id === 'default' && (
                <Badge variant="light" color="gray">
                  Built in
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{scopeOf(t)}</Table.Td>
            <Table.Td>
              v{t.version} ({versions.filter((v) => v.id === t.id).length} kept)
            </Table.Td>
            <ActionsCell
              actions={
                readOnly
                  ? []
                  : [
                      editAction(t.name, () => setEditing({ template: t, isNew: false })),
                      {
                        label: 'Copy as new',
                        ariaLabel: `Copy ${t.name} as a new template`,
                        onClick: () => setEditing({ template: t, isNew: true }),
                      },
                    ]
              }
            />
          </Table.Tr>
        ))}
      </DataTable>
      {editing && (
        <TemplateEditor
          template={editing.template}
          isNew={editing.isNew}
          onClose={() => setEditing(null)}
          onSaved={templates.reload}
        />
      )}
    </Stack>
  );
}
