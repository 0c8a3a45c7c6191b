import { Alert, Group, Select, Stack, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useOperation } from '../api/use-operation';
import { MarkingWorkspace } from '../components/marking/MarkingWorkspace';
import { ProgressMatrix } from '../components/marking/ProgressMatrix';

/** A deep link such as ?learner=ln-…&unit=unit-… opens one learner's unit directly. */
function linked(name: string): string | null {
  return new URLSearchParams(window.location.search).get(name);
}

/** The assessor's main screen: mark a learner's unit, or see the whole centre's progress. */
export function MarkingPage() {
  const learners = useOperation('learner:list', {});
  const session = useOperation('session:get', {});
  const [tab, setTab] = useState<string | null>('mark');
  const [learnerId, setLearnerId] = useState<string | null>(linked('learner'));
  const [unitId, setUnitId] = useState<string | null>(linked('unit'));
  const learner = learners.data?.find((l) => l.id === learnerId);
  const readOnly = session.data?.readOnly ?? true;

  return (
    <Tabs value={tab} onChange={setTab} keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="mark">Mark a unit</Tabs.Tab>
        <Tabs.Tab value="centre">Centre progress</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="mark">
        <Stack>
          <Group align="end">
            <Select
              label="Learner"
              placeholder="Choose a learner"
              searchable
              value={learnerId}
              onChange={(id) => {
                setLearnerId(id);
                const next = learners.data?.find((l) => l.id === id);
                setUnitId(next?.units[0]?.unitId ?? null);
              }}
              data={(learners.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
              w={320}
            />
            <Select
              label="Unit"
              placeholder="Choose a unit"
              value={unitId}
              disabled={!learner}
              onChange={setUnitId}
              data={(learner?.units ?? []).map((u) => ({
                value: u.unitId,
                label: `${u.ref}: ${u.title}`,
              }))}
              w={520}
            />
          </Group>
          {readOnly && session.data && (
            <Alert color="blue">
              You have read-only access: decisions are shown but cannot be changed.
            </Alert>
          )}
          {learnerId && unitId ? (
            <MarkingWorkspace
              key={`${learnerId}|${unitId}`}
              learnerId={learnerId}
              unitId={unitId}
              readOnly={readOnly}
            />
          ) : (
            <Alert color="gray">
              Choose a learner and one of their units to mark it criterion by criterion.
            </Alert>
          )}
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="centre">
        <ProgressMatrix
          onOpen={(l, u) => {
            setLearnerId(l);
            setUnitId(u);
            setTab('mark');
          }}
        />
      </Tabs.Panel>
    </Tabs>
  );
}
