import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { useOperation } from '../../api/use-operation';
import { RecordForm } from '../evidence/RecordForm';
import { Loading } from '../Loading';
import { LearnerForm } from './LearnerForm';
import { LearnerHeader } from './LearnerHeader';
import { LearnerTabs } from './LearnerTabs';
import { UnreadableChanges } from './UnreadableChanges';

interface Props {
  learnerId: string;
  onBack: () => void;
}

/** A portfolio that could not be read, with the way back to its last good copy. */
function UnreadablePortfolio(props: {
  learnerId: string;
  error: string;
  readOnly: boolean;
  onRestored: () => void;
}) {
  const { run } = useAction();
  async function restore() {
    const restored = await run(
      () => call('learner:restore-portfolio', { learnerId: props.learnerId }),
      {
        done: ({ keptAs }) => `The last good copy is back. The damaged file was kept as ${keptAs}.`,
        failed: 'The portfolio could not be restored',
      },
    );
    if (restored) props.onRestored();
  }
  return (
    <Alert color="red" title="This portfolio could not be opened">
      <Stack>
        <Text size="sm">{props.error}</Text>
        {!props.readOnly && (
          <Group>
            <Button size="xs" onClick={() => void restore()}>
              Use the last good copy
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

/** One learner: details and units, evidence, criteria, and the audit trail. */
export function LearnerView({ learnerId, onBack }: Props) {
  const detail = useOperation('learner:get', { learnerId });
  const session = useOperation('session:get', {});
  const readOnly = session.data?.readOnly ?? true;
  const [editing, setEditing] = useState(false);
  const [writing, setWriting] = useState(false);

  return (
    <Stack>
      <Group>
        <Button variant="subtle" onClick={onBack}>
          ← All learners
        </Button>
      </Group>
      {detail.error && (
        <UnreadablePortfolio
          learnerId={learnerId}
          error={detail.error}
          readOnly={readOnly}
          onRestored={detail.reload}
        />
      )}
      {!detail.error && (
        <Loading state={detail} label="The learner">
          {(d) => (
            <Stack>
              <LearnerHeader
                detail={d}
                readOnly={readOnly}
                onEdit={() => setEditing(true)}
                onChanged={detail.reload}
              />
              <UnreadableChanges problems={d.unreadableChanges} />
              <LearnerTabs
                learnerId={learnerId}
                detail={d}
                readOnly={readOnly}
                onWrite={() => setWriting(true)}
                onChanged={detail.reload}
              />
              {editing && (
                <LearnerForm
                  opened
                  onClose={() => setEditing(false)}
                  onSaved={detail.reload}
                  learner={{ ...d.learner, id: learnerId }}
                />
              )}
              {writing && (
                <RecordForm
                  learnerId={learnerId}
                  employer={d.learner.employer}
                  opened
                  onClose={() => setWriting(false)}
                  onAdded={detail.reload}
                />
              )}
            </Stack>
          )}
        </Loading>
      )}
    </Stack>
  );
}
