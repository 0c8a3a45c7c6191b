import { UserError } from '../kernel/user-error';
import type { ActionRow, SamplingRecordInput, SamplingReportInput } from '../record';
import { dayOf } from '../shared/record';
import type { Workspace } from '../workspace/workspace';
import { summariseCoverage } from './coverage';
import { actionDashboard, coverageMatrix, planVsActual, rateCompliance } from './dashboard';
import { openPlan } from './plan-operations';
import { openSample } from './review-operations';
import {
  completeReviewOf,
  isCompleteReview,
  reviewDecisionLabels,
  vacsrChecks,
  vacsrLabels,
} from './review-schema';
import type { ActionPoint, CompleteReview, SampleReview } from './review-schema';
import { namesOf, type Names } from './sampling-context';
import { samplingStore } from './sampling-store';
import { strategyFor, strategyView } from './strategy-operations';
import { samplingTrends } from './trends';
import { isOverdue } from './action-loop';
import { criterionLabel } from '../kernel/criterion-key';

const statusWords = {
  new: 'New',
  'working-towards': 'Working towards',
  experienced: 'Experienced',
} as const;

function context(
  workspace: Workspace,
  qualification: { title: string; number: string | null; awardingBody: string | null },
) {
  return {
    centreName: workspace.centre.centre.name,
    awardingBody: qualification.awardingBody ?? workspace.centre.awardingBodies[0]?.name ?? '',
    qualification: { title: qualification.title, number: qualification.number ?? '' },
  };
}

function actionRow(
  action: ActionPoint,
  review: SampleReview,
  names: Names,
  today: string,
): ActionRow {
  const latest = action.history[action.history.length - 1];
  return {
    what: action.what,
    learner: names.learner(review.learnerId),
    unit: names.unit(review.unitId),
    owner: names.person(action.owner),
    due: action.due,
    state: action.state,
    overdue: isOverdue(action, today),
    ...(action.closedOn ? { closedOn: action.closedOn } : {}),
    latest: latest?.text.trim() ?? '',
  };
}

function vacsrSummary(review: SampleReview): string {
  const unmet = vacsrChecks.filter((c) => !review.vacsr[c].met);
  return unmet.length === 0 ? 'All met' : `Not ${unmet.join(', ')}`;
}

type PlanContext = Awaited<ReturnType<typeof openPlan>>['context'];
type Plan = Awaited<ReturnType<typeof openPlan>>['file']['plan'];
type Strategy = Awaited<ReturnType<typeof strategyFor>>;
type Report = SamplingReportInput;

