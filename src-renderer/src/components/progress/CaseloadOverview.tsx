import { ReviewDueBadge } from '../progress-review/ReviewDueBadge';
import { Anchor, Card, List, SimpleGrid, Text, Title } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { caseload } from '../../../../src-main/kernel/caseload';
import { useOperation } from '../../api/use-operation';
import { moveTo } from '../../api/address';
import { formatDate, ukToday } from '../dates/format';

const SHOWN = 5;

interface PanelProps<T> {
  title: string;
  items: T[];
  empty: string;
  testId: string;
  /** One shown item; only the first few are shown, with a count of the rest. */
  children: (item: T) => ReactNode;
}

function Panel<T>({ title, items, empty, testId, children }: PanelProps<T>) {
  const count = items.length;
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Title order={3} size="h5" mb={4}>
        {title} ({count})
      </Title>
      {count === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <List size="sm" spacing={4} listStyleType="none">
          {items.slice(0, SHOWN).map(children)}
        </List>
      )}
      {count > SHOWN && (
        <Text size="xs" mt={4}>
          and {count - SHOWN} more
        </Text>
      )}
    </Card>
  );
}

/** A learner's name that opens where the work is: their page, a tab of it, or a unit's marking. */
function GoTo({ to, children }: { to: Parameters<typeof moveTo>[0]; children: ReactNode }) {
  return (
    <Anchor component="button" type="button" size="sm" onClick={() => moveTo(to, { keep: false })}>
      {children}
    </Anchor>
  );
}

const since = (days: number | null) =>
  days === null
    ? 'nothing recorded yet'
    : days === 0
      ? 'active today'
      : `${days} day${days === 1 ? '' : 's'} since last activity`;

/** The caseload's four lists: the assessor's own learners, or everyone's for anyone else. */
function useCaseload() {
  const matrix = useOperation('decision:matrix', {});
  const session = useOperation('session:get', {});
  const actions = useOperation('sampling:my-actions', {});
  const reviewsDue = useOperation('review:due', {});
  const user = session.data?.user ?? null;
  const assessorId = user?.role === 'assessor' ? user.personId : null;
  const today = useMemo(() => ukToday(), []);
  const load = useMemo(
    () => (matrix.data ? caseload(matrix.data.rows, today, assessorId) : null),
    [matrix.data, today, assessorId],
  );
  if (!load || !matrix.data) return null;
  const unitTitle = new Map(matrix.data.units.map((u) => [u.id, u.title]));
  const overdue = (actions.data ?? []).filter((a) => a.overdue && a.state !== 'closed');
  const mine = new Map(
    matrix.data.rows
      .filter((r) => !assessorId || r.assessorIds.includes(assessorId))
      .map((r) => [r.learnerId, r.name]),
  );
  const reviews = (reviewsDue.data ?? [])
    .filter((r) => r.state !== 'not-due' && mine.has(r.learnerId))
    .sort((a, b) => a.dueBy.localeCompare(b.dueBy));
  return { load, assessorId, unitTitle, overdue, mine, reviews };
}

/**
 * What an assessor looks at first: who needs a visit (longest since last activity first), which
 * units are ready to sign off, and their overdue action points. Everyone's for anyone else.
 */
export function CaseloadOverview() {
  const data = useCaseload();
  if (!data) return null;
  const { load, assessorId, unitTitle, overdue, mine, reviews } = data;
  return (
    <section aria-labelledby="caseload-heading" data-testid="caseload">
      <Title order={2} size="h4" id="caseload-heading" mb="xs">
        {assessorId ? 'Your caseload' : 'The centre’s caseload'}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2, xl: 4 }} spacing="sm">
        <Panel
          title="Needs a visit"
          items={load.visits}
          empty="Everyone has been seen in the last four weeks."
          testId="caseload-visits"
        >
          {(v) => (
            <List.Item key={v.learnerId}>
              <GoTo to={{ page: 'learners', learner: v.learnerId }}>{v.name}</GoTo>
              <Text size="xs">
                {since(v.daysSince)}
                {v.notYetMet > 0 && ` · ${v.notYetMet} not yet met`}
              </Text>
            </List.Item>
          )}
        </Panel>
        <Panel
          title="Ready to sign off"
          items={load.readyToSignOff}
          empty="No unit is ready to sign off yet."
          testId="caseload-ready"
        >
          {(r) => (
            <List.Item key={`${r.learnerId}|${r.unitId}`}>
              <GoTo to={{ page: 'marking', learner: r.learnerId, unit: r.unitId }}>{r.name}</GoTo>
              <Text size="xs">{unitTitle.get(r.unitId) ?? 'A unit'}</Text>
            </List.Item>
          )}
        </Panel>
        <Panel
          title="Overdue action points"
          items={overdue}
          empty="None of your action points is overdue."
          testId="caseload-actions"
        >
          {(a) => (
            <List.Item key={a.id}>
              <Text size="sm" fw={500}>
                {a.what}
              </Text>
              <Text size="xs">
                {a.learnerName}, {a.unitTitle} · due {formatDate(a.due)}
              </Text>
            </List.Item>
          )}
        </Panel>
        <Panel
          title="Progress reviews"
          items={reviews}
          empty="No progress review is due."
          testId="caseload-reviews"
        >
          {(r) => (
            <List.Item key={r.learnerId}>
              <GoTo to={{ page: 'learners', learner: r.learnerId, tab: 'reviews' }}>
                {mine.get(r.learnerId)}
              </GoTo>
              <ReviewDueBadge state={r.state} dueBy={r.dueBy} />
              <Text size="xs">due by {formatDate(r.dueBy)}</Text>
            </List.Item>
          )}
        </Panel>
      </SimpleGrid>
    </section>
  );
}
