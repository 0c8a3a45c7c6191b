import { Checkbox, Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { StaffView } from '../../../../src-main/centre/centre-contract';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { FormDialog } from '../common/FormDialog';

type Role = 'assessor' | 'iqa' | 'eqa';

interface Props {
  staff: StaffView[];
  member?: StaffView;
  onClose: () => void;
  onSaved: () => void;
}

/** Add or edit an assessor, IQA or EQA; an assessor working towards names their countersigner. */
export function StaffForm({ staff, member, onClose, onSaved }: Props) {
  const [name, setName] = useState(member?.name ?? '');
  const [roles, setRoles] = useState<Role[]>(member?.roles ?? ['assessor']);
  const [status, setStatus] = useState<'qualified' | 'working-towards'>(
    member?.assessorStatus ?? 'qualified',
  );
  const current = staff.find(
    (s) => s.name === member?.countersignerName && s.assessorStatus === 'qualified',
  );
  const [countersignerId, setCountersignerId] = useState<string | null>(current?.id ?? null);
  const { busy, run } = useAction();
  const assessor = roles.includes('assessor');

  async function submit() {
    const details = {
      name,
      roles,
      ...(assessor ? { assessorStatus: status } : {}),
      ...(assessor && status === 'working-towards' && countersignerId ? { countersignerId } : {}),
    };
    const saved = await run(
      () =>
        member
          ? call('staff:update', { personId: member.id, ...details })
          : call('staff:add', details),
      { done: `Saved ${name}.`, failed: 'The staff member was not saved' },
    );
    if (saved === undefined) return;
    onSaved();
    onClose();
  }

  return (
    <FormDialog
      title={member ? `Edit ${member.name}` : 'Add a staff member'}
      onClose={onClose}
      onSubmit={() => void submit()}
      submit="Save"
      busy={busy}
    >
      <TextInput
        label="Name"
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        required
      />
      <Checkbox.Group label="Roles" value={roles} onChange={(next) => setRoles(next as Role[])}>
        <Group mt={4}>
          <Checkbox value="assessor" label="Assessor" />
          <Checkbox value="iqa" label="IQA" />
          <Checkbox value="eqa" label="EQA (read-only)" />
        </Group>
      </Checkbox.Group>
      {assessor && (
        <Select
          label="Assessor status"
          value={status}
          allowDeselect={false}
          onChange={(v) => v && setStatus(v as typeof status)}
          data={[
            { value: 'qualified', label: 'Qualified assessor' },
            { value: 'working-towards', label: 'Working towards the assessor qualification' },
          ]}
        />
      )}
      {assessor && status === 'working-towards' && (
        <Select
          label="Countersigned by"
          description="A qualified assessor countersigns their decisions"
          value={countersignerId}
          onChange={setCountersignerId}
          data={staff
            .filter((s) => !s.archived && s.assessorStatus === 'qualified' && s.id !== member?.id)
            .map((s) => ({ value: s.id, label: s.name }))}
          required
        />
      )}
    </FormDialog>
  );
}
