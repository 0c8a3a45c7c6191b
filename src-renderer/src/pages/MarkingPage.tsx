import { Alert, Group, Select, Stack, Tabs } from '@mantine/core';
import { useOperation } from '../api/use-operation';
import { moveTo, useAddress } from '../api/address';
import { MarkingWorkspace } from '../components/marking/MarkingWorkspace';
import { ProgressMatrix } from '../components/marking/ProgressMatrix';
import { unitLabel } from '../../../src-main/kernel/unit-label';

/** The assessor's main screen: mark a learner's unit, or see the whole centre's progress. */
export function MarkingPage() {
  const learners = useOperation('learner:list', {});
  const session = useOperation('session:get', {});
  // The learner and unit are in the address: ?page=marking&learner=ln-…&unit=unit-…
  const address = useAddress();
  const tab = address.get('view') === 'centre' ? 'centre' : 'mark';
  const learnerId = address.get('learner');
  const unitId = address.get('unit');
  const learner = learners.data?.find((l) => l.id === learnerId);
  const readOnly = session.data?.readOnly ?? true;

  return (
    <Tabs
      value={tab}
      onChange={(next) => moveTo({ view: next === 'centre' ? 'centre' : null })}
      keepMounted={false}
    >
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
              allowDeselect={false}
              value={learnerId}
              onChange={(id) => {
                // Choosing the learner already shown keeps their unit and criterion.
                if (!id || id === learnerId) return;
                const next = learners.data?.find((l) => l.id === id);
                moveTo({ learner: id, unit: next?.units[0]?.unitId ?? null, criterion: null });
              }}
              data={(learners.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
              w={320}
            />
            <Select
              label="Unit"
              placeholder="Choose a unit"
              value={unitId}
              allowDeselect={false}
              disabled={!learner}
              onChange={(id) => {
                // Choosing the unit already shown keeps it rather than clearing the screen.
                if (id && id !== unitId) moveTo({ unit: id, criterion: null });
              }}
              data={(learner?.units ?? []).map((u) => ({
                value: u.unitId,
                label: unitLabel(u.ref, u.title),
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
          onOpen={(l, u) => moveTo({ learner: l, unit: u, view: null, criterion: null })}
        />
      </Tabs.Panel>
    </Tabs>
  );
}