const capitalised = (word: string) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`;

/** The strategy in words: the rates by status and risk, and each assessor's rating. */
function strategyInWords(ctx: PlanContext, found: Strategy): Report['strategy'] {
  const { strategy } = found;
  const view = strategyView(ctx, found);
  return {
    statusRates: (['new', 'working-towards', 'experienced'] as const).map((s) => ({
      label: `${statusWords[s]} assessor`,
      rate: strategy.statusRates[s],
    })),
    riskRates: (['red', 'amber', 'green'] as const).map((r) => ({
      label: `${capitalised(r)} risk`,
      rate: strategy.riskRates[r],
    })),
    interimShare: strategy.interimShare,
    newQualification: strategy.newQualification
      ? `Yes: sampled at ${strategy.newQualificationRate}% or more`
      : 'No',
    assessors: view.assessors.map((a) => ({
      name: a.name,
      status: statusWords[a.status ?? a.recordedStatus ?? 'new'],
      risk: a.risk ? capitalised(a.risk) : 'Not rated',
      rate: a.resolvedRate,
      basis: a.basis,
      note: a.note,
    })),
  };
}

/** The plan's samples, those taken out and those left unsampled, with people and units by name. */
function planRows(plan: Plan, reviews: CompleteReview[], names: Names) {
  return {
    samples: plan.samples.map((s) => {
      const review = completeReviewOf(reviews, s.id);
      return {
        learner: names.learner(s.learnerId),
        unit: names.unit(s.unitId),
        assessor: names.person(s.assessorId),
        type: s.type,
        planned: s.plannedDate,
        ...(s.actualDate ? { done: s.actualDate } : {}),
        decision: review ? reviewDecisionLabels[review.decision] : 'Not reviewed',
        reasons: s.reasons,
      };
    }),
    removed: plan.removed.map((r) => ({
      learner: names.learner(r.sample.learnerId),
      unit: names.unit(r.sample.unitId),
      reason: r.reason,
      on: r.removedOn,
    })),
    leftOut: plan.leftOut.map((l) => ({
      learner: names.learner(l.learnerId),
      unit: names.unit(l.unitId),
      assessor: names.person(l.assessorId),
      reason: l.reason,
    })),
  };
}

/** The coverage matrices of assessors against units, methods and locations. */
function matrices(ctx: PlanContext, plan: Plan): Report['matrices'] {
  return (['unit', 'method', 'location'] as const).map((d) => {
    const m = coverageMatrix(ctx.population, plan, d);
    return {
      title: `assessors × ${d}s`,
      columns: m.columns.map((c) => c.label.replace(/^(unit|method|location) '?|'$/g, '')),
      rows: m.rows.map((r, i) => ({
        assessor: r.name,
        cells: m.columns.map((_, j) => {
          const cell = m.cells[i]?.[j];
          return !cell || cell.assessments === 0 ? '' : `${cell.sampled} of ${cell.assessments}`;
        }),
      })),
    };
  });
}

function reviewRows(reviews: CompleteReview[], names: Names): Report['reviews'] {
  return reviews.map((r) => ({
    learner: names.learner(r.learnerId),
    unit: names.unit(r.unitId),
    assessor: names.person(r.assessorId),
    decision: reviewDecisionLabels[r.decision],
    vacsr: vacsrSummary(r),
    feedbackQuality: r.feedbackQuality.rating,
    recordsQuality: r.recordsQuality.rating,
    feedbackToAssessor: r.feedbackToAssessor,
  }));
}

/** The sampling report's content, from the plan's files and the workspace as it is now. */
export async function samplingReportInput(
  workspace: Workspace,
  planId: string,
  now: Date,
): Promise<SamplingReportInput> {
  const today = dayOf(now);
  const { context: ctx, file } = await openPlan(workspace, planId, today);
  const { plan } = file;
  const found = await strategyFor(workspace, plan.qualificationId, today);
  const { strategy } = found;
  // Only a complete review counts: a draft is the IQA's work in progress, not a finding.
  const reviews = (await samplingStore(workspace).readReviews(planId)).filter(isCompleteReview);
  const names = namesOf(workspace, ctx);
  const progress = planVsActual(plan, today);
  const compliance = rateCompliance(ctx.population, strategy, plan);
  const coverage = summariseCoverage(ctx.population, strategy, plan);
  const actions = reviews.flatMap((r) => r.actionPoints.map((a) => ({ a, r })));
  const iqaIds = [
    ...new Set([...reviews.map((r) => r.reviewerId), ...plan.samples.map((s) => s.iqaId)]),
  ];
  const iqaName = iqaIds.map((id) => names.person(id)).join(', ') || names.person(file.createdBy);
  return {
    recordId: `sampling-report-${planId}`,
    generatedAt: now.toISOString(),
    ...context(workspace, ctx.qualification),
    learner: { name: iqaName },
    iqa: { name: iqaName, role: 'Internal quality assurer' },
    period: plan.period,
    seed: String(plan.seed),
    strategy: strategyInWords(ctx, found),
    progress,
    ...planRows(plan, reviews, names),
    reviews: reviewRows(reviews, names),
    compliance: compliance.map((c) => ({
      assessor: c.name,
      rate: c.rate,
      assessments: c.assessments,
      required: c.required,
      done: c.done,
      share: c.share,
      compliant: c.compliant,
    })),
    matrices: matrices(ctx, plan),
    gaps: coverage.gaps,
    actions: actions.map(({ a, r }) => actionRow(a, r, names, today)),
    trends: samplingTrends({
      samples: plan.samples,
      reviews,
      compliance,
      progress,
      overdueActions: actionDashboard(
        actions.map(({ a }) => a),
        today,
      ).overdue,
      gaps: coverage.gaps,
      person: names.person,
    }),
    iqaSignature: { date: today, typedName: iqaName },
  };
}

/** The IQA sampling record of one reviewed sample. */
export async function samplingRecordInput(
  workspace: Workspace,
  planId: string,
  sampleId: string,
  now: Date,
): Promise<SamplingRecordInput> {
  const today = dayOf(now);
  const { context: ctx } = await openPlan(workspace, planId, today);
  const detail = await openSample(
    workspace,
    planId,
    sampleId,
    { id: 'records', role: 'system' },
    today,
  );
  const review = detail.review && isCompleteReview(detail.review) ? detail.review : null;
  if (!review) {
    throw new UserError(
      'not-found',
      'This sample has not been reviewed yet, so there is no sampling record to print. Review it first.',
    );
  }
  const names = namesOf(workspace, ctx);
  const decisions = new Map(
    detail.criteria.map((c) => [criterionLabel(c.ref, c.partRef), c.outcome]),
  );
  const outcome = {
    met: 'Met',
    'not-yet-met': 'Not yet met',
    'not yet assessed': 'Not yet assessed',
  };
  return {
    recordId: `sampling-record-${review.id}`,
    generatedAt: now.toISOString(),
    ...context(workspace, ctx.qualification),
    learner: { name: detail.learner.name, uln: detail.learner.uln },
    iqa: { name: names.person(review.reviewerId), role: 'Internal quality assurer' },
    assessor: { name: names.person(review.assessorId), role: 'Assessor' },
    unit: { title: detail.unit.title, ref: detail.unit.ref },
    type: review.type,
    planned: detail.sample.plannedDate,
    reviewedOn: review.reviewedOn,
    reasons: detail.sample.reasons,
    criteria: review.criteria.map((c) => ({
      ref: c.ref,
      assessorDecision: outcome[decisions.get(c.ref) ?? 'not yet assessed'],
      agree: c.agree,
      comment: c.comment,
    })),
    evidenceSampled: detail.evidence
      .filter((e) => review.evidenceSampled.includes(e.id))
      .map((e) => ({
        title: e.title,
        method: e.method,
        date: e.producedOn,
      })),
    vacsr: vacsrChecks.map((c) => ({
      check: vacsrLabels[c],
      met: review.vacsr[c].met,
      comment: review.vacsr[c].comment,
    })),
    feedbackQuality: review.feedbackQuality,
    recordsQuality: review.recordsQuality,
    decision: reviewDecisionLabels[review.decision],
    feedbackToAssessor: review.feedbackToAssessor ? [review.feedbackToAssessor] : [],
    actions: review.actionPoints.map((a) => actionRow(a, review, names, today)),
    iqaSignature: { date: review.reviewedOn, typedName: names.person(review.reviewerId) },
    assessorAcknowledgement: { date: review.assessorAcknowledgedOn ?? null },
  };
}
