import { Badge, Button, Group, Select } from '@mantine/core';
import { call } from '../api/client';
import { notifyError } from '../api/notify';
import { useOperation } from '../api/use-operation';
import { UnlockDialog, useUnlock } from './UnlockDialog';

/**
 * Who is using the workbench on this computer, and in which role. An assessor or IQA proves it
 * with their signing passphrase, once a session; an EQA, who only reads, is simply chosen.
 */
export function UserSwitcher({ onChanged }: { onChanged: () => void }) {
  const session = useOperation('session:get', {});
  const done = () => {
    session.reload();
    onChanged();
  };
  const data = session.data;
  const unlock = useUnlock(data?.canSealPassphrases ?? false, done);
  if (!data) return null;
  const value = data.user ? `${data.user.personId}|${data.user.role}` : null;

  const choose = (next: string | null) => {
    if (!next) return;
    const [personId = '', role = ''] = next.split('|');
    const chosen = data.choices.find((c) => c.personId === personId && c.role === role);
    if (!chosen) return;
    if (chosen.role !== 'eqa') {
      unlock.ask(chosen);
      return;
    }
    call('session:set-user', { personId, role: 'eqa' })
      .then(done)
      .catch((error: unknown) => notifyError('Could not change user', error));
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
        onChange={choose}
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
          onClick={() => data.user && unlock.ask(data.user)}
        >
          Unlock to sign
        </Button>
      )}
      <UnlockDialog unlock={unlock} canSeal={data.canSealPassphrases} />
    </Group>
  );
}
