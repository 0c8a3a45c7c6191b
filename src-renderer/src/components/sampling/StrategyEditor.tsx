import {
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { AssessorStatus, RiskRating } from '../../../../src-main/sampling/population';
import type { StrategyView } from '../../../../src-main/sampling/sampling-contract';
import type { SamplingStrategy } from '../../../../src-main/sampling/strategy';
import { call } from '../../api/client';
import { notifyDone, notifyError } from '../../api/notify';
import { useOperation } from '../../api/use-operation';
import { Loading } from '../Loading';
import { formatDate } from './sampling-format';
import { DateField } from '../dates/DateField';

const num = (v: string | number) => (typeof v === 'number' ? v : Number(v) || 0);
const statusLabels = {
  new: 'New',
  'working-towards': 'Working towards',
  experienced: 'Experienced',
} as const;
const riskLabels = { red: 'Red', amber: 'Amber', green: 'Green' } as const;

/** The sampling strategy of one qualification: rates by status and risk, each assessor's rating, the split and the period. */
export function StrategyEditor({
  qualificationId,
  canEdit,
}: {
  qualificationId: string;
  canEdit: boolean;
}) {
  const state = useOperation('sampling:get-strategy', { qualificationId });
  return (
    <Loading state={state} label="The sampling strategy">
      {(view) => (
        <StrategyForm
          key={view.updatedAt ?? 'new'}
          view={view}
          canEdit={canEdit}
          onSaved={state.reload}
        />
      )}
    </Loading>
  );
}

function StrategyForm({
  view,
  canEdit,
  onSaved,
}: {
  view: StrategyView;
  canEdit: boolean;
  onSaved: () => void;
}) {
  const [draft, setDraft] = useState<SamplingStrategy>(view.strategy);
  const [saving, setSaving] = useState(false);
  const set = (change: Partial<SamplingStrategy>) => setDraft((d) => ({ ...d, ...change }));
  const rating = (assessorId: string) => draft.assessors.find((r) => r.assessorId === assessorId);
  const setRating = (
    assessorId: string,
    change: Partial<SamplingStrategy['assessors'][number]>,
  ) => {
    const others = draft.assessors.filter((r) => r.assessorId !== assessorId);
    const next = { assessorId, note: '', ...rating(assessorId), ...change };
    set({ assessors: [...others, next] });
  };

  async function save() {
    setSaving(true);
    try {
      const { centreId: _centreId, ...rest } = draft;
      await call('sampling:save-strategy', rest);
      notifyDone('Sampling strategy saved.');
      onSaved();
    } catch (error) {
      notifyError('The strategy was not saved', error);
    } finally {
      setSaving(false);
    }
  }

  const rateInput = (label: string, value: number, onChange: (n: number) => void) => (
    <NumberInput
      label={label}
      suffix="%"
      min={0}
      max={100}
      w={150}
      value={value}
      disabled={!canEdit}
      onChange={(v) => onChange(num(v))}
    />
  );

  return (
    <Stack data-testid="sampling-strategy">
      <Text size="sm" c="dimmed">
        {view.saved
          ? `Saved ${formatDate(view.updatedAt)}.`
          : 'Not saved yet: these are the default rates. Save them to make them the strategy.'}{' '}
        The higher of an assessor&apos;s status and risk rates applies; a rate set for one assessor
        overrides both.
      </Text>
      <Card withBorder>
        <Title order={2} size="h5" mb="xs">
          Rates by assessor status
        </Title>
        <Group>
          {(['new', 'working-towards', 'experienced'] as const).map((s) =>
            rateInput(statusLabels[s], draft.statusRates[s], (n) =>
              set({ statusRates: { ...draft.statusRates, [s]: n } }),
            ),
          )}
        </Group>
        <Title order={2} size="h5" mt="md" mb="xs">
          Rates by risk rating
        </Title>
        <Group>
          {(['red', 'amber', 'green'] as const).map((r) =>
            rateInput(`${riskLabels[r]} risk`, draft.riskRates[r], (n) =>
              set({ riskRates: { ...draft.riskRates, [r]: n } }),
            ),
          )}
        </Group>
      </Card>
      <Card withBorder>
        <Group align="end">
          {rateInput('Interim share of each sample', draft.interimShare, (n) =>
            set({ interimShare: n }),
          )}
          <DateField
            label="Plan period from"
            value={draft.period.from}
            disabled={!canEdit}
            onChange={(from) => set({ period: { ...draft.period, from } })}
          />
          <DateField
            label="Plan period to"
            value={draft.period.to}
            disabled={!canEdit}
            onChange={(to) => set({ period: { ...draft.period, to } })}
          />
          <Checkbox
            label="New qualification"
            checked={draft.newQualification}
            disabled={!canEdit}
            onChange={(e) => set({ newQualification: e.currentTarget.checked })}
          />
          {draft.newQualification &&
            rateInput('New qualification rate', draft.newQualificationRate, (n) =>
              set({ newQualificationRate: n }),
            )}
        </Group>
      </Card>
      <Table withTableBorder striped>
        <Table.Caption>Each assessor&apos;s rating and the rate it gives</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Assessor</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Risk</Table.Th>
            <Table.Th scope="col">Own rate</Table.Th>
            <Table.Th scope="col">Note</Table.Th>
            <Table.Th scope="col">Saved rate</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.assessors.map((a) => {
            const r = rating(a.assessorId);
            return (
              <Table.Tr key={a.assessorId}>
                <Table.Th scope="row">{a.name}</Table.Th>
                <Table.Td>
                  <Select
                    aria-label={`Status of ${a.name}`}
                    size="xs"
                    w={170}
                    disabled={!canEdit}
                    placeholder={
                      a.recordedStatus
                        ? `${statusLabels[a.recordedStatus]} (staff list)`
                        : 'Not recorded'
                    }
                    value={r?.status ?? null}
                    data={Object.entries(statusLabels).map(([value, label]) => ({ value, label }))}
                    onChange={(v) =>
                      setRating(a.assessorId, { status: (v as AssessorStatus | null) ?? undefined })
                    }
                    clearable
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Risk rating of ${a.name}`}
                    size="xs"
                    w={120}
                    disabled={!canEdit}
                    placeholder="Not rated"
                    value={r?.risk ?? null}
                    data={Object.entries(riskLabels).map(([value, label]) => ({ value, label }))}
                    onChange={(v) =>
                      setRating(a.assessorId, { risk: (v as RiskRating | null) ?? undefined })
                    }
                    clearable
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`Own rate for ${a.name}`}
                    size="xs"
                    w={90}
                    suffix="%"
                    min={0}
                    max={100}
                    disabled={!canEdit}
                    value={r?.rate ?? ''}
                    onChange={(v) =>
                      setRating(a.assessorId, { rate: v === '' ? undefined : num(v) })
                    }
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`Note on ${a.name}`}
                    size="xs"
                    disabled={!canEdit}
                    value={r?.note ?? ''}
                    onChange={(e) => setRating(a.assessorId, { note: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {a.resolvedRate}%{' '}
                    <Text span c="dimmed" size="xs">
                      ({a.basis})
                    </Text>
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {canEdit && (
        <Group>
          <Button onClick={save} loading={saving}>
            Save strategy
          </Button>
        </Group>
      )}
    </Stack>
  );
}
