import {
  ActionIcon,
  Button,
  Card,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Qualification } from '../../../src-main/qualification/qualification-schema';
import type { UnitSummary } from '../../../src-main/unit/unit-contract';
import { call } from '../api/client';
import { notifyDone, notifyError } from '../api/notify';

const levels = ['Entry 1', 'Entry 2', 'Entry 3', '1', '2', '3', '4', '5', '6', '7', '8'];

export type QualificationDraft = Omit<Qualification, 'id'> & { id?: string };

export const emptyQualification: QualificationDraft = {
  title: '',
  number: null,
  awardingBody: null,
  demo: false,
  mandatoryUnitIds: [],
  optionalGroups: [],
  minTotalCredits: 0,
  minCreditsAtOrAboveLevel: null,
};

const credits = (value: string | number) => (typeof value === 'number' ? value : 0);

/** Rules of combination: mandatory units, optional groups with credit limits, totals and levels. */
export function QualificationEditor({
  initial,
  units,
  onSaved,
}: {
  initial: QualificationDraft;
  units: UnitSummary[];
  onSaved: (saved: Qualification) => void;
}) {
  const [draft, setDraft] = useState<QualificationDraft>(initial);
  const [saving, setSaving] = useState(false);
  const unitOptions = units.map((u) => ({
    value: u.id,
    label: `${u.title}${u.credits === null ? '' : ` (${u.credits} credits)`}`,
  }));
  const set = (change: Partial<QualificationDraft>) => setDraft((d) => ({ ...d, ...change }));
  const setGroup = (index: number, change: Partial<QualificationDraft['optionalGroups'][number]>) =>
    set({
      optionalGroups: draft.optionalGroups.map((g, i) => (i === index ? { ...g, ...change } : g)),
    });

  async function save() {
    setSaving(true);
    try {
      const saved = await call('qualification:save', draft);
      notifyDone(`Saved ${saved.title}.`);
      onSaved(saved);
    } catch (error) {
      notifyError('The qualification was not saved', error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Stack>
      <Group grow align="start">
        <TextInput
          label="Qualification title"
          required
          value={draft.title}
          onChange={(e) => set({ title: e.currentTarget.value })}
        />
        <TextInput
          label="Qualification number"
          value={draft.number ?? ''}
          onChange={(e) => set({ number: e.currentTarget.value || null })}
        />
        <TextInput
          label="Awarding body"
          value={draft.awardingBody ?? ''}
          onChange={(e) => set({ awardingBody: e.currentTarget.value || null })}
        />
      </Group>
      <MultiSelect
        label="Mandatory units"
        data={unitOptions}
        value={draft.mandatoryUnitIds}
        onChange={(ids) => set({ mandatoryUnitIds: ids })}
        searchable
      />
      <Title order={3} size="h5">
        Optional groups
      </Title>
      {draft.optionalGroups.map((group, index) => (
        <Card withBorder key={index} padding="sm">
          <Group align="end">
            <TextInput
              label="Group name"
              value={group.title}
              onChange={(e) => setGroup(index, { title: e.currentTarget.value })}
              style={{ flex: 1 }}
            />
            <NumberInput
              label="Least credits"
              min={0}
              value={group.minCredits}
              onChange={(v) => setGroup(index, { minCredits: credits(v) })}
              w={130}
            />
            <NumberInput
              label="Most credits"
              description="Empty for no limit"
              min={0}
              value={group.maxCredits ?? ''}
              onChange={(v) => setGroup(index, { maxCredits: typeof v === 'number' ? v : null })}
              w={130}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Remove the group ${group.title || index + 1}`}
              onClick={() =>
                set({ optionalGroups: draft.optionalGroups.filter((_, i) => i !== index) })
              }
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
          <MultiSelect
            label="Units in this group"
            data={unitOptions}
            value={group.unitIds}
            onChange={(ids) => setGroup(index, { unitIds: ids })}
            searchable
            mt="xs"
          />
        </Card>
      ))}
      <Group>
        <Button
          variant="default"
          onClick={() =>
            set({
              optionalGroups: [
                ...draft.optionalGroups,
                {
                  title: `Optional group ${draft.optionalGroups.length + 1}`,
                  unitIds: [],
                  minCredits: 0,
                  maxCredits: null,
                },
              ],
            })
          }
        >
          Add an optional group
        </Button>
      </Group>
      <Group align="end">
        <NumberInput
          label="Least credits in total"
          min={0}
          value={draft.minTotalCredits}
          onChange={(v) => set({ minTotalCredits: credits(v) })}
          w={200}
        />
        <Select
          label="Credits needed at or above level"
          data={[
            { value: '', label: 'No level rule' },
            ...levels.map((l) => ({ value: l, label: `Level ${l}` })),
          ]}
          value={draft.minCreditsAtOrAboveLevel?.level ?? ''}
          onChange={(level) =>
            set({
              minCreditsAtOrAboveLevel: level
                ? { level, credits: draft.minCreditsAtOrAboveLevel?.credits ?? 1 }
                : null,
            })
          }
          w={220}
          allowDeselect={false}
        />
        {draft.minCreditsAtOrAboveLevel && (
          <NumberInput
            label="Credits at that level"
            min={1}
            value={draft.minCreditsAtOrAboveLevel.credits}
            onChange={(v) =>
              set({
                minCreditsAtOrAboveLevel: {
                  level: draft.minCreditsAtOrAboveLevel!.level,
                  credits: Math.max(1, credits(v)),
                },
              })
            }
            w={180}
          />
        )}
      </Group>
      <Group>
        <Button onClick={() => void save()} loading={saving}>
          Save the qualification
        </Button>
      </Group>
    </Stack>
  );
}
