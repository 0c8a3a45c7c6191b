import { Checkbox, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { call } from '../api/client';
import { FormFooter } from './common/FormFooter';

export interface Choice {
  personId: string;
  name: string;
  role: 'assessor' | 'iqa' | 'eqa';
}

/** Asking for a person's signing passphrase: who is asked, what they typed, what went wrong. */
export function useUnlock(canSeal: boolean, onUnlocked: () => void) {
  const [asking, setAsking] = useState<Choice | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [remember, setRemember] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const ask = (choice: Choice) => {
    setPassphrase('');
    setRemember(false);
    setProblem(null);
    setAsking(choice);
  };
  // The problem is shown inside the dialog, beside the passphrase, rather than as a toast.
  const unlock = async (event: FormEvent) => {
    event.preventDefault();
    if (!asking) return;
    setBusy(true);
    setProblem(null);
    try {
      await call('session:set-user', {
        personId: asking.personId,
        role: asking.role,
        ...(passphrase ? { passphrase } : {}),
        remember: canSeal && remember,
      });
      setAsking(null);
      setPassphrase('');
      onUnlocked();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  const close = () => setAsking(null);
  return {
    asking,
    ask,
    close,
    passphrase,
    setPassphrase,
    remember,
    setRemember,
    problem,
    busy,
    unlock,
  };
}

type Unlock = ReturnType<typeof useUnlock>;

/** The passphrase that unlocks a person's signing key for this session. */
export function UnlockDialog({ unlock: u, canSeal }: { unlock: Unlock; canSeal: boolean }) {
  return (
    <Modal
      opened={u.asking !== null}
      onClose={u.close}
      title={u.asking ? `Work as ${u.asking.name}` : ''}
    >
      <form onSubmit={(e) => void u.unlock(e)}>
        <Stack>
          <Text size="sm">
            Enter the passphrase of {u.asking?.name}&apos;s signing identity. It unlocks their key
            for this session, so each sign-off, unlock, countersignature and review they record is
            signed by them.
          </Text>
          <PasswordInput
            label="Signing passphrase"
            description={canSeal ? 'Leave empty if this computer keeps it for you.' : undefined}
            data-testid="session-passphrase"
            value={u.passphrase}
            onChange={(e) => u.setPassphrase(e.currentTarget.value)}
            autoComplete="off"
            data-autofocus
          />
          {canSeal && (
            <Checkbox
              label="Keep it on this computer, protected by the system keychain"
              checked={u.remember}
              onChange={(e) => u.setRemember(e.currentTarget.checked)}
            />
          )}
          {u.problem && (
            <Text size="sm" c="red" role="alert" data-testid="session-problem">
              {u.problem}
            </Text>
          )}
          <FormFooter
            submit="Unlock"
            onCancel={u.close}
            busy={u.busy}
            submitTestId="session-unlock-submit"
          />
        </Stack>
      </form>
    </Modal>
  );
}
