import { ReviewDueBadge } from '../progress-review/ReviewDueBadge';
import { Anchor, Card, List, SimpleGrid, Text, Title } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { caseload } from '../../../../src-main/kernel/caseload';
import { useOperation } from '../../api/use-operation';
import { moveTo } from '../../api/address';
import { formatDate, ukToday } from '../dates/format';

const SHOWN = 5;

function Panel({
  title,
  count,
  empty,
  children,
  testId,
}: {
  title: string;
  count: number;
  empty: string;
  children: ReactNode;
  testId: string;
}) {
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
          {children}
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

const since = (days: number | null) =>
  days === null
    ? 'nothing recorded yet'
    : days === 0
      ? 'active today'
      : `${days} day${days === 1 ? '' : 's'} since last activity`;

/**
 * What an assessor looks at first: who needs a visit (longest since last activity first), which
 * units are ready to sign off, and their overdue action points. Everyone's for anyone else.
 */
export function CaseloadOverview() {
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
  return (
    <section aria-labelledby="caseload-heading" data-testid="caseload">
      <Title order={2} size="h4" id="caseload-heading" mb="xs">
        {assessorId ? 'Your caseload' : 'The centre’s caseload'}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2, xl: 4 }} spacing="sm">
        <Panel
          title="Needs a visit"
          count={load.visits.length}
          empty="Everyone has been seen in the last four weeks."
          testId="caseload-visits"
        >
          {load.visits.slice(0, SHOWN).map((v) => (
            <List.Item key={v.learnerId}>
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() => moveTo({ page: 'learners', learner: v.learnerId }, { keep: false })}
              >
                {v.name}
              </Anchor>
              <Text size="xs">
                {since(v.daysSince)}
                {v.notYetMet > 0 && ` · ${v.notYetMet} not yet met`}
              </Text>
            </List.Item>
          ))}
        </Panel>
        <Panel
          title="Ready to sign off"
          count={load.readyToSignOff.length}
          empty="No unit is ready to sign off yet."
          testId="caseload-ready"
        >
          {load.readyToSignOff.slice(0, SHOWN).map((r) => (
            <List.Item key={`${r.learnerId}|${r.unitId}`}>
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() =>
                  moveTo({ page: 'marking', learner: r.learnerId, unit: r.unitId }, { keep: false })
                }
              >
                {r.name}
              </Anchor>
              <Text size="xs">{unitTitle.get(r.unitId) ?? 'A unit'}</Text>
            </List.Item>
          ))}
        </Panel>
        <Panel
          title="Overdue action points"
          count={overdue.length}
          empty="None of your action points is overdue."
          testId="caseload-actions"
        >
          {overdue.slice(0, SHOWN).map((a) => (
            <List.Item key={a.id}>
              <Text size="sm" fw={500}>
                {a.what}
              </Text>
              <Text size="xs">
                {a.learnerName}, {a.unitTitle} · due {formatDate(a.due)}
              </Text>
            </List.Item>
          ))}
        </Panel>
        <Panel
          title="Progress reviews"
          count={reviews.length}
          empty="No progress review is due."
          testId="caseload-reviews"
        >
          {reviews.slice(0, SHOWN).map((r) => (
            <List.Item key={r.learnerId}>
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() =>
                  moveTo(
                    { page: 'learners', learner: r.learnerId, tab: 'reviews' },
                    { keep: false },
                  )
                }
              >
                {mine.get(r.learnerId)}
              </Anchor>
              <ReviewDueBadge state={r.state} dueBy={r.dueBy} />
              <Text size="xs">due by {formatDate(r.dueBy)}</Text>
            </List.Item>
          ))}
        </Panel>
      </SimpleGrid>
    </section>
  );
}
