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
import { useAction } from '../api/use-action';

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

type OptionalGroup = QualificationDraft['optionalGroups'][number];

/** One optional group: its name, the credits it allows and the units in it. */
function OptionalGroupCard({
  group,
  index,
  unitOptions,
  onChange,
  onRemove,
}: {
  group: OptionalGroup;
  index: number;
  unitOptions: { value: string; label: string }[];
  onChange: (change: Partial<OptionalGroup>) => void;
  onRemove: () => void;
}) {
  return (
    <Card withBorder padding="sm">
      <Group align="end">
        <TextInput
          label="Group name"
          value={group.title}
          onChange={(e) => onChange({ title: e.currentTarget.value })}
          style={{ flex: 1 }}
        />
        <NumberInput
          label="Least credits"
          min={0}
          value={group.minCredits}
          onChange={(v) => onChange({ minCredits: credits(v) })}
          w={130}
        />
        <NumberInput
          label="Most credits"
          description="Empty for no limit"
          min={0}
          value={group.maxCredits ?? ''}
          onChange={(v) => onChange({ maxCredits: typeof v === 'number' ? v : null })}
          w={130}
        />
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={`Remove the group ${group.title || index + 1}`}
          onClick={onRemove}
        >
          <IconTrash size={18} />
        </ActionIcon>
      </Group>
      <MultiSelect
        label="Units in this group"
        data={unitOptions}
        value={group.unitIds}
        onChange={(ids) => onChange({ unitIds: ids })}
        searchable
        mt="xs"
      />
    </Card>
  );
}

/** The optional groups, each a card, and adding another. */
function OptionalGroups({
  draft,
  set,
  unitOptions,
}: {
  draft: QualificationDraft;
  set: (change: Partial<QualificationDraft>) => void;
  unitOptions: { value: string; label: string }[];
}) {
  const setGroup = (index: number, change: Partial<OptionalGroup>) =>
    set({
      optionalGroups: draft.optionalGroups.map((g, i) => (i === index ? { ...g, ...change } : g)),
    });
  return (
    <>
      <Title order={3} size="h5">
        Optional groups
      </Title>
      {draft.optionalGroups.map((group, index) => (
        <OptionalGroupCard
          key={index}
          group={group}
          index={index}
          unitOptions={unitOptions}
          onChange={(change) => setGroup(index, change)}
          onRemove={() =>
            set({ optionalGroups: draft.optionalGroups.filter((_, i) => i !== index) })
          }
        />
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
    </>
  );
}

/** The credits the whole qualification needs, and at which level some of them must be. */
function CreditRules({
  draft,
  set,
}: {
  draft: QualificationDraft;
  set: (change: Partial<QualificationDraft>) => void;
}) {
  const levelRule = draft.minCreditsAtOrAboveLevel;
  return (
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
        value={levelRule?.level ?? ''}
        onChange={(level) =>
          set({
            minCreditsAtOrAboveLevel: level ? { level, credits: levelRule?.credits ?? 1 } : null,
          })
        }
        w={220}
        allowDeselect={false}
      />
      {levelRule && (
        <NumberInput
          label="Credits at that level"
          min={1}
          value={levelRule.credits}
          onChange={(v) =>
            set({
              minCreditsAtOrAboveLevel: {
                level: levelRule.level,
                credits: Math.max(1, credits(v)),
              },
            })
          }
          w={180}
        />
      )}
    </Group>
  );
}

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
  const { busy: saving, run } = useAction();
  const unitOptions = units.map((u) => ({
    value: u.id,
    label: `${u.title}${u.credits === null ? '' : ` (${u.credits} credits)`}`,
  }));
  const set = (change: Partial<QualificationDraft>) => setDraft((d) => ({ ...d, ...change }));

  async function save() {
    const saved = await run(() => call('qualification:save', draft), {
      done: (q) => `Saved ${q.title}.`,
      failed: 'The qualification was not saved',
    });
    if (saved) onSaved(saved);
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
      <OptionalGroups draft={draft} set={set} unitOptions={unitOptions} />
      <CreditRules draft={draft} set={set} />
      <Group>
        <Button onClick={() => void save()} loading={saving}>
          Save the qualification
        </Button>
      </Group>
    </Stack>
  );
}
