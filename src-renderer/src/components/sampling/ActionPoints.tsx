import {
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { ActionItemView } from '../../../../src-main/sampling/sampling-contract';
import { call } from '../../api/client';
import { notifyDone, notifyError } from '../../api/notify';
import { useOperation } from '../../api/use-operation';
import { Loading } from '../Loading';
import { MarkingLink } from '../marking/MarkingLink';
import { wrapBadge, formatDate } from './sampling-format';
import { DataTable } from '../common/DataTable';

const stateColours = { open: 'blue', answered: 'grape', closed: 'gray' } as const;

/** Action points with their state; overdue ones stand out, in colour and in words. */
export function ActionTable({
  items,
  caption,
  actions,
}: {
  items: ActionItemView[];
  caption: string;
  actions?: (item: ActionItemView) => ReactNode;
}) {
  if (items.length === 0) return <Text c="dimmed">No action points.</Text>;
  return (
    // Five columns that wrap, not seven: the table fits the page at 1024 pixels wide, and
    // scrolls sideways only on a narrower window.
    <Table.ScrollContainer minWidth={560}>
      <DataTable
        withTableBorder
        verticalSpacing="xs"
        testId="action-table"
        caption={caption}
        head={[
          'What, and what has happened',
          'Learner and unit',
          'Owner and due date',
          'State',
          ...(actions ? ['Do'] : []),
        ]}
      >
        {items.map((a) => (
          <ActionRow key={a.id} item={a} actions={actions} />
        ))}
      </DataTable>
    </Table.ScrollContainer>
  );
}

/** One action point: what, for whom, who owns it and by when, and where it stands. */
function ActionRow({
  item: a,
  actions,
}: {
  item: ActionItemView;
  actions?: (item: ActionItemView) => ReactNode;
}) {
  return (
    <Table.Tr bg={a.overdue ? 'red.0' : undefined} data-testid={`action-${a.id}`}>
      <Table.Th scope="row" fw={500} miw={200}>
        {a.what}
        {a.history.map((h, i) => (
          <Text size="xs" fw={400} mt={4} key={i}>
            {formatDate(h.on)} {h.kind}: {h.text}
          </Text>
        ))}
      </Table.Th>
      <Table.Td>
        {a.fromEqa ? (
          <>
            <Badge size="sm" color="orange" variant="light" {...wrapBadge}>
              From the EQA
            </Badge>
            <Text size="sm">
              {a.fromEqa.eqaName}, visit of {formatDate(a.fromEqa.visitedOn)}
            </Text>
          </>
        ) : (
          <MarkingLink learnerId={a.learnerId} unitId={a.unitId}>
            {a.learnerName}, {a.unitTitle}
          </MarkingLink>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{a.ownerName}</Text>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          due {formatDate(a.due)}
        </Text>
        {a.overdue && (
          <Badge size="xs" color="red">
            overdue
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Badge color={stateColours[a.state]} variant="light" {...wrapBadge}>
          {a.state}
        </Badge>
        {a.closedOn && (
          <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
            closed {formatDate(a.closedOn)}
          </Text>
        )}
      </Table.Td>
      {actions && <Table.Td>{actions(a)}</Table.Td>}
    </Table.Tr>
  );
}

function Respond({ item, onDone }: { item: ActionItemView; onDone: () => void }) {
  const [text, setText] = useState('');
  return (
    <Card
      withBorder
      data-testid="respond-action"
      bg={item.overdue ? 'red.0' : undefined}
      style={item.overdue ? { borderColor: 'var(--mantine-color-red-7)' } : undefined}
    >
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {item.what}
        </Text>
        {item.overdue && (
          <Badge size="sm" color="red" {...wrapBadge}>
            Overdue
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {item.fromEqa
          ? `From the EQA's report on the visit of ${formatDate(item.fromEqa.visitedOn)}`
          : `${item.learnerName}, ${item.unitTitle}`}{' '}
        · raised by {item.raisedByName} on {formatDate(item.raisedOn)} · due {formatDate(item.due)}
        {item.overdue ? ' (overdue)' : ''}
      </Text>
      {item.feedbackToAssessor && <Text size="sm">IQA feedback: {item.feedbackToAssessor}</Text>}
      <Textarea
        mt="xs"
        label="What you have done"
        autosize
        minRows={2}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <Group mt="xs">
        <Button
          size="xs"
          disabled={!text.trim()}
          onClick={async () => {
            try {
              if (item.fromEqa) {
                await call('visit:respond-action', {
                  visitId: item.fromEqa.visitId,
                  actionId: item.id,
                  text,
                });
              } else {
                await call('sampling:respond-action', {
                  planId: item.planId,
                  actionId: item.id,
                  text,
                });
              }
              notifyDone('Your answer was sent to the IQA.');
              setText('');
              onDone();
            } catch (error) {
              notifyError('Your answer was not saved', error);
            }
          }}
        >
          Send answer
        </Button>
      </Group>
    </Card>
  );
}

function IqaSteps({ item, onDone }: { item: ActionItemView; onDone: () => void }) {
  const [text, setText] = useState('');
  const step = async (kind: 'close' | 'reopen') => {
    try {
      const visitId = item.fromEqa?.visitId;
      if (visitId && kind === 'close') {
        await call('visit:close-action', { visitId, actionId: item.id, note: text });
      } else if (visitId) {
        await call('visit:reopen-action', { visitId, actionId: item.id, reason: text });
      } else if (kind === 'close') {
        await call('sampling:close-action', { planId: item.planId, actionId: item.id, note: text });
      } else {
        await call('sampling:reopen-action', {
          planId: item.planId,
          actionId: item.id,
          reason: text,
        });
      }
      notifyDone(kind === 'close' ? 'Action point closed.' : 'Action point reopened.');
      setText('');
      onDone();
    } catch (error) {
      notifyError(
        kind === 'close' ? 'The action point was not closed' : 'The action point was not reopened',
        error,
      );
    }
  };
  return (
    <Stack gap={4}>
      <TextInput
        size="xs"
        aria-label={`Note or reason for "${item.what}"`}
        placeholder={item.state === 'closed' ? 'Why reopen' : 'Note (optional)'}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      {item.state === 'closed' ? (
        <Button
          size="compact-xs"
          variant="default"
          disabled={!text.trim()}
          onClick={() => step('reopen')}
        >
          Reopen
        </Button>
      ) : (
        <Button size="compact-xs" onClick={() => step('close')}>
          Close
        </Button>
      )}
    </Stack>
  );
}

/** The action loop: the assessor answers their own points; the IQA closes or reopens the plan's. */
export function ActionPoints({
  mine,
  planId,
  isIqa,
  onChanged,
}: {
  mine: ActionItemView[];
  planId: string | null;
  isIqa: boolean;
  onChanged: () => void;
}) {
  // The EQA's actions are kept with their visits, not in a plan: asked for beside the IQA's.
  const fromEqa = useOperation('visit:actions', { mine: true });
  const changed = () => {
    fromEqa.reload();
    onChanged();
  };
  const all = [...mine, ...(fromEqa.data ?? [])];
  return (
    <Stack data-testid="action-points">
      <Title order={2} size="h4">
        Your action points
      </Title>
      {all.length === 0 ? (
        <Text c="dimmed">You have no open action points.</Text>
      ) : (
        all.map((item) =>
          item.state === 'open' ? (
            <Respond key={item.id} item={item} onDone={changed} />
          ) : (
            <Card key={item.id} withBorder>
              <Text size="sm">{item.what}: answered, waiting for the IQA to close it.</Text>
            </Card>
          ),
        )
      )}
      {isIqa && planId && <PlanActions planId={planId} onChanged={changed} />}
    </Stack>
  );
}

function PlanActions({ planId, onChanged }: { planId: string; onChanged: () => void }) {
  const state = useOperation('sampling:get-plan', { planId });
  const fromEqa = useOperation('visit:actions', { mine: false });
  return (
    <Loading state={state} label="The plan's action points">
      {(plan) => (
        <>
          <Title order={2} size="h4">
            Action points raised in this plan, and the EQA&rsquo;s
          </Title>
          <ActionTable
            items={[...plan.dashboard.actionItems, ...(fromEqa.data ?? [])]}
            caption="Close an action point once satisfied, or reopen it"
            actions={(item) => (
              <IqaSteps
                item={item}
                onDone={() => {
                  state.reload();
                  fromEqa.reload();
                  onChanged();
                }}
              />
            )}
          />
        </>
      )}
    </Loading>
  );
}
