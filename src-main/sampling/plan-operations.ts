import { auditEntry } from '../audit/audit';
import { UserError } from '../kernel/user-error';
import { newId } from '../shared/ids';
import { dayOf, type Actor } from '../shared/record';
import type { Workspace } from '../workspace/workspace';
import { actionDashboard, coverageMatrix, planVsActual, rateCompliance } from './dashboard';
import { summariseCoverage } from './coverage';
import { addSample, removeSample, rescheduleSample, type NewSample } from './plan-edit';
import type { LeftOut, SamplingPlan } from './plan-schema';
import { planSample } from './plan-sample';
import {
  actionItem,
  namesOf,
  qualificationChoice,
  samplingContext,
  sampleView,
  type Names,
  type SamplingContext,
} from './sampling-context';
import type { PlanFile } from './sampling-files';
import { samplingStore } from './sampling-store';
import type { LeftOutView, PlanDashboard, PlanView, ProposalView } from './sampling-views';
import { strategyFor } from './strategy-operations';
import { formatDate } from '../kernel/dates';

export interface PlanRequest {
  seed: number | string;
  from?: string;
  to?: string;
}

function checkPeriod(from: string, to: string): void {
  if (from > to) {
    throw new UserError(
      'invalid-input',
      `The plan period ends on ${formatDate(to)}, before it starts on ${formatDate(from)}. Choose an end date on or after the start.`,
    );
  }
}

function leftOutView(leftOut: readonly LeftOut[], names: Names): LeftOutView[] {
  return leftOut.map((l) => ({
    ...l,
    learnerName: names.learner(l.learnerId),
    unitTitle: names.unit(l.unitId),
    assessorName: names.person(l.assessorId),
  }));
}

/** The qualification's strategy and the period asked for (the strategy's own when not given). */
async function periodOf(context: SamplingContext, request: PlanRequest) {
  const { strategy } = await strategyFor(
    context.workspace,
    context.qualification.id,
    context.today,
  );
  const from = request.from ?? strategy.period.from;
  const to = request.to ?? strategy.period.to;
  checkPeriod(from, to);
  return { strategy, from, to };
}

/** A plan proposed from the workspace as it is today; nothing is saved. */
export async function proposePlan(
  context: SamplingContext,
  request: PlanRequest,
): Promise<ProposalView> {
  const { strategy, from, to } = await periodOf(context, request);
  const { plan, coverage } = planSample(context.population, strategy, {
    seed: request.seed,
    from,
    to,
    today: context.today,
  });
  const names = namesOf(context.workspace, context);
  return {
    plan: {
      seed: plan.seed,
      period: plan.period,
      samples: plan.samples.map((s) => sampleView(s, [], names, context.today)),
      leftOut: leftOutView(plan.leftOut, names),
    },
    coverage,
  };
}

export async function createPlan(
  context: SamplingContext,
  request: PlanRequest,
  actor: Actor,
  now: Date,
): Promise<{ id: string }> {
  const { strategy, from, to } = await periodOf(context, request);
  if (to < context.today) {
    throw new UserError(
      'invalid-input',
      `The plan period ended on ${formatDate(to)}, so every sample in it would be overdue the moment the plan is saved. Choose a period that ends today or later.`,
    );
  }
  const { plan } = planSample(context.population, strategy, {
    seed: request.seed,
    from,
    to,
    today: context.today,
  });
  const id = newId('sp');
  const file: PlanFile = {
    schemaVersion: 1,
    kind: 'sampling-plan',
    id,
    createdAt: now.toISOString(),
    createdBy: actor.id,
    updatedAt: now.toISOString(),
    updatedBy: actor.id,
    plan,
    audit: [
      auditEntry(actor, now, 'generated sampling plan', `plan ${id}`, {
        after: { seed: plan.seed, period: plan.period, samples: plan.samples.length },
      }),
    ],
  };
  await samplingStore(context.workspace).createPlan(file);
  return { id };
}

/** The plan's file with the context of its qualification. */
export async function openPlan(
  workspace: Workspace,
  planId: string,
  today: string,
): Promise<{ context: SamplingContext; file: PlanFile }> {
  const doc = await samplingStore(workspace).plan(planId);
  const context = await samplingContext(workspace, doc.data.plan.qualificationId, today);
  return { context, file: doc.data };
}

