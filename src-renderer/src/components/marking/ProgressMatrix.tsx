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
import { matrixRows, type Show, type SortKey } from './matrix-rows';
import { CriteriaProgress } from '../progress/CriteriaProgress';
import { needsVisit } from '../../../../src-main/kernel/caseload';
import { ukToday } from '../dates/format';
import { formatDate } from '../dates/format';
import { DataTable } from '../common/DataTable';

interface Props {
  onOpen: (learnerId: string, unitId: string) => void;
}

const showChoices: { value: Show; label: string }[] = [
  { value: 'all', label: 'Every learner' },
  { value: 'visit', label: 'Needs a visit' },
  { value: 'ready', label: 'Ready to sign off' },
  { value: 'countersign', label: 'Awaiting countersignature' },
  { value: 'flags', label: 'With flags' },
];

const sortChoices: { value: SortKey; label: string }[] = [
  { value: 'activity', label: 'Longest since last activity' },
  { value: 'progress', label: 'Least progress first' },
  { value: 'not-yet-met', label: 'Most not yet met' },
  { value: 'name', label: 'Name' },
];

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
  const rows = useMemo(
    () => matrixRows(matrix.rows, { find, show, sort, today }),
    [matrix.rows, find, show, sort, today],
  );
  return (
    <Stack data-testid="progress-matrix">
      <MatrixFilters
        find={find}
        setFind={setFind}
        show={show}
        setShow={setShow}
        sort={sort}
        setSort={setSort}
      />
      <DataTable
        withTableBorder
        striped
        head={[
          'Learner',
          ...matrix.units.map((u) => <UnitHead key={u.id} unit={u} />),
          'Last activity',
        ]}
      >
        {rows.map((r) => (
          <LearnerRow
            key={r.learnerId}
            row={r}
            units={matrix.units}
            today={today}
            onOpen={onOpen}
          />
        ))}
      </DataTable>
      {!rows.length && <Text>No learners match.</Text>}
    </Stack>
  );
}

function UnitHead({ unit: u }: { unit: Matrix['units'][number] }) {
  return (
    <>
      <Text size="sm" fw={600} miw={140}>
        {u.title}
      </Text>
      {u.ref !== u.title && (
        <Text size="xs" c="dimmed">
          {u.ref}
        </Text>
      )}
    </>
  );
}

/** One learner across the units: who, whether they need a visit, each unit's progress. */
function LearnerRow({
  row: r,
  units,
  today,
  onOpen,
}: {
  row: MatrixRow;
  units: Matrix['units'];
  today: string;
  onOpen: Props['onOpen'];
}) {
  return (
    <Table.Tr data-testid="matrix-row">
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
      {units.map((u) => (
        <Table.Td key={u.id}>
          <Cell
            cell={r.cells.find((c) => c.unitId === u.id)}
            label={`${u.ref} for ${r.name}`}
            onOpen={() => onOpen(r.learnerId, u.id)}
          />
        </Table.Td>
      ))}
      <Table.Td>
        <Text size="sm">{r.lastActivityOn ? formatDate(r.lastActivityOn) : 'None yet'}</Text>
      </Table.Td>
    </Table.Tr>
  );
}

/** Finding learners, choosing which to show and how to sort them. */
function MatrixFilters(props: {
  find: string;
  setFind: (find: string) => void;
  show: Show;
  setShow: (show: Show) => void;
  sort: SortKey;
  setSort: (sort: SortKey) => void;
}) {
  return (
    <Group align="end">
      <TextInput
        label="Find"
        placeholder="Learner, employer, cohort or assessor"
        value={props.find}
        onChange={(e) => props.setFind(e.currentTarget.value)}
        w={300}
      />
      <Select
        label="Show"
        w={240}
        value={props.show}
        allowDeselect={false}
        onChange={(v) => props.setShow((v as Show) ?? 'all')}
        data={showChoices}
      />
      <Select
        label="Sort by"
        w={270}
        value={props.sort}
        allowDeselect={false}
        onChange={(v) => props.setSort((v as SortKey) ?? 'activity')}
        data={sortChoices}
      />
    </Group>
  );
}
