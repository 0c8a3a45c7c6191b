import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  PasswordInput,
  Select,
  Stack,
  Text,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { call } from '../api/client';
import { notifyError } from '../api/notify';
import { useOperation } from '../api/use-operation';

type Role = 'assessor' | 'iqa' | 'eqa';
interface Choice {
  personId: string;
  name: string;
  role: Role;
}

/**
 * Who is using the workbench on this computer, and in which role. An assessor or IQA proves it
 * with their signing passphrase, once a session; an EQA, who only reads, is simply chosen.
 */
export function UserSwitcher({ onChanged }: { onChanged: () => void }) {
  const session = useOperation('session:get', {});
  const [asking, setAsking] = useState<Choice | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [remember, setRemember] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const data = session.data;
  if (!data) return null;
  const value = data.user ? `${data.user.personId}|${data.user.role}` : null;

  const done = () => {
    session.reload();
    onChanged();
  };
  const ask = (choice: Choice) => {
    setPassphrase('');
    setRemember(false);
    setProblem(null);
    setAsking(choice);
  };
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
        remember: data.canSealPassphrases && remember,
      });
      setAsking(null);
      setPassphrase('');
      done();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Group gap="xs" wrap="nowrap">
      <Select
        aria-label="Current user and role"
        size="xs"
        w={380}
        value={value}
        allowDeselect={false}
        data={data.choices.map((c) => ({
          value: `${c.personId}|${c.role}`,
          label: `${c.name} · ${c.roleLabel}`,
        }))}
        onChange={(next) => {
          if (!next) return;
          const [personId = '', role = ''] = next.split('|');
          const chosen = data.choices.find((c) => c.personId === personId && c.role === role);
          if (!chosen) return;
          if (chosen.role !== 'eqa') {
            ask(chosen);
            return;
          }
          call('session:set-user', { personId, role: 'eqa' })
            .then(done)
            .catch((error: unknown) => notifyError('Could not change user', error));
        }}
      />
      {data.readOnly && (
        <Badge color="gray" variant="outline">
          Read-only
        </Badge>
      )}
      {data.user && !data.readOnly && !data.unlocked && (
        <Button
          size="compact-xs"
          variant="light"
          color="orange"
          data-testid="session-unlock"
          onClick={() => data.user && ask(data.user)}
        >
          Unlock to sign
        </Button>
      )}
      <Modal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={asking ? `Work as ${asking.name}` : ''}
      >
        <form onSubmit={(e) => void unlock(e)}>
          <Stack>
            <Text size="sm">
              Enter the passphrase of {asking?.name}&apos;s signing identity. It unlocks their key
              for this session, so each sign-off, unlock, countersignature and review they record is
              signed by them.
            </Text>
            <PasswordInput
              label="Signing passphrase"
              description={
                data.canSealPassphrases
                  ? 'Leave empty if this computer keeps it for you.'
                  : undefined
              }
              data-testid="session-passphrase"
              value={passphrase}
              onChange={(e) => setPassphrase(e.currentTarget.value)}
              autoComplete="off"
              data-autofocus
            />
            {data.canSealPassphrases && (
              <Checkbox
                label="Keep it on this computer, protected by the system keychain"
                checked={remember}
                onChange={(e) => setRemember(e.currentTarget.checked)}
              />
            )}
            {problem && (
              <Text size="sm" c="red" role="alert" data-testid="session-problem">
                {problem}
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAsking(null)}>
                Cancel
              </Button>
              <Button type="submit" loading={busy} data-testid="session-unlock-submit">
                Unlock
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Group>
  );
}
