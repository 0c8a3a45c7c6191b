import {
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { AssessorStatus, RiskRating } from '../../../../src-main/sampling/population';
import type { StrategyView } from '../../../../src-main/sampling/sampling-contract';
import type { SamplingStrategy } from '../../../../src-main/sampling/strategy';
import { DateField } from '../dates/DateField';
import { DataTable } from '../common/DataTable';

const num = (v: string | number) => (typeof v === 'number' ? v : Number(v) || 0);
const statusLabels = {
  new: 'New',
  'working-towards': 'Working towards',
  experienced: 'Experienced',
} as const;
const riskLabels = { red: 'Red', amber: 'Amber', green: 'Green' } as const;
const choices = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

type Rating = SamplingStrategy['assessors'][number];

export interface DraftProps {
  draft: SamplingStrategy;
  canEdit: boolean;
  set: (change: Partial<SamplingStrategy>) => void;
}

interface RateProps {
  label: string;
  value: number;
  canEdit: boolean;
  onChange: (n: number) => void;
}

function RateInput({ label, value, canEdit, onChange }: RateProps) {
  return (
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
}

/** The rates by assessor status and by risk rating. */
export function RatesCard({ draft, canEdit, set }: DraftProps) {
  return (
    <Card withBorder>
      <Title order={2} size="h5" mb="xs">
        Rates by assessor status
      </Title>
      <Group>
        {(['new', 'working-towards', 'experienced'] as const).map((s) => (
          <RateInput
            key={s}
            label={statusLabels[s]}
            value={draft.statusRates[s]}
            canEdit={canEdit}
            onChange={(n) => set({ statusRates: { ...draft.statusRates, [s]: n } })}
          />
        ))}
      </Group>
      <Title order={2} size="h5" mt="md" mb="xs">
        Rates by risk rating
      </Title>
      <Group>
        {(['red', 'amber', 'green'] as const).map((r) => (
          <RateInput
            key={r}
            label={`${riskLabels[r]} risk`}
            value={draft.riskRates[r]}
            canEdit={canEdit}
            onChange={(n) => set({ riskRates: { ...draft.riskRates, [r]: n } })}
          />
        ))}
      </Group>
    </Card>
  );
}

/** The interim share, the plan's period and a new qualification's own rate. */
export function PeriodCard({ draft, canEdit, set }: DraftProps) {
  return (
    <Card withBorder>
      <Group align="end">
        <RateInput
          label="Interim share of each sample"
          value={draft.interimShare}
          canEdit={canEdit}
          onChange={(n) => set({ interimShare: n })}
        />
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
        {draft.newQualification && (
          <RateInput
            label="New qualification rate"
            value={draft.newQualificationRate}
            canEdit={canEdit}
            onChange={(n) => set({ newQualificationRate: n })}
          />
        )}
      </Group>
    </Card>
  );
}

interface RowProps {
  assessor: StrategyView['assessors'][number];
  rating: Rating | undefined;
  canEdit: boolean;
  onChange: (change: Partial<Rating>) => void;
}

function AssessorRow({ assessor: a, rating: r, canEdit, onChange }: RowProps) {
  return (
    <Table.Tr>
      <Table.Th scope="row">{a.name}</Table.Th>
      <Table.Td>
        <Select
          aria-label={`Status of ${a.name}`}
          size="xs"
          w={170}
          disabled={!canEdit}
          placeholder={
            a.recordedStatus ? `${statusLabels[a.recordedStatus]} (staff list)` : 'Not recorded'
          }
          value={r?.status ?? null}
          data={choices(statusLabels)}
          onChange={(v) => onChange({ status: (v as AssessorStatus | null) ?? undefined })}
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
          data={choices(riskLabels)}
          onChange={(v) => onChange({ risk: (v as RiskRating | null) ?? undefined })}
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
          onChange={(v) => onChange({ rate: v === '' ? undefined : num(v) })}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={`Note on ${a.name}`}
          size="xs"
          disabled={!canEdit}
          value={r?.note ?? ''}
          onChange={(e) => onChange({ note: e.currentTarget.value })}
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
}

/** Each assessor's rating, their own rate if any, and the rate the saved strategy gives them. */
export function AssessorRatings({
  view,
  draft,
  canEdit,
  set,
}: DraftProps & { view: StrategyView }) {
  const rating = (assessorId: string) => draft.assessors.find((r) => r.assessorId === assessorId);
  const setRating = (assessorId: string, change: Partial<Rating>) => {
    const others = draft.assessors.filter((r) => r.assessorId !== assessorId);
    const next = { assessorId, note: '', ...rating(assessorId), ...change };
    set({ assessors: [...others, next] });
  };
  return (
    <DataTable
      withTableBorder
      striped
      caption="Each assessor's rating and the rate it gives"
      head={['Assessor', 'Status', 'Risk', 'Own rate', 'Note', 'Saved rate']}
    >
      {view.assessors.map((a) => (
        <AssessorRow
          key={a.assessorId}
          assessor={a}
          rating={rating(a.assessorId)}
          canEdit={canEdit}
          onChange={(change) => setRating(a.assessorId, change)}
        />
      ))}
    </DataTable>
  );
}
