import { Alert, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { useOperation } from '../../api/use-operation';
import type { StandardisationView } from '../../../../src-main/competence/standardisation-view';
import { ukToday } from '../../../../src-main/kernel/dates';
import { formatDate } from '../dates/format';
import { Loading } from '../Loading';
import { JudgedWorkNote } from './JudgedWorkNote';
import { StandardisationForm } from './StandardisationForm';

const words: Record<string, string> = { met: 'met', 'not-yet-met': 'not yet met' };

type Act = (task: () => Promise<unknown>, done: string, failed: string) => void;
type Proposal = StandardisationView['proposals'][number];
type Meeting = StandardisationView['meetings'][number];

/** A proposal to raise an assessor's sampling rate, raised or kept by the IQA. */
function RateProposal({ p, readOnly, act }: { p: Proposal; readOnly: boolean; act: Act }) {
  return (
    <Alert
      color="yellow"
      mb="xs"
      title={`Sampling rate for ${p.assessorName}`}
      data-testid="rate-proposal"
    >
      <Text size="sm">
        {p.reason} The strategy proposes {p.proposedRisk} risk ({p.proposedRate}%) instead of{' '}
        {p.currentRate}% ({p.currentBasis}).
      </Text>
      {!readOnly && (
        <Group mt="xs">
          <Button
            size="xs"
            onClick={() =>
              act(
                () => call('standardisation:decide-proposal', { ...p, decision: 'raised' }),
                `${p.assessorName}'s rate raised.`,
                'The strategy was not changed',
              )
            }
          >
            Raise to {p.proposedRisk} ({p.proposedRate}%)
          </Button>
          <Button
            size="xs"
            variant="default"
            onClick={() =>
              act(
                () => call('standardisation:decide-proposal', { ...p, decision: 'kept' }),
                'The rate was kept as it is.',
                'The decision was not saved',
              )
            }
          >
            Keep the rate as it is
          </Button>
        </Group>
      )}
    </Alert>
  );
}

/** One standardisation activity: who judged what, how each decided, what was agreed and done. */
function MeetingCard({
  m,
  view: v,
  readOnly,
  act,
}: {
  m: Meeting;
  view: StandardisationView;
  readOnly: boolean;
  act: Act;
}) {
  return (
    <Card withBorder data-testid={`meeting-${m.id}`}>
      <Text fw={600}>
        {formatDate(m.date)}: {m.unitTitle} ({m.criteria.join(', ')})
      </Text>
      <Text size="sm">
        Led by {v.names[m.ledBy] ?? m.ledBy}; attended by{' '}
        {m.attendees.map((a) => v.names[a] ?? a).join(', ')}
      </Text>
      <JudgedWorkNote meeting={m} names={v.names} evidence={v.judgedEvidence[m.id]} />
      <List size="sm">
        {m.judgements.map((j) => (
          <List.Item key={j.assessorId}>
            {v.names[j.assessorId]}: {words[j.decision]}, “{j.reasoning}”
            {j.decision !== m.agreed.decision && (
              <Badge ml="xs" color="yellow" variant="light" tt="none">
                differed
              </Badge>
            )}
          </List.Item>
        ))}
      </List>
      <Text size="sm">
        Agreed: {words[m.agreed.decision]}. {m.agreed.rationale}
      </Text>
      {m.actions.map((a) => (
        <Group key={a.id} gap="xs">
          <Text size="sm">
            Action for {v.names[a.ownerId] ?? a.ownerId}, due {formatDate(a.dueOn)}: {a.what}{' '}
            {a.closedOn ? `(closed ${formatDate(a.closedOn)})` : '(open)'}
          </Text>
          {!readOnly && (
            <Button
              size="compact-xs"
              variant="subtle"
              aria-label={`${a.closedOn ? 'Reopen' : 'Close'} the action: ${a.what}`}
              onClick={() =>
                act(
                  () =>
                    call('standardisation:close-action', {
                      meetingId: m.id,
                      actionId: a.id,
                      closedOn: a.closedOn ? null : ukToday(),
                    }),
                  a.closedOn ? 'Action reopened.' : 'Action closed.',
                  'The action was not changed',
                )
              }
            >
              {a.closedOn ? 'Reopen' : 'Close'}
            </Button>
          )}
        </Group>
      ))}
    </Card>
  );
}

/** The IQA's standardisation records, their actions, and proposals to raise a sampling rate. */
export function StandardisationSection({ readOnly }: { readOnly: boolean }) {
  const view = useOperation('standardisation:list', {});
  const centre = useOperation('centre:get', {});
  const [recording, setRecording] = useState(false);
  const { run } = useAction();
  const act: Act = (task, done, failed) => {
    const succeeded = async () => {
      await task();
      return true;
    };
    void run(succeeded, { done, failed }).then((ok) => {
      if (ok) view.reload();
    });
  };

  return (
    <Loading state={view} label="Standardisation">
      {(v) => (
        <Card withBorder data-testid="standardisation">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h3">
              Standardisation
            </Title>
            {!readOnly && centre.data && (
              <Button onClick={() => setRecording(true)}>Record standardisation</Button>
            )}
          </Group>
          {v.proposals.map((p) => (
            <RateProposal
              key={`${p.meetingId}-${p.assessorId}-${p.qualificationId}`}
              p={p}
              readOnly={readOnly}
              act={act}
            />
          ))}
          {v.meetings.length === 0 && <Text size="sm">No standardisation recorded yet.</Text>}
          <Stack>
            {v.meetings.map((m) => (
              <MeetingCard key={m.id} m={m} view={v} readOnly={readOnly} act={act} />
            ))}
          </Stack>
          {recording && centre.data && (
            <StandardisationForm
              staff={centre.data.staff}
              onClose={() => setRecording(false)}
              onSaved={view.reload}
            />
          )}
        </Card>
      )}
    </Loading>
  );
}
