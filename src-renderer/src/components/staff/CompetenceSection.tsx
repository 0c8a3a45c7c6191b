import { Badge, Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { call } from '../../api/client';
import { notifyError } from '../../api/notify';
import { useOperation } from '../../api/use-operation';
import { Loading } from '../Loading';
import type { CompetenceOverview } from '../../../../src-main/competence/staff-record-view';
import { StaffRecordDialog } from './StaffRecordDialog';
import { DataTable } from '../common/DataTable';

const severityColour = { missing: 'gray', expired: 'red', expiring: 'yellow' } as const;

type Person = CompetenceOverview['people'][number];

/** What is missing or expiring for one person, each with how serious it is. */
function CompetenceFlags({ flags }: { flags: Person['flags'] }) {
  return (
    <Stack gap={2}>
      {flags.length === 0 && <Text size="sm">Nothing missing</Text>}
      {flags.map((f) => (
        <Group key={f.message} gap={4} wrap="nowrap">
          <Badge color={severityColour[f.severity]} variant="light" tt="none">
            {f.severity}
          </Badge>
          <Text size="sm">{f.message}</Text>
        </Group>
      ))}
    </Stack>
  );
}

function CompetenceTable({
  people,
  onOpen,
}: {
  people: Person[];
  onOpen: (personId: string) => void;
}) {
  return (
    <DataTable
      striped
      withTableBorder
      head={['Name', 'CPD hours (12 months)', 'Missing or expiring', 'Record']}
    >
      {people.map((p) => (
        <Table.Tr key={p.personId} data-testid={`competence-${p.name}`}>
          <Table.Td>{p.name}</Table.Td>
          <Table.Td>{p.cpdHoursThisYear}</Table.Td>
          <Table.Td>
            <CompetenceFlags flags={p.flags} />
          </Table.Td>
          <Table.Td>
            <Button
              size="xs"
              variant="default"
              onClick={() => onOpen(p.personId)}
              aria-label={`Open ${p.name}'s staff record`}
            >
              Open
            </Button>
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

/** Every member of staff with what an EQA would find missing or expiring, for the Centre page. */
export function CompetenceSection({ readOnly }: { readOnly: boolean }) {
  const overview = useOperation('staff:competence', {});
  const [open, setOpen] = useState<string | null>(null);

  function setPolicy(value: string | null) {
    if (value !== 'warn' && value !== 'block') return;
    call('staff:set-policy', { lapsedQualificationAtSignOff: value })
      .then(overview.reload)
      .catch((error: unknown) => notifyError('The setting was not changed', error));
  }

  return (
    <Loading state={overview} label="Staff competence">
      {(o) => (
        <Card withBorder data-testid="staff-competence">
          <Title order={2} size="h3" mb="xs">
            Staff competence and CPD
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            Qualifications, occupational experience, CPD and checks of each assessor and IQA, as an
            EQA asks for them. Kept in the workspace&apos;s staff folder.
          </Text>
          {o.problems.map((p) => (
            <Text key={p} c="red" size="sm">
              {p}
            </Text>
          ))}
          <CompetenceTable
            people={o.people.filter((p) => !p.archived)}
            onOpen={(personId) => setOpen(personId)}
          />
          <Select
            mt="sm"
            maw={520}
            label="When an assessor's required qualification has lapsed, at sign-off"
            value={o.policy.lapsedQualificationAtSignOff}
            allowDeselect={false}
            disabled={readOnly}
            onChange={setPolicy}
            data={[
              { value: 'warn', label: 'Warn the assessor, and let them sign off' },
              { value: 'block', label: 'Do not allow sign-off until it is renewed' },
            ]}
          />
          {open && (
            <StaffRecordDialog
              personId={open}
              readOnly={readOnly}
              onClose={() => setOpen(null)}
              onChanged={overview.reload}
            />
          )}
        </Card>
      )}
    </Loading>
  );
}
