import { Badge, Grid, Group, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { UnitSummary } from '../../../src-main/unit/unit-contract';
import { useOperation } from '../api/use-operation';
import { ChoiceCard, ChoiceCardList } from '../components/common/ChoiceCards';
import { ImportUnit } from '../components/ImportUnit';
import { Loading } from '../components/Loading';
import { Qualifications } from '../components/Qualifications';
import { UnitDetail } from '../components/UnitDetail';
import { useAddressValue } from '../api/address';

function matches(unit: UnitSummary, needle: string): boolean {
  return [unit.title, unit.codes.ofqual ?? '', unit.codes.awardingBody ?? ''].some((v) =>
    v.toLocaleLowerCase('en-GB').includes(needle),
  );
}

function UnitLibrary() {
  const units = useOperation('unit:list', {});
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useAddressValue('unit');
  const needle = filter.trim().toLocaleLowerCase('en-GB');
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack>
          <TextInput
            label="Find a unit"
            placeholder="Title or code"
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value)}
          />
          <Loading state={units} label="The units">
            {({ units: list, problems }) => (
              <ChoiceCardList testId="unit-list">
                {problems.map((p) => (
                  <Text c="red" key={p} size="sm">
                    {p}
                  </Text>
                ))}
                {list
                  .filter((u) => matches(u, needle))
                  .map((u) => (
                    <ChoiceCard
                      key={`${u.id}@${u.version}`}
                      chosen={selected === u.id}
                      onChoose={() => setSelected(u.id)}
                    >
                      <Text fw={500}>{u.title}</Text>
                      <Group gap={6} mt={4}>
                        {u.level && <Badge variant="light">Level {u.level}</Badge>}
                        {u.credits !== null && <Badge variant="light">{u.credits} credits</Badge>}
                        {u.codes.ofqual && <Badge variant="outline">{u.codes.ofqual}</Badge>}
                      </Group>
                      <Text size="sm" c="dimmed" mt={4}>
                        {u.outcomeCount} learning outcomes · {u.criterionCount} criteria
                      </Text>
                    </ChoiceCard>
                  ))}
              </ChoiceCardList>
            )}
          </Loading>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        {selected ? (
          <UnitDetail unitId={selected} />
        ) : (
          <Text c="dimmed">Choose a unit to see its outcomes and criteria.</Text>
        )}
      </Grid.Col>
    </Grid>
  );
}

/** The units library, the importer and the qualifications built from the units. */
export function UnitsPage() {
  const [generation, setGeneration] = useState(0);
  const [view, setView] = useAddressValue('view');
  const tab = view ?? 'library';
  const setTab = (next: string | null) => setView(next === 'library' ? null : next);
  return (
    <Tabs value={tab} onChange={setTab}>
      <Tabs.List mb="md">
        <Tabs.Tab value="library">Library</Tabs.Tab>
        <Tabs.Tab value="import">Import a specification</Tabs.Tab>
        <Tabs.Tab value="qualifications">Qualifications</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="library">
        <UnitLibrary key={generation} />
      </Tabs.Panel>
      <Tabs.Panel value="import">
        <ImportUnit
          onSaved={() => {
            setGeneration((g) => g + 1);
            setTab('library');
          }}
        />
      </Tabs.Panel>
      <Tabs.Panel value="qualifications">
        <Qualifications key={generation} />
      </Tabs.Panel>
    </Tabs>
  );
}
