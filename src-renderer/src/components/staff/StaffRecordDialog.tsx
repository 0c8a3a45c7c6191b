import { Alert, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useOperation } from '../../api/use-operation';
import { formatDate } from '../dates/format';
import { Loading } from '../Loading';
import { StaffEntryForm, type EntryKind } from './StaffEntryForms';

const kindWords: Record<string, string> = {
  'assessor-award': 'Assessor award',
  'iqa-award': 'IQA award',
  occupational: 'Occupational',
  other: 'Other',
};
const decisionWords: Record<string, string> = { met: 'Met', 'not-yet-met': 'Not yet met' };

function Section(props: {
  title: string;
  heads: string[];
  rows: ReactNode[][];
  add?: () => void;
  addLabel: string;
}) {
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Title order={3} size="h5">
          {props.title}
        </Title>
        {props.add && (
          <Button size="xs" variant="default" onClick={props.add}>
            {props.addLabel}
          </Button>
        )}
      </Group>
      {props.rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          None recorded.
        </Text>
      ) : (
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              {props.heads.map((h) => (
                <Table.Th key={h} scope="col">
                  {h}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.rows.map((cells, i) => (
              <Table.Tr key={i}>
                {cells.map((c, j) => (
                  <Table.Td key={j}>{c}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

interface Props {
  personId: string;
  readOnly: boolean;
  onClose: () => void;
  onChanged: () => void;
}

/** One person's qualifications, experience, CPD, checks and standardisation, with forms to add. */
export function StaffRecordDialog({ personId, readOnly, onClose, onChanged }: Props) {
  const view = useOperation('staff:record', { personId });
  const [adding, setAdding] = useState<EntryKind | null>(null);
  const add = (kind: EntryKind) => (readOnly ? undefined : () => setAdding(kind));
  const title = view.data ? `Staff record: ${view.data.name}` : 'Staff record';
  return (
    <Modal opened onClose={onClose} title={title} size="xl">
      <Loading state={view} label="The staff record">
        {(r) =>
          adding ? (
            <StaffEntryForm
              personId={personId}
              kind={adding}
              onCancel={() => setAdding(null)}
              onDone={() => {
                setAdding(null);
                view.reload();
                onChanged();
              }}
            />
          ) : (
            <Stack data-testid="staff-record">
              {r.lapsedWarning && (
                <Alert color="red" title="Required qualification lapsed">
                  {r.lapsedWarning}
                </Alert>
              )}
              <Section
                title="Qualifications"
                heads={['Qualification', 'Kind', 'Status', 'Awarded', 'Expires']}
                addLabel="Add a qualification"
                add={add('qualification')}
                rows={r.record.qualifications
                  .filter((q) => !q.archived)
                  .map((q) => [
                    q.title + (q.required ? ' (required)' : ''),
                    kindWords[q.kind],
                    q.status === 'achieved' ? 'Achieved' : 'Working towards',
                    formatDate(q.awardedOn) || '—',
                    formatDate(q.expiresOn) || 'Does not expire',
                  ])}
              />
              <Section
                title="Occupational experience"
                heads={['Role', 'Organisation', 'From', 'To', 'What it involved']}
                addLabel="Add experience"
                add={add('experience')}
                rows={r.record.experience
                  .filter((e) => !e.archived)
                  .map((e) => [
                    e.role,
                    e.organisation,
                    formatDate(e.from),
                    formatDate(e.to) || 'Now',
                    e.summary,
                  ])}
              />
              <Section
                title="CPD"
                heads={['Date', 'Activity', 'Hours', 'What was learned', 'Files']}
                addLabel="Add a CPD entry"
                add={add('cpd')}
                rows={r.record.cpd
                  .filter((c) => !c.archived)
                  .map((c) => [
                    formatDate(c.date),
                    c.activity,
                    c.hours,
                    c.learned,
                    c.evidence.map((f) => (
                      <Text key={f.sha256} size="xs">
                        {f.path.replace(/^evidence\//, '')} (SHA-256 {f.sha256.slice(0, 12)}…)
                      </Text>
                    )),
                  ])}
              />
              <Section
                title="Checks"
                heads={['Check', 'Checked on', 'Expires', 'Reference']}
                addLabel="Add a check"
                add={add('check')}
                rows={r.record.checks
                  .filter((c) => !c.archived)
                  .map((c) => [
                    c.name,
                    formatDate(c.checkedOn),
                    formatDate(c.expiresOn) || '—',
                    c.reference,
                  ])}
              />
              <Section
                title="Standardisation"
                heads={['Date', 'Unit and criteria', 'Own decision', 'Agreed outcome']}
                addLabel=""
                rows={r.participation.map((p) => [
                  formatDate(p.date),
                  `${p.unitTitle} (${p.criteria.join(', ')})`,
                  p.decision ? decisionWords[p.decision] : 'Attended',
                  `${decisionWords[p.agreed]}${p.matched === false ? ' (differed)' : ''}`,
                ])}
              />
            </Stack>
          )
        }
      </Loading>
    </Modal>
  );
}
