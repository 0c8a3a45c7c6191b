import { FileInput, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { IdentityView } from '../../../../src-main/record/record-contract';
import { call } from '../../api/client';
import { readAsBase64 } from '../../api/local-files';
import { useAction } from '../../api/use-action';
import { ConfirmDialog } from '../ConfirmDialog';
import { FormFooter } from '../common/FormFooter';

export type IdentityDialogMode = 'create' | 'import' | 'revoke';

interface Props {
  mode: IdentityDialogMode;
  person: IdentityView;
  /** This computer can keep passphrases in the system keychain. */
  canSeal: boolean;
  onClose: () => void;
  onChanged: () => void;
}

interface Fields {
  passphrase: string;
  centrePassphrase: string;
  reason: string;
  file: File | null;
}

const titles: Record<IdentityDialogMode, (name: string) => string> = {
  create: (name) => `New signing identity for ${name}`,
  import: (name) => `Import ${name}’s signing identity`,
  revoke: (name) => `Revoke ${name}’s signing identity`,
};

const submitWords: Record<IdentityDialogMode, string> = {
  create: 'Create',
  import: 'Import',
  revoke: 'Revoke',
};

function passphraseHint(mode: IdentityDialogMode, canSeal: boolean): string {
  if (mode !== 'create') return 'The passphrase the file was exported with.';
  return canSeal
    ? 'Leave empty to let this computer make one and keep it in the system keychain.'
    : 'At least 8 characters. It protects the private key; nobody can recover it.';
}

function incomplete(mode: IdentityDialogMode, fields: Fields, canSeal: boolean): boolean {
  if (!fields.centrePassphrase) return true;
  if (mode === 'import') return !fields.file || !fields.passphrase;
  if (mode === 'revoke') return !fields.reason.trim();
  return !fields.passphrase && !canSeal;
}

async function save(mode: IdentityDialogMode, personId: string, f: Fields, canSeal: boolean) {
  const { passphrase, centrePassphrase } = f;
  if (mode === 'create') {
    await call('identity:create', {
      personId,
      ...(passphrase ? { passphrase } : {}),
      centrePassphrase,
    });
  } else if (mode === 'revoke') {
    await call('identity:revoke', { personId, reason: f.reason, centrePassphrase });
  } else if (f.file) {
    await call('identity:import', {
      personId,
      contentBase64: await readAsBase64(f.file),
      passphrase,
      remember: canSeal,
      centrePassphrase,
    });
  }
}

interface FieldsProps {
  mode: IdentityDialogMode;
  person: IdentityView;
  canSeal: boolean;
  fields: Fields;
  set: (change: Partial<Fields>) => void;
}

function IdentityFields({ mode, person, canSeal, fields, set }: FieldsProps) {
  return (
    <>
      {mode === 'import' && (
        <FileInput
          label="PKCS#12 file from the centre"
          placeholder="Choose a .p12 or .pfx file"
          accept=".p12,.pfx"
          value={fields.file}
          onChange={(file) => set({ file })}
        />
      )}
      {mode === 'create' && person.certificate && (
        <Text size="sm">
          This replaces {person.name}&apos;s certificate. The old one is kept, stopped today, and
          the change is on the centre&apos;s audit trail.
        </Text>
      )}
      {mode === 'revoke' && (
        <TextInput
          label="Why it is revoked"
          value={fields.reason}
          onChange={(e) => set({ reason: e.currentTarget.value })}
        />
      )}
      <PasswordInput
        label="Centre certificate passphrase"
        description="Kept by the centre's quality lead: issuing, replacing and revoking identities needs it."
        value={fields.centrePassphrase}
        onChange={(e) => set({ centrePassphrase: e.currentTarget.value })}
        autoComplete="off"
      />
      {mode !== 'revoke' && (
        <PasswordInput
          label="Passphrase"
          description={passphraseHint(mode, canSeal)}
          value={fields.passphrase}
          onChange={(e) => set({ passphrase: e.currentTarget.value })}
          autoComplete="new-password"
        />
      )}
    </>
  );
}

/** Making, importing or revoking one person's signing identity; replacing one is asked first. */
export function IdentityDialog({ mode, person, canSeal, onClose, onChanged }: Props) {
  const [fields, setFields] = useState<Fields>({
    passphrase: '',
    centrePassphrase: '',
    reason: '',
    file: null,
  });
  const [confirming, setConfirming] = useState(false);
  const { busy, run } = useAction();
  const set = (change: Partial<Fields>) => setFields((f) => ({ ...f, ...change }));
  // Making or importing an identity for someone who has one replaces theirs: asked first.
  const replaces = mode !== 'revoke' && person.certificate !== null;

  const submit = async () => {
    const done = await run(() => save(mode, person.personId, fields, canSeal), {
      done:
        mode === 'revoke'
          ? `${person.name}'s signing identity is revoked.`
          : `${person.name} has a signing identity.`,
      failed: 'The signing identity was not saved',
    });
    if (done === undefined) return;
    onClose();
    onChanged();
  };

  return (
    <>
      <Modal opened onClose={onClose} title={titles[mode](person.name)}>
        <Stack>
          <IdentityFields mode={mode} person={person} canSeal={canSeal} fields={fields} set={set} />
          <FormFooter
            submit={replaces ? 'Replace…' : submitWords[mode]}
            onSubmit={() => (replaces ? setConfirming(true) : void submit())}
            onCancel={onClose}
            busy={busy}
            disabled={incomplete(mode, fields, canSeal)}
          />
        </Stack>
      </Modal>
      {confirming && person.certificate && (
        <ConfirmDialog
          title={`Replace ${person.name}’s signing identity?`}
          confirmLabel="Replace the identity"
          danger
          testId="confirm-replace-identity"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void submit();
          }}
        >
          {person.name}&apos;s current certificate (SHA-256{' '}
          {person.certificate.fingerprintSha256.slice(0, 11)}…) stops today and is kept in the
          centre&apos;s register of stopped certificates. Records already signed with it stay valid;
          from now on {person.name} signs with the {mode === 'import' ? 'imported' : 'new'}{' '}
          identity. The change is on the centre&apos;s audit trail.
        </ConfirmDialog>
      )}
    </>
  );
}
