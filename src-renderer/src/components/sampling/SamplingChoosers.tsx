import { Select, Stack } from '@mantine/core';
import type { SamplingOverview } from '../../../../src-main/sampling/sampling-contract';
import { moveTo } from '../../api/address';
import { formatDateTime, formatPeriod } from './sampling-format';

type Plan = SamplingOverview['plans'][number];

/** Which qualification is sampled and, where it has plans, which plan is shown. */
export function SamplingChoosers({
  qualifications,
  qualificationId,
  plans,
  chosenPlanId,
  onPlan,
}: {
  qualifications: SamplingOverview['qualifications'];
  qualificationId: string | null;
  plans: Plan[];
  chosenPlanId: string | null;
  onPlan: (planId: string | null) => void;
}) {
  return (
    <Stack gap="xs">
      <Select
        label="Qualification"
        w={380}
        allowDeselect={false}
        value={qualificationId}
        data={qualifications.map((q) => ({ value: q.id, label: q.title }))}
        onChange={(v) => moveTo({ qualification: v, plan: null, sample: null })}
      />
      {plans.length > 0 && (
        <Select
          label="Sampling plan"
          w="100%"
          maw={900}
          allowDeselect={false}
          placeholder="Choose a plan"
          value={chosenPlanId}
          data={plans.map((p) => ({
            value: p.id,
            label: `${formatPeriod(p.period)} · ${p.createdBy}, ${formatDateTime(p.createdAt)} · ${p.samples} ${p.samples === 1 ? 'sample' : 'samples'}, ${p.done} done · seed ${String(p.seed)}`,
          }))}
          onChange={onPlan}
        />
      )}
    </Stack>
  );
}
