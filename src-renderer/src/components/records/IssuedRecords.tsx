import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  PasswordInput,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { IssuedRecordView } from '../../../../src-main/record/record-contract';
import { call } from '../../api/client';
import { notifyDone, notifyError } from '../../api/notify';
import { formatDateTime, kindLabels } from './record-labels';

interface Props {
  records: IssuedRecordView[];
  canSeal: boolean;
  onPreview: (record: IssuedRecordView) => void;
  onVerify: (record: IssuedRecordView) => void;
  onChanged: () => void;
}

/** The records issued from the portfolio, newest first, each with what can be done with it. */
export function IssuedRecords({ records, canSeal, onPreview, onVerify, onChanged }: Props) {
  const [countersigning, setCountersigning] = useState<IssuedRecordView | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);

  const countersign = async () => {
    if (!countersigning) return;
    setBusy(true);
    try {
      const done = await call('record:countersign', {
        learnerId: countersigning.learnerId,
        recordId: countersigning.recordId,
        ...(passphrase ? { passphrase } : {}),
      });
      notifyDone(`Record ${done.recordId} countersigned.`);
      setCountersigning(null);
      setPassphrase('');
      onChanged();
    } catch (error) {
      notifyError('The record was not countersigned', error);
    } finally {
      setBusy(false);
    }
  };

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
            <Table striped withTableBorder data-testid="issued-records">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Record</Table.Th>
                  <Table.Th>Unit</Table.Th>
                  <Table.Th>Issued</Table.Th>
                  <Table.Th>Signed by</Table.Th>
                  <Table.Th>Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {records.map((r) => (
                  <Table.Tr key={r.id} data-testid="issued-record">
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
                      {r.signatures.length === 0 ? (
                        <Badge color="gray" variant="light">
                          Not signed
                        </Badge>
                      ) : (
                        r.signatures.map((s) => (
                          <Text key={`${s.name}${s.signedAt}`} size="xs">
                            {s.name} ({s.role})
                          </Text>
                        ))
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => onPreview(r)}
                          aria-label={`Preview and print ${r.recordId}`}
                        >
                          Preview
                        </Button>
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => onVerify(r)}
                          aria-label={`Verify ${r.recordId}`}
                        >
                          Verify
                        </Button>
                        {r.format === 'pdf' && r.signatures.length > 0 && (
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setCountersigning(r)}
                            aria-label={`Countersign ${r.recordId}`}
                          >
                            Countersign
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <Modal
        opened={countersigning !== null}
        onClose={() => setCountersigning(null)}
        title={`Countersign record ${countersigning?.recordId ?? ''}`}
      >
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
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setCountersigning(null)}>
              Cancel
            </Button>
            <Button
              onClick={() => void countersign()}
              loading={busy}
              disabled={!passphrase && !canSeal}
            >
              Countersign
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
