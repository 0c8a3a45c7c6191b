import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { IdentityList, IdentityView } from '../../../../src-main/record/record-contract';
import { call } from '../../api/client';
import { notifyError } from '../../api/notify';
import { saveFile } from '../../api/local-files';
import { ActionsCell } from '../common/RowActions';
import { formatDate } from '../dates/format';
import { IdentityDialog, type IdentityDialogMode } from './IdentityDialog';
import { DataTable } from '../common/DataTable';

type Dialog = { mode: IdentityDialogMode; person: IdentityView } | null;

async function exportCentre(part: 'certificate' | 'revocations') {
  try {
    const cert = await call('identity:export-centre', { part });
    saveFile(cert.fileName, cert.mediaType, cert.contentBase64);
  } catch (error) {
    notifyError(
      part === 'certificate'
        ? 'The centre certificate was not exported'
        : 'The revocation list was not exported',
      error,
    );
  }
}

async function exportAs(person: IdentityView, format: 'pem' | 'der') {
  try {
    const cert = await call('identity:export', { personId: person.personId, format });
    saveFile(cert.fileName, cert.mediaType, cert.contentBase64);
  } catch (error) {
    notifyError('The certificate was not exported', error);
  }
}

function CertificateCell({ certificate }: { certificate: IdentityView['certificate'] }) {
  if (!certificate)
    return (
      <Text size="xs" c="dimmed">
        None yet
      </Text>
    );
  return (
    <>
      <Text size="xs">
        {certificate.selfSigned ? 'Self-signed' : `Issued by ${certificate.issuer}`}, valid to{' '}
        {formatDate(certificate.validTo)}
      </Text>
      <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
        SHA-256 {certificate.fingerprintSha256}
      </Text>
    </>
  );
}

interface RowProps {
  person: IdentityView;
  readOnly: boolean;
  onOpen: (mode: IdentityDialogMode) => void;
}

function IdentityRow({ person: p, readOnly, onOpen }: RowProps) {
  const has = p.certificate !== null;
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500}>
          {p.name}
        </Text>
        <Text size="xs" c="dimmed">
          {p.roles.join(', ')}
        </Text>
      </Table.Td>
      <Table.Td>
        <CertificateCell certificate={p.certificate} />
      </Table.Td>
      <ActionsCell
        actions={[
          {
            label: has ? 'Replace' : 'Create',
            variant: 'light',
            onClick: () => onOpen('create'),
            ariaLabel: has
              ? `Replace ${p.name}’s signing identity`
              : `Create a signing identity for ${p.name}`,
            hidden: readOnly,
          },
          {
            label: 'Import .p12',
            variant: 'light',
            onClick: () => onOpen('import'),
            ariaLabel: `Import a .p12 for ${p.name}`,
            hidden: readOnly,
          },
          {
            label: 'Revoke',
            variant: 'light',
            color: 'red',
            onClick: () => onOpen('revoke'),
            ariaLabel: `Revoke ${p.name}’s signing identity`,
            hidden: readOnly || !has,
          },
          {
            label: 'PEM',
            variant: 'default',
            onClick: () => void exportAs(p, 'pem'),
            ariaLabel: `Export ${p.name}’s certificate as PEM`,
            hidden: !has,
          },
          {
            label: 'DER',
            variant: 'default',
            onClick: () => void exportAs(p, 'der'),
            ariaLabel: `Export ${p.name}’s certificate as DER`,
            hidden: !has,
          },
        ]}
      />
    </Table.Tr>
  );
}

function CentreExports() {
  return (
    <Group>
      <Button size="xs" variant="default" onClick={() => void exportCentre('certificate')}>
        Export the centre certificate (PEM)
      </Button>
      <Button size="xs" variant="default" onClick={() => void exportCentre('revocations')}>
        Export the revocation list
      </Button>
    </Group>
  );
}

/** Each assessor's and IQA's signing identity: make one, import the centre's, export the certificate. */
export function SigningIdentities({
  list,
  readOnly,
  onChanged,
}: {
  list: IdentityList;
  /** An EQA looks, and is shown no button that would only be refused. */
  readOnly: boolean;
  onChanged: () => void;
}) {
  const [dialog, setDialog] = useState<Dialog>(null);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="identities-title">
      <Stack>
        <Title order={2} size="h4" id="identities-title">
          Signing identities
        </Title>
        <Text size="sm" c="dimmed">
          Each assessor and IQA signs with their own certificate, issued by the centre certificate.
          Creating, replacing or revoking one needs the centre certificate&apos;s passphrase; a
          replaced or revoked certificate is kept with the date it stopped. Give an EQA the centre
          certificate, the one thing they need to trust every signature, and the revocation list
          signed by the centre key, kept beside it, so they can tell a signature made after its
          certificate stopped.
        </Text>
        <CentreExports />
        <Table.ScrollContainer minWidth={700}>
          <DataTable
            withTableBorder
            testId="identities"
            head={['Person', 'Certificate', 'Actions']}
          >
            {list.people.map((p) => (
              <IdentityRow
                key={p.personId}
                person={p}
                readOnly={readOnly}
                onOpen={(mode) => setDialog({ mode, person: p })}
              />
            ))}
          </DataTable>
        </Table.ScrollContainer>
      </Stack>
      {dialog && (
        <IdentityDialog
          mode={dialog.mode}
          person={dialog.person}
          canSeal={list.canSealPassphrases}
          onClose={() => setDialog(null)}
          onChanged={onChanged}
        />
      )}
    </Paper>
  );
}
