import { Badge, Group, Select } from '@mantine/core';
import { call } from '../api/client';
import { notifyError } from '../api/notify';
import { useOperation } from '../api/use-operation';

/** Who is using the workbench on this computer, and in which role. */
export function UserSwitcher({ onChanged }: { onChanged: () => void }) {
  const session = useOperation('session:get', {});
  const data = session.data;
  if (!data) return null;
  const value = data.user ? `${data.user.personId}|${data.user.role}` : null;
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
          call('session:set-user', { personId, role: role as 'assessor' | 'iqa' | 'eqa' })
            .then(() => {
              session.reload();
              onChanged();
            })
            .catch((error: unknown) => notifyError('Could not change user', error));
        }}
      />
      {data.readOnly && (
        <Badge color="gray" variant="outline">
          Read-only
        </Badge>
      )}
    </Group>
  );
}
