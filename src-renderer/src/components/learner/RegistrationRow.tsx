import { Badge, Progress, Select, Table, Text } from '@mantine/core';
import type { LearnerDetail } from '../../../../src-main/learner/learner-contract';
import { ActionsCell } from '../common/RowActions';

type Registration = LearnerDetail['registrations'][number];

interface Props {
  registration: Registration;
  assessors: { id: string; name: string }[];
  readOnly: boolean;
  onAssessor: (assessorId: string) => void;
  onWithdrawn: (withdrawn: boolean) => void;
}

/** One unit the learner is registered on: its assessor, how far it has come, and withdrawing. */
export function RegistrationRow({
  registration: r,
  assessors,
  readOnly,
  onAssessor,
  onWithdrawn,
}: Props) {
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500}>
          {r.unitTitle}
        </Text>
        <Text size="xs" c="dimmed">
          {r.unitRef} · version {r.unitVersion}
          {r.qualification ? ` · ${r.qualification}` : ''}
        </Text>
        {r.withdrawn && (
          <Badge color="gray" variant="light">
            Withdrawn
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={`Assessor for ${r.unitTitle}`}
          size="xs"
          value={r.assessorId}
          disabled={readOnly || r.withdrawn}
          allowDeselect={false}
          data={assessors.map((a) => ({ value: a.id, label: a.name }))}
          onChange={(next) => next && onAssessor(next)}
        />
      </Table.Td>
      <Table.Td miw={120}>
        <Text size="xs">
          {r.progress.evidenced} of {r.progress.total}
        </Text>
        <Progress
          value={r.progress.total ? (100 * r.progress.evidenced) / r.progress.total : 0}
          aria-label={`${r.unitTitle}: criteria with evidence`}
          size="sm"
        />
      </Table.Td>
      <Table.Td>
        {r.progress.met} of {r.progress.total}
        {r.progress.signedOff && (
          <Badge ml="xs" color="green" variant="light">
            Signed off
          </Badge>
        )}
      </Table.Td>
      <ActionsCell
        actions={[
          {
            label: r.withdrawn ? 'Register again' : 'Withdraw',
            hidden: readOnly,
            onClick: () => onWithdrawn(!r.withdrawn),
          },
        ]}
      />
    </Table.Tr>
  );
}
