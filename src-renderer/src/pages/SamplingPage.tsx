import { Alert, Stack } from '@mantine/core';
import { useOperation } from '../api/use-operation';
import { moveTo, useAddress } from '../api/address';
import { Loading } from '../components/Loading';
import { SamplingChoosers } from '../components/sampling/SamplingChoosers';
import { SamplingTabs } from '../components/sampling/SamplingTabs';

/** IQA sampling: the strategy, the plan and its reviews, the dashboards, and the action points. */
export function SamplingPage() {
  const overview = useOperation('sampling:overview', {});
  const session = useOperation('session:get', {});
  // ?page=sampling&qualification=…&plan=…&view=…&sample=… (the sample open for review)
  const address = useAddress();
  const chosenQualification = address.get('qualification');
  const planId = address.get('plan');
  const tab = address.get('view');
  const setPlanId = (id: string | null) => moveTo({ plan: id, sample: null });
  const setTab = (view: string | null) => moveTo({ view, sample: null });
  const data = overview.data;
  const role = session.data?.user?.role ?? null;

  const qualificationId = chosenQualification ?? data?.qualifications[0]?.id ?? null;

  const plans = data?.plans.filter((p) => p.qualificationId === qualificationId) ?? [];
  // A plan is shown because the IQA chose it (kept in the address), never because it is newest:
  // with several plans and none chosen, the page asks which.
  const chosenPlan =
    plans.find((p) => p.id === planId) ?? (plans.length === 1 ? (plans[0] ?? null) : null);
  const currentTab =
    tab ?? (role === 'assessor' && (data?.myActions.length ?? 0) > 0 ? 'actions' : 'plan');
  const refresh = () => overview.reload();

  return (
    <Loading state={overview} label="Sampling">
      {(o) => (
        <Stack>
          {o.problems.map((p) => (
            <Alert key={p} color="orange" title="A sampling file could not be read">
              {p}
            </Alert>
          ))}
          {o.qualifications.length === 0 ? (
            <Alert color="blue" title="No qualification to sample">
              Sampling is planned per qualification. Add a qualification on the Units page first.
            </Alert>
          ) : (
            <SamplingChoosers
              qualifications={o.qualifications}
              qualificationId={qualificationId}
              plans={plans}
              chosenPlanId={chosenPlan?.id ?? null}
              onPlan={setPlanId}
            />
          )}
          {qualificationId && (
            <SamplingTabs
              choice={{
                overview: o,
                qualificationId,
                plans,
                chosenPlanId: chosenPlan?.id ?? null,
                role,
                refresh,
                onPlan: setPlanId,
              }}
              tab={currentTab}
              onTab={setTab}
            />
          )}
        </Stack>
      )}
    </Loading>
  );
}
