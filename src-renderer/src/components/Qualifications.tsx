import { Badge, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useOperation, type OperationState } from '../api/use-operation';
import type { Qualification } from '../../../src-main/qualification/qualification-schema';
import { ChoiceCard, ChoiceCardList } from './common/ChoiceCards';
import { Loading } from './Loading';
import { QualificationCheck } from './QualificationCheck';
import {
  emptyQualification,
  QualificationEditor,
  type QualificationDraft,
} from './QualificationEditor';

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The qualifications as buttons, each opening its rules; the one open is marked pressed. */
function QualificationList({
  state,
  editingId,
  onChoose,
}: {
  state: OperationState<{ qualifications: Qualification[]; problems: string[] }>;
  editingId: string | undefined;
  onChoose: (q: Qualification) => void;
}) {
  return (
    <Loading state={state} label="The qualifications">
      {({ qualifications: list }) => (
        <ChoiceCardList>
          {list.length === 0 && <Text c="dimmed">No qualifications yet.</Text>}
          {list.map((q) => (
            <ChoiceCard key={q.id} chosen={editingId === q.id} onChoose={() => onChoose(q)}>
              <Group justify="space-between">
                <Text fw={500}>{q.title}</Text>
                {q.demo && (
                  <Badge color="orange" variant="light">
                    Demo data
                  </Badge>
                )}
              </Group>
              <Text size="sm" c="dimmed">
                {count(q.mandatoryUnitIds.length, 'mandatory unit')} ·{' '}
                {count(q.optionalGroups.length, 'optional group')} · at least{' '}
                {count(q.minTotalCredits, 'credit')}
              </Text>
            </ChoiceCard>
          ))}
        </ChoiceCardList>
      )}
    </Loading>
  );
}

/** The centre's qualifications and their rules of combination. */
export function Qualifications() {
  const [generation, setGeneration] = useState(0);
  const qualifications = useOperation('qualification:list', {}, generation);
  const units = useOperation('unit:list', {});
  const [editing, setEditing] = useState<QualificationDraft | null>(null);
  return (
    <Loading state={units} label="The units">
      {({ units: library }) => (
        <Grid>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack>
              <Button variant="default" onClick={() => setEditing({ ...emptyQualification })}>
                New qualification
              </Button>
              <QualificationList
                state={qualifications}
                editingId={editing?.id}
                onChoose={setEditing}
              />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            {editing ? (
              <Stack>
                <QualificationEditor
                  key={editing.id ?? 'new'}
                  initial={editing}
                  units={library}
                  onSaved={(saved) => {
                    setEditing(saved);
                    setGeneration((g) => g + 1);
                  }}
                />
                {editing.id && (
                  <QualificationCheck
                    qualificationId={editing.id}
                    units={library}
                    key={`${editing.id}-${generation}`}
                  />
                )}
              </Stack>
            ) : (
              <Text c="dimmed">
                Choose a qualification to see or change its rules of combination.
              </Text>
            )}
          </Grid.Col>
        </Grid>
      )}
    </Loading>
  );
}
