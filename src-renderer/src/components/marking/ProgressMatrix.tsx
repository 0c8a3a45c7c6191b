import { Badge, Group, Select, Stack, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useMemo, useState } from 'react';
import type {
  MatrixCell,
  MatrixRow,
  ProgressMatrix as Matrix,
} from '../../../../src-main/decision/decision-views';
import { useOperation } from '../../api/use-operation';
import { Loading } from '../Loading';
import { signOffLabel } from './status';
import { CriteriaProgress } from '../progress/CriteriaProgress';
import { needsVisit } from '../../../../src-main/kernel/caseload';
import { ukToday } from '../dates/format';
import { formatDate } from '../dates/format';

interface Props {
  onOpen: (learnerId: string, unitId: string) => void;
}

type SortKey = 'name' | 'progress' | 'activity' | 'not-yet-met';
type Show = 'all' | 'visit' | 'ready' | 'countersign' | 'flags';

const fraction = (row: MatrixRow) => {
  const total = row.cells.reduce((n, c) => n + c.total, 0);
  return total ? row.cells.reduce((n, c) => n + c.met, 0) / total : 0;
};

function Cell({
  cell,
  onOpen,
  label,
}: {
  cell: MatrixCell | undefined;
  onOpen: () => void;
  label: string;
}) {
  if (!cell)
    return (
      <Text size="xs" c="dimmed">
        Not registered
      </Text>
    );
  return (
    <UnstyledButton
      onClick={onOpen}
      aria-label={`Open ${label} for marking`}
      data-testid="matrix-cell"
    >
      <Stack gap={2}>
        <CriteriaProgress counts={cell} signedOff={cell.signOff === 'signed-off'} label={label} />
        <Group gap={4}>
          {cell.signOff !== 'open' && (
            <Badge
              size="xs"
              tt="none"
              variant="light"
              color={cell.signOff === 'signed-off' ? 'green' : 'yellow'}
            >
              {signOffLabel[cell.signOff]}
            </Badge>
          )}
          {cell.readyToSignOff && (
            <Badge size="xs" tt="none" color="teal" variant="light">
              Ready to sign off
            </Badge>
          )}
          {cell.notYetMet > 0 && (
            <Badge size="xs" tt="none" color="orange" variant="light">
              {cell.notYetMet} not yet met
            </Badge>
          )}
          {cell.warnings > 0 && (
            <Badge size="xs" tt="none" color="yellow" variant="outline">
              {cell.warnings} flags
            </Badge>
          )}
        </Group>
        {cell.lastAssessedOn && (
          <Text size="xs" c="dimmed">
            Assessed {formatDate(cell.lastAssessedOn)}
          </Text>
        )}
      </Stack>
    </UnstyledButton>
  );
}

/** Learner × unit progress across the centre, sortable and filterable, to plan who to visit. */
export function ProgressMatrix({ onOpen }: Props) {
  const state = useOperation('decision:matrix', {});
  return (
    <Loading state={state} label="The centre's progress">
      {(matrix) => <MatrixTable matrix={matrix} onOpen={onOpen} />}
    </Loading>
  );
}

function MatrixTable({ matrix, onOpen }: { matrix: Matrix; onOpen: Props['onOpen'] }) {
  const [sort, setSort] = useState<SortKey>('activity');
  const [show, setShow] = useState<Show>('all');
  const [find, setFind] = useState('');
  const today = useMemo(() => ukToday(), []);
  const rows = useMemo(() => {
    const needle = find.trim().toLocaleLowerCase('en-GB');
    const kept = matrix.rows.filter((r) => {
      const text = `${r.name} ${r.employer} ${r.workplace} ${r.cohort} ${r.assessorName}`;
      if (needle && !text.toLocaleLowerCase('en-GB').includes(needle)) return false;
      if (show === 'visit') return needsVisit(r, today);
      if (show === 'ready') return r.cells.some((c) => c.readyToSignOff);
      if (show === 'countersign')
        return r.cells.some((c) => c.signOff === 'awaiting-countersignature');
      if (show === 'flags') return r.cells.some((c) => c.warnings > 0);
      return true;
    });
    const nym = (r: MatrixRow) => r.cells.reduce((n, c) => n + c.notYetMet, 0);
    const compare: Record<SortKey, (a: MatrixRow, b: MatrixRow) => number> = {
      name: (a, b) => a.name.localeCompare(b.name, 'en-GB'),
      progress: (a, b) => fraction(a) - fraction(b),
      activity: (a, b) => (a.lastActivityOn ?? '').localeCompare(b.lastActivityOn ?? ''),
      'not-yet-met': (a, b) => nym(b) - nym(a),
    };
    return [...kept].sort((a, b) => compare[sort](a, b) || a.name.localeCompare(b.name, 'en-GB'));
  }, [matrix.rows, find, show, sort, today]);

  return (
    <Stack data-testid="progress-matrix">
      <Group align="end">
        <TextInput
          label="Find"
          placeholder="Learner, employer, cohort or assessor"
          value={find}
          onChange={(e) => setFind(e.currentTarget.value)}
          w={300}
        />
        <Select
          label="Show"
          w={240}
          value={show}
          allowDeselect={false}
          onChange={(v) => setShow((v as Show) ?? 'all')}
          data={[
            { value: 'all', label: 'Every learner' },
            { value: 'visit', label: 'Needs a visit' },
            { value: 'ready', label: 'Ready to sign off' },
            { value: 'countersign', label: 'Awaiting countersignature' },
            { value: 'flags', label: 'With flags' },
          ]}
        />
        <Select
          label="Sort by"
          w={270}
          value={sort}
          allowDeselect={false}
          onChange={(v) => setSort((v as SortKey) ?? 'activity')}
          data={[
            { value: 'activity', label: 'Longest since last activity' },
            { value: 'progress', label: 'Least progress first' },
            { value: 'not-yet-met', label: 'Most not yet met' },
            { value: 'name', label: 'Name' },
          ]}
        />
      </Group>
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Learner</Table.Th>
            {matrix.units.map((u) => (
              <Table.Th scope="col" key={u.id}>
                <Text size="sm" fw={600} miw={140}>
                  {u.title}
                </Text>
                {u.ref !== u.title && (
                  <Text size="xs" c="dimmed">
                    {u.ref}
                  </Text>
                )}
              </Table.Th>
            ))}
            <Table.Th scope="col">Last activity</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.learnerId} data-testid="matrix-row">
              <Table.Th scope="row">
                <Text size="sm" fw={600}>
                  {r.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {r.employer} · {r.assessorName}
                </Text>
                {needsVisit(r, today) && (
                  <Badge size="xs" color="red" variant="light" tt="none">
                    Needs a visit
                  </Badge>
                )}
                {r.problem && (
                  <Text size="xs" c="red">
                    {r.problem}
                  </Text>
                )}
              </Table.Th>
              {matrix.units.map((u) => (
                <Table.Td key={u.id}>
                  <Cell
                    cell={r.cells.find((c) => c.unitId === u.id)}
                    label={`${u.ref} for ${r.name}`}
                    onOpen={() => onOpen(r.learnerId, u.id)}
                  />
                </Table.Td>
              ))}
              <Table.Td>
                <Text size="sm">
                  {r.lastActivityOn ? formatDate(r.lastActivityOn) : 'None yet'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!rows.length && <Text>No learners match.</Text>}
    </Stack>
  );
}
