import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  PasswordInput,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { LearnerRetention } from '../../../../src-main/retention/retention-due';
import type { RetentionPolicy } from '../../../../src-main/centre/retention-policy';
import { formatDate } from '../../../../src-main/kernel/dates';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { useOperation } from '../../api/use-operation';
import { Loading } from '../Loading';
import { ActionsCell } from '../common/RowActions';
import {
  RetentionPolicyForm,
  retentionEventWords as eventWords,
  retentionKindWords as kindWords,
} from './RetentionPolicyForm';
import { DataTable } from '../common/DataTable';
import { FormDialog } from '../common/FormDialog';

/** What an erasure takes away and what it must leave, said before anything is done. */
function ErasureScope({ row }: { row: LearnerRetention }) {
  return (
    <>
      <Alert color="red" title="This cannot be undone">
        It removes, from every copy the workbench keeps:
        <List size="sm">
          {row.wouldGo.map((w) => (
            <List.Item key={w}>{w}</List.Item>
          ))}
        </List>
      </Alert>
      <Text size="sm">It keeps:</Text>
      <List size="sm">
        {row.mustStay.map((w) => (
          <List.Item key={w}>{w}</List.Item>
        ))}
      </List>
    </>
  );
}

function EraseDialog({
  row,
  onClose,
  onErased,
}: {
  row: LearnerRetention;
  onClose: () => void;
  onErased: () => void;
}) {
  const [reason, setReason] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const { busy, run } = useAction();
  const scope = row.scope ?? 'evidence';

  async function submit() {
    const done = await run(
      () =>
        call('retention:erase', {
          learnerId: row.learnerId,
          reason,
          scope,
          ...(passphrase ? { passphrase } : {}),
        }),
      {
        done: (r) => `Erased. The signed erasure record is ${r.recordId}.`,
        failed: 'Nothing was erased',
      },
    );
    if (done) {
      onErased();
      onClose();
    }
  }

  return (
    <FormDialog
      title={`Erase ${row.name}'s data`}
      size="lg"
      onClose={onClose}
      onSubmit={() => void submit()}
      submit="Erase"
      busy={busy}
      disabled={!reason.trim() || !confirmed}
      submitTestId="erase-submit"
    >
      <ErasureScope row={row} />
      <Textarea
        label="Why is it being erased?"
        description="Printed on the signed erasure record."
        required
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        data-testid="erase-reason"
      />
      <PasswordInput
        label="Your signing passphrase"
        description="The erasure record is sealed with your signature."
        value={passphrase}
        onChange={(e) => setPassphrase(e.currentTarget.value)}
        data-testid="erase-passphrase"
      />
      <Checkbox
        label={`I have checked that ${row.name}'s data may be erased, and understand it cannot be brought back`}
        checked={confirmed}
        onChange={(e) => setConfirmed(e.currentTarget.checked)}
        data-testid="erase-confirm"
      />
    </FormDialog>
  );
}

function pastText(row: LearnerRetention): string {
  return row.items
    .filter((i) => i.past)
    .map((i) => `${i.words} (ended ${formatDate(i.endsOn)})`)
    .join('; ');
}

/** The periods in one line: each kind of data, its years, and the event they count from. */
function PolicySummary({ policy, defaults }: { policy: RetentionPolicy; defaults: boolean }) {
  return (
    <Text size="sm">
      {(Object.keys(kindWords) as (keyof typeof kindWords)[])
        .map(
          (k) =>
            `${kindWords[k]}: ${policy[k].years} year${policy[k].years === 1 ? '' : 's'} from ${eventWords[policy[k].from]}`,
        )
        .join(' · ')}
      {defaults ? ' (the workbench’s defaults)' : ''}
    </Text>
  );
}

/** Every learner whose data has passed a period, with what would go and what must stay. */
function RetentionTable({
  learners,
  readOnly,
  onErase,
}: {
  learners: LearnerRetention[];
  readOnly: boolean;
  onErase: (row: LearnerRetention) => void;
}) {
  return (
    <DataTable
      withTableBorder
      rows={learners.length}
      empty="No learner’s data has passed its retention period."
      head={['Learner', 'Past its period', 'Would go', 'Must stay', 'Actions']}
    >
      {learners.map((row) => (
        <Table.Tr key={row.learnerId} data-testid={`retention-${row.learnerId}`}>
          <Table.Td>{row.name}</Table.Td>
          <Table.Td>
            {row.scope === null ? (
              <Badge color="gray" variant="light" tt="none">
                Erased {formatDate(row.erasedOn)}
              </Badge>
            ) : (
              pastText(row)
            )}
          </Table.Td>
          <Table.Td>{row.wouldGo.join('; ')}</Table.Td>
          <Table.Td>{row.mustStay.join('; ')}</Table.Td>
          <ActionsCell
            actions={[
              {
                label: 'Erase…',
                color: 'red',
                variant: 'light',
                hidden: readOnly || row.scope === null,
                onClick: () => onErase(row),
                ariaLabel: `Erase ${row.name}'s data`,
              },
            ]}
          />
        </Table.Tr>
      ))}
    </DataTable>
  );
}

/** The centre's retention periods, and every learner whose data has passed one. */
export function RetentionSection({ readOnly }: { readOnly: boolean }) {
  const list = useOperation('retention:list', {});
  const [erasing, setErasing] = useState<LearnerRetention | null>(null);
  const [editing, setEditing] = useState(false);
  return (
    <Stack gap="xs" data-testid="retention-section">
      <Title order={2} size="h3">
        Retention
      </Title>
      <Loading state={list} label="The retention list">
        {(r) => (
          <Stack gap="xs">
            <PolicySummary policy={r.policy} defaults={r.defaults} />
            {!readOnly && (
              <Group>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => setEditing(true)}
                  data-testid="retention-policy-edit"
                >
                  Set the retention periods…
                </Button>
              </Group>
            )}
            {editing && (
              <RetentionPolicyForm
                policy={r.policy}
                onClose={() => setEditing(false)}
                onSaved={list.reload}
              />
            )}
            <RetentionTable learners={r.learners} readOnly={readOnly} onErase={setErasing} />
          </Stack>
        )}
      </Loading>
      {erasing && (
        <EraseDialog row={erasing} onClose={() => setErasing(null)} onErased={list.reload} />
      )}
    </Stack>
  );
}
