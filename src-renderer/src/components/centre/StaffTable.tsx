import { Badge, Group, Table } from '@mantine/core';
import type { StaffView } from '../../../../src-main/centre/centre-contract';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { ActionsCell, archiveAction, editAction } from '../common/RowActions';
import { DataTable } from '../common/DataTable';

const roleNames = { assessor: 'Assessor', iqa: 'IQA', eqa: 'EQA' } as const;

function statusOf(member: StaffView): string {
  if (member.assessorStatus === 'qualified') return 'Qualified assessor';
  if (member.assessorStatus === 'working-towards') {
    return `Working towards assessor qualification${member.countersignerName ? `; countersigned by ${member.countersignerName}` : ''}`;
  }
  return '';
}

/** The centre's staff with their roles and assessor status; archiving keeps their records. */
export function StaffTable({
  staff,
  readOnly,
  onEdit,
  onChanged,
}: {
  staff: StaffView[];
  readOnly: boolean;
  onEdit: (member: StaffView) => void;
  onChanged: () => void;
}) {
  const { run } = useAction();
  async function archive(member: StaffView) {
    const changed = await run(
      () => call('staff:update', { personId: member.id, archived: !member.archived }),
      {
        done: member.archived
          ? `Restored ${member.name}.`
          : `Archived ${member.name}; their records are kept.`,
        failed: 'The staff member was not changed',
      },
    );
    if (changed) onChanged();
  }
  return (
    <DataTable striped withTableBorder head={['Name', 'Roles', 'Assessor status', 'Actions']}>
      {staff.map((s) => (
        <StaffRow
          key={s.id}
          member={s}
          readOnly={readOnly}
          onEdit={() => onEdit(s)}
          onArchive={() => void archive(s)}
        />
      ))}
    </DataTable>
  );
}

function StaffRow({
  member: s,
  readOnly,
  onEdit,
  onArchive,
}: {
  member: StaffView;
  readOnly: boolean;
  onEdit: () => void;
  onArchive: () => void;
}) {
  return (
    <Table.Tr>
      <Table.Td>{s.name}</Table.Td>
      <Table.Td miw={110}>
        <Group gap={4}>
          {s.roles.map((r) => (
            <Badge key={r} variant="light" tt="none" style={{ flexShrink: 0 }}>
              {roleNames[r]}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>
        {statusOf(s)}
        {s.archived && (
          <Badge ml="xs" color="gray" variant="light">
            Archived
          </Badge>
        )}
      </Table.Td>
      <ActionsCell
        actions={
          readOnly ? [] : [editAction(s.name, onEdit), archiveAction(s.name, s.archived, onArchive)]
        }
      />
    </Table.Tr>
  );
}
