import { Badge, Modal, Paper, PasswordInput, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { IssuedRecordView } from '../../../../src-main/record/record-contract';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { FormFooter } from '../common/FormFooter';
import { ActionsCell } from '../common/RowActions';
import { formatDateTime, kindLabels } from './record-labels';
import { DataTable } from '../common/DataTable';

interface Props {
  records: IssuedRecordView[];
  canSeal: boolean;
  onPreview: (record: IssuedRecordView) => void;
  onVerify: (record: IssuedRecordView) => void;
  onChanged: () => void;
}

interface CountersignProps {
  record: IssuedRecordView;
  canSeal: boolean;
  onClose: () => void;
  onChanged: () => void;
}

/** Adds the signed-in person's signature after the others on a signed PDF record. */
function CountersignDialog({ record, canSeal, onClose, onChanged }: CountersignProps) {
  const [passphrase, setPassphrase] = useState('');
  const { busy, run } = useAction();
  const countersign = async () => {
    const done = await run(
      () =>
        call('record:countersign', {
          learnerId: record.learnerId,
          recordId: record.recordId,
          ...(passphrase ? { passphrase } : {}),
        }),
      {
        done: (d) => `Record ${d.recordId} countersigned.`,
        failed: 'The record was not countersigned',
      },
    );
    if (!done) return;
    onClose();
    onChanged();
  };
  return (
    <Modal opened onClose={onClose} title={`Countersign record ${record.recordId}`}>
      <Stack>
        <Text size="sm">
          Your signature is added after the others in an incremental update, so every earlier
          signature stays valid.
        </Text>
        <PasswordInput
          label="Passphrase of your signing identity"
          description={canSeal ? 'Leave empty if this computer keeps it for you.' : undefined}
          value={passphrase}
          onChange={(e) => setPassphrase(e.currentTarget.value)}
          autoComplete="off"
          data-testid="countersign-passphrase"
        />
        <FormFooter
          submit="Countersign"
          onSubmit={() => void countersign()}
          onCancel={onClose}
          busy={busy}
          disabled={!passphrase && !canSeal}
        />
      </Stack>
    </Modal>
  );
}

function SignedBy({ record }: { record: IssuedRecordView }) {
  if (record.signatures.length === 0)
    return (
      <Badge color="gray" variant="light">
        Not signed
      </Badge>
    );
  return (
    <>
      {record.signatures.map((s) => (
        <Text key={`${s.name}${s.signedAt}`} size="xs">
          {s.name} ({s.role})
        </Text>
      ))}
    </>
  );
}

interface RowProps {
  record: IssuedRecordView;
  onPreview: (record: IssuedRecordView) => void;
  onVerify: (record: IssuedRecordView) => void;
  onCountersign: (record: IssuedRecordView) => void;
}

function RecordRow({ record: r, onPreview, onVerify, onCountersign }: RowProps) {
  return (
    <Table.Tr data-testid="issued-record">
      <Table.Td>
        <Text size="sm" fw={500}>
          {kindLabels[r.kind]}
        </Text>
        <Text size="xs" c="dimmed">
          {r.recordId} · {r.format.toUpperCase()}
        </Text>
      </Table.Td>
      <Table.Td>{r.unitRef || '—'}</Table.Td>
      <Table.Td>{formatDateTime(r.issuedAt)}</Table.Td>
      <Table.Td>
        <SignedBy record={r} />
      </Table.Td>
      <ActionsCell
        actions={[
          {
            label: 'Preview',
            variant: 'light',
            onClick: () => onPreview(r),
            ariaLabel: `Preview and print ${r.recordId}`,
          },
          {
            label: 'Verify',
            variant: 'light',
            onClick: () => onVerify(r),
            ariaLabel: `Verify ${r.recordId}`,
          },
          {
            label: 'Countersign',
            variant: 'default',
            onClick: () => onCountersign(r),
            ariaLabel: `Countersign ${r.recordId}`,
            hidden: r.format !== 'pdf' || r.signatures.length === 0,
          },
        ]}
      />
    </Table.Tr>
  );
}

/** The records issued from the portfolio, newest first, each with what can be done with it. */
export function IssuedRecords({ records, canSeal, onPreview, onVerify, onChanged }: Props) {
  const [countersigning, setCountersigning] = useState<IssuedRecordView | null>(null);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="issued-records-title">
      <Stack>
        <Title order={2} size="h4" id="issued-records-title">
          Issued records
        </Title>
        {records.length === 0 ? (
          <Text c="dimmed" size="sm">
            No records have been issued for this learner yet.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <DataTable
              striped
              withTableBorder
              testId="issued-records"
              head={['Record', 'Unit', 'Issued', 'Signed by', 'Actions']}
            >
              {records.map((r) => (
                <RecordRow
                  key={r.id}
                  record={r}
                  onPreview={onPreview}
                  onVerify={onVerify}
                  onCountersign={setCountersigning}
                />
              ))}
            </DataTable>
          </Table.ScrollContainer>
        )}
      </Stack>
      {countersigning && (
        <CountersignDialog
          record={countersigning}
          canSeal={canSeal}
          onClose={() => setCountersigning(null)}
          onChanged={onChanged}
        />
      )}
    </Paper>
  );
}