export async function dashboardOf(
  context: SamplingContext,
  plan: SamplingPlan,
  planId: string,
): Promise<PlanDashboard> {
  const { strategy } = await strategyFor(context.workspace, plan.qualificationId, context.today);
  const reviews = await samplingStore(context.workspace).readReviews(planId);
  const names = namesOf(context.workspace, context);
  const actions = reviews.flatMap((r) => r.actionPoints);
  return {
    planVsActual: planVsActual(plan, context.today),
    compliance: rateCompliance(context.population, strategy, plan),
    matrices: (['unit', 'method', 'location'] as const).map((d) =>
      coverageMatrix(context.population, plan, d),
    ),
    actions: actionDashboard(actions, context.today),
    actionItems: reviews.flatMap((r) =>
      r.actionPoints.map((a) => actionItem(a, r, planId, names, context.today)),
    ),
  };
}

export async function planView(
  workspace: Workspace,
  planId: string,
  today: string,
): Promise<PlanView> {
  const { context, file } = await openPlan(workspace, planId, today);
  const { plan } = file;
  const { strategy } = await strategyFor(workspace, plan.qualificationId, today);
  const reviews = await samplingStore(workspace).readReviews(planId);
  const names = namesOf(workspace, context);
  const taken = new Set(plan.samples.map((s) => `${s.learnerId}\u0000${s.unitId}\u0000${s.type}`));
  return {
    id: file.id,
    qualification: qualificationChoice(context.qualification),
    seed: plan.seed,
    period: plan.period,
    createdAt: file.createdAt,
    createdBy: names.person(file.createdBy),
    samples: plan.samples.map((s) => sampleView(s, reviews, names, today)),
    leftOut: leftOutView(plan.leftOut, names),
    removed: plan.removed.map((r) => ({
      ...r,
      learnerName: names.learner(r.sample.learnerId),
      unitTitle: names.unit(r.sample.unitId),
    })),
    coverage: summariseCoverage(context.population, strategy, plan),
    dashboard: await dashboardOf(context, plan, planId),
    candidates: context.population.assessments
      .filter(
        (a) =>
          !taken.has(
            `${a.learnerId}\u0000${a.unitId}\u0000${a.stage === 'completed' ? 'summative' : 'interim'}`,
          ),
      )
      .map((a) => ({
        learnerId: a.learnerId,
        unitId: a.unitId,
        label: `${names.learner(a.learnerId)}: ${a.unitTitle} (${names.person(a.assessorId)})`,
        stage: a.stage,
      }))
      .sort((x, y) => x.label.localeCompare(y.label)),
    iqas: context.population.iqas,
    today,
  };
}

export type PlanChange =
  | { kind: 'add'; sample: NewSample }
  | { kind: 'remove'; sampleId: string; reason: string }
  | { kind: 'reschedule'; sampleId: string; plannedDate: string };

/** The IQA's own changes to a saved plan, each audited with what it was before. */
export async function changePlan(
  workspace: Workspace,
  planId: string,
  change: PlanChange,
  actor: Actor,
  now: Date,
): Promise<void> {
  const today = dayOf(now);
  const { context } = await openPlan(workspace, planId, today);
  const doc = await samplingStore(workspace).plan(planId);
  const { population } = context;
  await doc.update((file) => {
    let plan: SamplingPlan;
    let action: string;
    let target: string;
    let detail: { before?: unknown; after?: unknown };
    if (change.kind === 'add') {
      plan = addSample(file.plan, population, change.sample);
      const added = plan.samples[plan.samples.length - 1];
      action = 'added sample';
      target = `sample ${added?.id ?? ''}`;
      detail = { after: added };
    } else if (change.kind === 'remove') {
      plan = removeSample(file.plan, change.sampleId, {
        reason: change.reason,
        by: actor.id,
        on: today,
      });
      action = 'removed sample';
      target = `sample ${change.sampleId}`;
      detail = { after: { reason: change.reason.trim() } };
    } else {
      const before = file.plan.samples.find((s) => s.id === change.sampleId)?.plannedDate;
      plan = rescheduleSample(file.plan, population, change.sampleId, change.plannedDate);
      action = 'rescheduled sample';
      target = `sample ${change.sampleId}`;
      detail = { before: { plannedDate: before }, after: { plannedDate: change.plannedDate } };
    }
    return {
      ...file,
      plan,
      updatedAt: now.toISOString(),
      updatedBy: actor.id,
      audit: [...file.audit, auditEntry(actor, now, action, target, detail)],
    };
  });
}
