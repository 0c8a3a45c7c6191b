import { Alert, Badge, Select, Stack, Tabs, Text } from '@mantine/core';
import { useOperation } from '../api/use-operation';
import { moveTo, useAddress } from '../api/address';
import { Loading } from '../components/Loading';
import { ActionPoints } from '../components/sampling/ActionPoints';
import { NewPlan } from '../components/sampling/NewPlan';
import { PlanPanel } from '../components/sampling/PlanPanel';
import { SamplingDashboard } from '../components/sampling/SamplingDashboard';
import { StrategyEditor } from '../components/sampling/StrategyEditor';
import { formatDateTime, formatPeriod } from '../components/sampling/sampling-format';
import { EqaVisits } from '../components/visit/EqaVisits';
import { VisitPackButton } from '../components/visit/VisitPackButton';

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
  const mustChoose = plans.length > 1 && chosenPlan === null;
  const choosePrompt = (
    <Alert color="blue" title="Choose a sampling plan" data-testid="choose-plan">
      There are {plans.length} sampling plans for this qualification. Choose one in &ldquo;Sampling
      plan&rdquo; above: each says who made it, when, and how many samples it has.
    </Alert>
  );
  const currentTab =
    tab ?? (role === 'assessor' && (data?.myActions.length ?? 0) > 0 ? 'actions' : 'plan');
  const refresh = () => overview.reload();
  // The badge counts the points waiting for the current user: answered ones wait for the IQA.
  const waiting = data?.myActions.filter((a) => a.state === 'open') ?? [];

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
            <Stack gap="xs">
              <Select
                label="Qualification"
                w={380}
                allowDeselect={false}
                value={qualificationId}
                data={o.qualifications.map((q) => ({ value: q.id, label: q.title }))}
                onChange={(v) => moveTo({ qualification: v, plan: null, sample: null })}
              />
              {plans.length > 0 && (
                <Select
                  label="Sampling plan"
                  w="100%"
                  maw={900}
                  allowDeselect={false}
                  placeholder="Choose a plan"
                  value={chosenPlan?.id ?? null}
                  data={plans.map((p) => ({
                    value: p.id,
                    label: `${formatPeriod(p.period)} · ${p.createdBy}, ${formatDateTime(p.createdAt)} · ${p.samples} ${p.samples === 1 ? 'sample' : 'samples'}, ${p.done} done · seed ${String(p.seed)}`,
                  }))}
                  onChange={setPlanId}
                />
              )}
            </Stack>
          )}
          {qualificationId && (
            <Tabs value={currentTab} onChange={setTab} keepMounted={false}>
              <Tabs.List aria-label="Sampling">
                <Tabs.Tab value="plan">Plan and reviews</Tabs.Tab>
                <Tabs.Tab value="strategy">Strategy</Tabs.Tab>
                <Tabs.Tab value="dashboard">Dashboard</Tabs.Tab>
                <Tabs.Tab
                  value="actions"
                  rightSection={
                    waiting.length > 0 ? (
                      <Badge
                        size="sm"
                        color={waiting.some((a) => a.overdue) ? 'red' : 'blue'}
                        aria-label={`${waiting.length} waiting for your answer`}
                      >
                        {waiting.length}
                      </Badge>
                    ) : undefined
                  }
                >
                  Action points
                </Tabs.Tab>
                <Tabs.Tab value="visits">EQA visits</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="plan" pt="md">
                <Stack>
                  {chosenPlan ? (
                    <PlanPanel
                      planId={chosenPlan.id}
                      canEdit={role === 'iqa'}
                      onChanged={refresh}
                    />
                  ) : mustChoose ? (
                    choosePrompt
                  ) : (
                    <Text c="dimmed">
                      No sampling plan has been made for this qualification yet.
                    </Text>
                  )}
                  {chosenPlan && role === 'iqa' && <VisitPackButton planId={chosenPlan.id} />}
                  {o.canPlan && (
                    <NewPlan
                      qualificationId={qualificationId}
                      hasPlan={plans.length > 0}
                      onCreated={(id) => {
                        setPlanId(id);
                        refresh();
                      }}
                    />
                  )}
                </Stack>
              </Tabs.Panel>
              <Tabs.Panel value="strategy" pt="md">
                <StrategyEditor qualificationId={qualificationId} canEdit={o.canPlan} />
              </Tabs.Panel>
              <Tabs.Panel value="dashboard" pt="md">
                {chosenPlan ? (
                  <SamplingDashboard planId={chosenPlan.id} />
                ) : mustChoose ? (
                  choosePrompt
                ) : (
                  <Text c="dimmed">The dashboard appears once there is a sampling plan.</Text>
                )}
              </Tabs.Panel>
              <Tabs.Panel value="actions" pt="md">
                <ActionPoints
                  mine={o.myActions}
                  planId={chosenPlan?.id ?? null}
                  isIqa={role === 'iqa'}
                  onChanged={refresh}
                />
              </Tabs.Panel>
              <Tabs.Panel value="visits" pt="md">
                <EqaVisits
                  canImport={role === 'iqa'}
                  canReport={role === 'eqa'}
                  onChanged={refresh}
                />
              </Tabs.Panel>
            </Tabs>
          )}
        </Stack>
      )}
    </Loading>
  );
}
