import { Alert, Badge, List, Stack, Table, Text } from '@mantine/core';
import type { RecordCheck } from '../../../../src-main/record/record-contract';
import { formatDate, formatDateTime, formatFileName } from '../dates/format';
import { DataTable } from '../common/DataTable';

type Signature = RecordCheck['signatures'][number];

/** Who signed, under which certificate, and whether the record still holds under it. */
function SignatureRow({ signature: s }: { signature: Signature }) {
  return (
    <Table.Tr>
      <Table.Td>{s.number}</Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {s.signerName}
        </Text>
        <Text size="xs" c="dimmed">
          {[s.role, s.organisation].filter(Boolean).join(', ')}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{s.signingTime ? formatDateTime(s.signingTime) : 'Not given'}</Text>
        <Text size="xs" c="dimmed">
          {s.reason}
        </Text>
      </Table.Td>
      <Table.Td>
        {s.certificate ? (
          <>
            <Text size="xs">
              {s.certificate.selfSigned ? 'Self-signed' : `Issued by ${s.certificate.issuer}`},
              valid to {formatDate(s.certificate.validTo)}
              {s.knownToWorkspace ? '; one of this centre’s identities' : ''}
            </Text>
            <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
              SHA-256 {s.certificate.fingerprintSha256}
            </Text>
          </>
        ) : (
          'Unreadable'
        )}
      </Table.Td>
      <Table.Td>
        <Badge color={s.ok ? 'green' : 'red'} variant="light">
          {s.ok ? 'Valid' : s.intact ? 'Not valid' : 'Changed'}
        </Badge>
      </Table.Td>
    </Table.Tr>
  );
}

function SignaturesTable({ signatures }: { signatures: Signature[] }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <DataTable
        striped
        withTableBorder
        testId="verify-signatures"
        caption="Signatures, in the order they were added"
        head={['#', 'Signer', 'Signed', 'Certificate', 'Integrity']}
      >
        {signatures.map((s) => (
          <SignatureRow key={s.number} signature={s} />
        ))}
      </DataTable>
    </Table.ScrollContainer>
  );
}

/** Whether each evidence file fingerprinted in the record is still the same. */
function EvidenceFiles({ evidence }: { evidence: NonNullable<RecordCheck['evidence']> }) {
  return (
    <Stack gap={4} data-testid="verify-evidence">
      <Text size="sm" fw={500}>
        Evidence files: {evidence.filter((e) => e.status === 'unchanged').length} of{' '}
        {evidence.length} unchanged
      </Text>
      <List size="sm">
        {evidence.map((e) => (
          <List.Item key={e.fileName}>
            {formatFileName(e.fileName)}: {e.status}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** What a check found, in the order an EQA reads it: verdict, signatures, evidence, problems. */
export function VerifyResult({ check, fileName }: { check: RecordCheck; fileName: string }) {
  return (
    <Stack data-testid="verify-result" aria-live="polite">
      <Alert
        color={check.ok ? 'green' : 'red'}
        title={
          check.ok ? `${fileName}: everything holds` : `${fileName}: this record does not hold`
        }
      >
        {check.recordId && (
          <Text size="sm">
            Record {check.recordId}
            {check.learnerName ? ` for ${check.learnerName}` : ''}
          </Text>
        )}
        {check.problems.length > 0 && (
          <List size="sm" data-testid="verify-problems">
            {check.problems.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        )}
      </Alert>
      {check.signatures.length > 0 && <SignaturesTable signatures={check.signatures} />}
      {check.evidence && <EvidenceFiles evidence={check.evidence} />}
      {check.notes.map((n) => (
        <Text key={n} size="sm" c="dimmed">
          {n}
        </Text>
      ))}
    </Stack>
  );
}
