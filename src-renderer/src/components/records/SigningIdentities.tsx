import {
  Button,
  FileInput,
  Group,
  Modal,
  Paper,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { IdentityList, IdentityView } from '../../../../src-main/record/record-contract';
import { call } from '../../api/client';
import { notifyDone, notifyError } from '../../api/notify';
import { readAsBase64, saveFile } from '../../api/local-files';
import { ConfirmDialog } from '../ConfirmDialog';
import { formatDate } from '../dates/format';

type Dialog = { mode: 'create' | 'import' | 'revoke'; person: IdentityView } | null;

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
  const [passphrase, setPassphrase] = useState('');
  const [centrePassphrase, setCentrePassphrase] = useState('');
  const [reason, setReason] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // Making or importing an identity for someone who has one replaces theirs: asked first.
  const replaces =
    dialog !== null && dialog.mode !== 'revoke' && dialog.person.certificate !== null;

  const close = () => {
    setDialog(null);
    setPassphrase('');
    setCentrePassphrase('');
    setReason('');
    setFile(null);
    setConfirming(false);
  };

  const submit = async () => {
    if (!dialog) return;
    setBusy(true);
    try {
      if (dialog.mode === 'create') {
        await call('identity:create', {
          personId: dialog.person.personId,
          ...(passphrase ? { passphrase } : {}),
          centrePassphrase,
        });
      } else if (dialog.mode === 'revoke') {
        await call('identity:revoke', {
          personId: dialog.person.personId,
          reason,
          centrePassphrase,
        });
      } else if (file) {
        await call('identity:import', {
          personId: dialog.person.personId,
          contentBase64: await readAsBase64(file),
          passphrase,
          remember: list.canSealPassphrases,
          centrePassphrase,
        });
      }
      notifyDone(
        dialog.mode === 'revoke'
          ? `${dialog.person.name}'s signing identity is revoked.`
          : `${dialog.person.name} has a signing identity.`,
      );
      close();
      onChanged();
    } catch (error) {
      notifyError('The signing identity was not saved', error);
    } finally {
      setBusy(false);
    }
  };

  const exportCentre = async (part: 'certificate' | 'revocations') => {
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
  };

  const exportAs = async (person: IdentityView, format: 'pem' | 'der') => {
    try {
      const cert = await call('identity:export', { personId: person.personId, format });
      saveFile(cert.fileName, cert.mediaType, cert.contentBase64);
    } catch (error) {
      notifyError('The certificate was not exported', error);
    }
  };

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
        <Group>
          <Button size="xs" variant="default" onClick={() => void exportCentre('certificate')}>
            Export the centre certificate (PEM)
          </Button>
          <Button size="xs" variant="default" onClick={() => void exportCentre('revocations')}>
            Export the revocation list
          </Button>
        </Group>
        <Table.ScrollContainer minWidth={700}>
          <Table withTableBorder data-testid="identities">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Person</Table.Th>
                <Table.Th>Certificate</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.people.map((p) => (
                <Table.Tr key={p.personId}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {p.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {p.roles.join(', ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {p.certificate ? (
                      <>
                        <Text size="xs">
                          {p.certificate.selfSigned
                            ? 'Self-signed'
                            : `Issued by ${p.certificate.issuer}`}
                          , valid to {formatDate(p.certificate.validTo)}
                        </Text>
                        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                          SHA-256 {p.certificate.fingerprintSha256}
                        </Text>
                      </>
                    ) : (
                      <Text size="xs" c="dimmed">
                        None yet
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {!readOnly && (
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => setDialog({ mode: 'create', person: p })}
                          aria-label={
                            p.certificate
                              ? `Replace ${p.name}’s signing identity`
                              : `Create a signing identity for ${p.name}`
                          }
                        >
                          {p.certificate ? 'Replace' : 'Create'}
                        </Button>
                      )}
                      {!readOnly && (
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => setDialog({ mode: 'import', person: p })}
                          aria-label={`Import a .p12 for ${p.name}`}
                        >
                          Import .p12
                        </Button>
                      )}
                      {p.certificate && (
                        <>
                          {!readOnly && (
                            <Button
                              size="xs"
                              variant="light"
                              color="red"
                              onClick={() => setDialog({ mode: 'revoke', person: p })}
                              aria-label={`Revoke ${p.name}’s signing identity`}
                            >
                              Revoke
                            </Button>
                          )}
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => void exportAs(p, 'pem')}
                            aria-label={`Export ${p.name}’s certificate as PEM`}
                          >
                            PEM
                          </Button>
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => void exportAs(p, 'der')}
                            aria-label={`Export ${p.name}’s certificate as DER`}
                          >
                            DER
                          </Button>
                        </>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
      <Modal
        opened={dialog !== null}
        onClose={close}
        title={
          dialog?.mode === 'import'
            ? `Import ${dialog.person.name}’s signing identity`
            : dialog?.mode === 'revoke'
              ? `Revoke ${dialog.person.name}’s signing identity`
              : `New signing identity for ${dialog?.person.name ?? ''}`
        }
      >
        <Stack>
          {dialog?.mode === 'import' && (
            <FileInput
              label="PKCS#12 file from the centre"
              placeholder="Choose a .p12 or .pfx file"
              accept=".p12,.pfx"
              value={file}
              onChange={setFile}
            />
          )}
          {dialog?.mode === 'create' && dialog.person.certificate && (
            <Text size="sm">
              This replaces {dialog.person.name}&apos;s certificate. The old one is kept, stopped
              today, and the change is on the centre&apos;s audit trail.
            </Text>
          )}
          {dialog?.mode === 'revoke' && (
            <TextInput
              label="Why it is revoked"
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
          )}
          <PasswordInput
            label="Centre certificate passphrase"
            description="Kept by the centre's quality lead: issuing, replacing and revoking identities needs it."
            value={centrePassphrase}
            onChange={(e) => setCentrePassphrase(e.currentTarget.value)}
            autoComplete="off"
          />
          {dialog?.mode !== 'revoke' && (
            <PasswordInput
              label="Passphrase"
              description={
                dialog?.mode === 'create'
                  ? list.canSealPassphrases
                    ? 'Leave empty to let this computer make one and keep it in the system keychain.'
                    : 'At least 8 characters. It protects the private key; nobody can recover it.'
                  : 'The passphrase the file was exported with.'
              }
              value={passphrase}
              onChange={(e) => setPassphrase(e.currentTarget.value)}
              autoComplete="new-password"
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              onClick={() => (replaces ? setConfirming(true) : void submit())}
              loading={busy}
              disabled={
                !centrePassphrase ||
                (dialog?.mode === 'import'
                  ? !file || !passphrase
                  : dialog?.mode === 'revoke'
                    ? !reason.trim()
                    : !passphrase && !list.canSealPassphrases)
              }
            >
              {replaces
                ? 'Replace…'
                : dialog?.mode === 'import'
                  ? 'Import'
                  : dialog?.mode === 'revoke'
                    ? 'Revoke'
                    : 'Create'}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {confirming && dialog?.person.certificate && (
        <ConfirmDialog
          title={`Replace ${dialog.person.name}’s signing identity?`}
          confirmLabel="Replace the identity"
          danger
          testId="confirm-replace-identity"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void submit();
          }}
        >
          {dialog.person.name}&apos;s current certificate (SHA-256{' '}
          {dialog.person.certificate.fingerprintSha256.slice(0, 11)}…) stops today and is kept in
          the centre&apos;s register of stopped certificates. Records already signed with it stay
          valid; from now on {dialog.person.name} signs with the{' '}
          {dialog.mode === 'import' ? 'imported' : 'new'} identity. The change is on the
          centre&apos;s audit trail.
        </ConfirmDialog>
      )}
    </Paper>
  );
}
