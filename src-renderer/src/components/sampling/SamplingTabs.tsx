import { Alert, Badge, Stack, Tabs, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { SamplingOverview } from '../../../../src-main/sampling/sampling-contract';
import { EqaVisits } from '../visit/EqaVisits';
import { VisitPackButton } from '../visit/VisitPackButton';
import { ActionPoints } from './ActionPoints';
import { NewPlan } from './NewPlan';
import { PlanPanel } from './PlanPanel';
import { SamplingDashboard } from './SamplingDashboard';
import { StrategyEditor } from './StrategyEditor';

export interface SamplingChoice {
  overview: SamplingOverview;
  qualificationId: string;
  plans: SamplingOverview['plans'];
  chosenPlanId: string | null;
  role: string | null;
  refresh: () => void;
  onPlan: (planId: string | null) => void;
}

/** The sampling tabs: plan and reviews, strategy, dashboard, action points and EQA visits. */
export function SamplingTabs({
  choice,
  tab,
  onTab,
}: {
  choice: SamplingChoice;
  tab: string;
  onTab: (tab: string | null) => void;
}) {
  const { overview: o, qualificationId, chosenPlanId, role, refresh } = choice;
  const noPlan = (words: string) => (
    <PlanOrPrompt plans={choice.plans.length}>
      <Text c="dimmed">{words}</Text>
    </PlanOrPrompt>
  );
  return (
    <Tabs value={tab} onChange={onTab} keepMounted={false}>
      <SamplingTabList mine={o.myActions} />
      <Tabs.Panel value="plan" pt="md">
        <PlanTab choice={choice} noPlan={noPlan} />
      </Tabs.Panel>
      <Tabs.Panel value="strategy" pt="md">
        <StrategyEditor qualificationId={qualificationId} canEdit={o.canPlan} />
      </Tabs.Panel>
      <Tabs.Panel value="dashboard" pt="md">
        {chosenPlanId ? (
          <SamplingDashboard planId={chosenPlanId} />
        ) : (
          noPlan('The dashboard appears once there is a sampling plan.')
        )}
      </Tabs.Panel>
      <Tabs.Panel value="actions" pt="md">
        <ActionPoints
          mine={o.myActions}
          planId={chosenPlanId}
          isIqa={role === 'iqa'}
          onChanged={refresh}
        />
      </Tabs.Panel>
      <Tabs.Panel value="visits" pt="md">
        <EqaVisits canImport={role === 'iqa'} canReport={role === 'eqa'} onChanged={refresh} />
      </Tabs.Panel>
    </Tabs>
  );
}

/** The tabs' names; the badge counts the points waiting for the current user. */
function SamplingTabList({ mine }: { mine: SamplingOverview['myActions'] }) {
  // Answered points wait for the IQA, not for the person looking.
  const waiting = mine.filter((a) => a.state === 'open');
  return (
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
  );
}

/** The chosen plan with its reviews, the visit pack, and making a new plan. */
function PlanTab({
  choice,
  noPlan,
}: {
  choice: SamplingChoice;
  noPlan: (words: string) => ReactNode;
}) {
  const { overview: o, chosenPlanId, role, refresh } = choice;
  return (
    <Stack>
      {chosenPlanId ? (
        <PlanPanel planId={chosenPlanId} canEdit={role === 'iqa'} onChanged={refresh} />
      ) : (
        noPlan('No sampling plan has been made for this qualification yet.')
      )}
      {chosenPlanId && role === 'iqa' && <VisitPackButton planId={chosenPlanId} />}
      {o.canPlan && (
        <NewPlan
          qualificationId={choice.qualificationId}
          hasPlan={choice.plans.length > 0}
          onCreated={(id) => {
            choice.onPlan(id);
            refresh();
          }}
        />
      )}
    </Stack>
  );
}

/**
 * Where no plan is shown: with several plans and none chosen, the page asks which (a plan is
 * shown because the IQA chose it, never because it is newest); otherwise what it would show.
 */
function PlanOrPrompt({ plans, children }: { plans: number; children: ReactNode }) {
  if (plans <= 1) return children;
  return (
    <Alert color="blue" title="Choose a sampling plan" data-testid="choose-plan">
      There are {plans} sampling plans for this qualification. Choose one in &ldquo;Sampling
      plan&rdquo; above: each says who made it, when, and how many samples it has.
    </Alert>
  );
}
