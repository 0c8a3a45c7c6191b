import { Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { StaffView } from '../../../src-main/centre/centre-contract';
import { call } from '../api/client';
import { notifyDone, notifyError } from '../api/notify';
import { useOperation } from '../api/use-operation';
import { StaffForm } from '../components/centre/StaffForm';
import { RetentionSection } from '../components/centre/RetentionSection';
import { ReviewIntervalSection } from '../components/centre/ReviewIntervalSection';
import { WitnessesSection } from '../components/centre/WitnessesSection';
import { TemplatesSection } from '../components/witness/TemplatesSection';
import { Loading } from '../components/Loading';
import { SignaturePolicy } from '../components/marking/SignaturePolicy';
import { CompetenceSection } from '../components/staff/CompetenceSection';
import { StandardisationSection } from '../components/staff/StandardisationSection';

const roleNames = { assessor: 'Assessor', iqa: 'IQA', eqa: 'EQA' } as const;

function statusOf(member: StaffView): string {
  if (member.assessorStatus === 'qualified') return 'Qualified assessor';
  if (member.assessorStatus === 'working-towards') {
    return `Working towards assessor qualification${member.countersignerName ? `; countersigned by ${member.countersignerName}` : ''}`;
  }
  return '';
}

export function CentrePage() {
  const centre = useOperation('centre:get', {});
  const session = useOperation('session:get', {});
  const readOnly = session.data?.readOnly ?? true;
  const [editing, setEditing] = useState<StaffView | 'new' | null>(null);

  function archive(member: StaffView) {
    call('staff:update', { personId: member.id, archived: !member.archived })
      .then(() => {
        notifyDone(
          member.archived
            ? `Restored ${member.name}.`
            : `Archived ${member.name}; their records are kept.`,
        );
        centre.reload();
      })
      .catch((error: unknown) => notifyError('The staff member was not changed', error));
  }

  return (
    <Loading state={centre} label="The centre">
      {(c) => (
        <Stack>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <Card withBorder>
              <Text size="sm" c="dimmed">
                Centre
              </Text>
              <Text fw={600} data-testid="centre-name">
                {c.name}
              </Text>
              <Text size="sm">Centre number: {c.number || 'not recorded'}</Text>
              {c.demo && (
                <Badge mt="xs" color="orange" variant="light">
                  Demo data: not real learners
                </Badge>
              )}
            </Card>
            <Card withBorder>
              <Text size="sm" c="dimmed">
                Awarding bodies
              </Text>
              <Text fw={600}>{c.awardingBodies.join(', ') || 'None recorded'}</Text>
            </Card>
            <Card withBorder>
              <Text size="sm" c="dimmed">
                In this workspace
              </Text>
              <Text fw={600} data-testid="centre-counts">
                {c.learnerCount} learners · {c.unitCount} units
              </Text>
            </Card>
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            Workspace folder: <span data-testid="workspace-dir">{c.workspaceDir}</span>
          </Text>
          <Group justify="space-between">
            <Title order={2} size="h3">
              Staff
            </Title>
            {!readOnly && <Button onClick={() => setEditing('new')}>Add staff member</Button>}
          </Group>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Roles</Table.Th>
                <Table.Th scope="col">Assessor status</Table.Th>
                <Table.Th scope="col">Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.staff.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.name}</Table.Td>
                  <Table.Td miw={110}>
                    <Group gap={4}>
                      {s.roles.map((r) => (
                        <Badge key={r} variant="light" tt="none" style={{ flexShrink: 0 }}>
                          {roleNames[r]}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {statusOf(s)}
                    {s.archived && (
                      <Badge ml="xs" color="gray" variant="light">
                        Archived
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {!readOnly && (
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setEditing(s)}
                          aria-label={`Edit ${s.name}`}
                        >
                          Edit
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          onClick={() => archive(s)}
                          aria-label={`${s.archived ? 'Restore' : 'Archive'} ${s.name}`}
                        >
                          {s.archived ? 'Restore' : 'Archive'}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <CompetenceSection readOnly={readOnly} />
          <StandardisationSection readOnly={readOnly} />
          <WitnessesSection readOnly={readOnly} />
          <TemplatesSection readOnly={readOnly} />
          <SignaturePolicy
            allowTyped={c.allowTypedSignatures}
            readOnly={readOnly}
            onChanged={centre.reload}
          />
          <ReviewIntervalSection
            weeks={c.reviewIntervalWeeks}
            readOnly={readOnly}
            onChanged={centre.reload}
          />
          <RetentionSection readOnly={readOnly} />
          {editing && (
            <StaffForm
              staff={c.staff}
              member={editing === 'new' ? undefined : editing}
              onClose={() => setEditing(null)}
              onSaved={centre.reload}
            />
          )}
        </Stack>
      )}
    </Loading>
  );
}
