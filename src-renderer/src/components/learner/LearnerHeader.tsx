import { Badge, Button, Group, Text, Title } from '@mantine/core';
import type { LearnerDetail } from '../../../../src-main/learner/learner-contract';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { LearnerCopyButton } from './LearnerCopyButton';

interface Props {
  detail: LearnerDetail;
  readOnly: boolean;
  onEdit: () => void;
  onChanged: () => void;
}

/** Who the learner is, with editing, copying and archiving for those who may. */
export function LearnerHeader({ detail: d, readOnly, onEdit, onChanged }: Props) {
  const { run } = useAction();
  const learner = d.learner;
  async function toggleArchived() {
    const changed = await run(
      () => call('learner:update', { learnerId: learner.id, archived: !learner.archived }),
      {
        done: learner.archived ? 'Learner restored.' : 'Learner archived; their records are kept.',
        failed: 'The learner was not changed',
      },
    );
    if (changed !== undefined) onChanged();
  }
  return (
    <Group justify="space-between">
      <div>
        <Title order={2} size="h3" data-testid="learner-name">
          {learner.name}{' '}
          {learner.archived && (
            <Badge color="gray" variant="light">
              Archived
            </Badge>
          )}
        </Title>
        <Text size="sm" c="dimmed">
          ULN {learner.uln} · {learner.employer || 'no employer recorded'}
          {learner.workplace ? `, ${learner.workplace}` : ''}
          {learner.cohort ? ` · cohort ${learner.cohort}` : ''}
        </Text>
        {learner.needs && <Text size="sm">Needs and adjustments: {learner.needs}</Text>}
        <Text size="xs" c="dimmed">
          Portfolio folder: {learner.portfolio}
        </Text>
      </div>
      {!readOnly && (
        <Group>
          <Button variant="default" onClick={onEdit}>
            Edit details
          </Button>
          <LearnerCopyButton detail={d} />
          <Button
            variant="light"
            color={learner.archived ? 'teal' : 'gray'}
            onClick={() => void toggleArchived()}
          >
            {learner.archived ? 'Restore learner' : 'Archive learner'}
          </Button>
        </Group>
      )}
    </Group>
  );
}
