import type { CertificationCheck } from './review';
import type {
  AssessorCompliance,
  ActionDashboard,
  CoverageMatrix,
  PlanVsActual,
  SampleProgress,
} from './dashboard';
import type { CoverageSummary, LeftOut, RemovedSample, Sample } from './plan-schema';
import type { AssessorStatus, RiskRating } from './population';
import type { ActionPoint, ReviewDecision, SampleReview } from './review-schema';
import type { SamplingStrategy } from './strategy';

/** What the sampling screens, the CLI and the report are shown; plain data, no storage ids beyond what they link by. */

export interface QualificationChoice {
  id: string;
  title: string;
  number: string | null;
}

export interface StrategyAssessorView {
  assessorId: string;
  name: string;
  /** From the staff list: qualified assessors count as experienced until rated otherwise. */
  recordedStatus: AssessorStatus | null;
  status: AssessorStatus | null;
  risk: RiskRating | null;
  rate: number | null;
  note: string;
  resolvedRate: number;
  basis: string;
}

export interface StrategyView {
  strategy: SamplingStrategy;
  saved: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
  assessors: StrategyAssessorView[];
}

export interface PlanListItem {
  id: string;
  /** Who made the plan, by name, so two plans for one period can be told apart. */
  createdBy: string;
  qualificationId: string;
  qualificationTitle: string;
  period: { from: string; to: string };
  seed: number | string;
  samples: number;
  done: number;
  createdAt: string;
}

export interface SamplingOverview {
  qualifications: QualificationChoice[];
  plans: PlanListItem[];
  problems: string[];
  /** The current user's action points still to answer or be closed. */
  myActions: ActionItemView[];
  canPlan: boolean;
  today: string;
}

export interface SampleView extends Sample {
  learnerName: string;
  unitTitle: string;
  assessorName: string;
  iqaName: string;
  progress: SampleProgress;
  /** The decision of the complete review; `null` while there is none. */
  decision: ReviewDecision | null;
  /** The IQA has saved a draft review: begun, not yet counting. */
  draft: boolean;
  openActions: number;
}

/** A learner's unit the planner did not sample, with the reason, by name. */
export interface LeftOutView extends LeftOut {
  learnerName: string;
  unitTitle: string;
  assessorName: string;
}

export interface ProposalView {
  plan: {
    seed: number | string;
    period: { from: string; to: string };
    samples: SampleView[];
    leftOut: LeftOutView[];
  };
  coverage: CoverageSummary;
}

export interface ActionItemView extends ActionPoint {
  planId: string;
  /** The learner and unit the sample was of, so a point links to where the work is. */
  learnerId: string;
  unitId: string;
  learnerName: string;
  unitTitle: string;
  ownerName: string;
  raisedByName: string;
  overdue: boolean;
  feedbackToAssessor: string;
  /** Set on an action from the EQA's report, which is kept with its visit rather than a plan. */
  fromEqa?: { visitId: string; visitedOn: string; eqaName: string };
}

export interface PlanDashboard {
  planVsActual: PlanVsActual;
  compliance: AssessorCompliance[];
  matrices: CoverageMatrix[];
  actions: ActionDashboard;
  actionItems: ActionItemView[];
}

export interface PlanView {
  id: string;
  qualification: QualificationChoice;
  seed: number | string;
  period: { from: string; to: string };
  createdAt: string;
  createdBy: string;
  samples: SampleView[];
  removed: (RemovedSample & { learnerName: string; unitTitle: string })[];
  leftOut: LeftOutView[];
  coverage: CoverageSummary;
  dashboard: PlanDashboard;
  /** Learners' units that could be added to the plan, for the IQA's "add a sample". */
  candidates: { learnerId: string; unitId: string; label: string; stage: string }[];
  iqas: { id: string; name: string }[];
  today: string;
}

export interface SampledCriterionView {
  ref: string;
  partRef: string | null;
  text: string;
  outcome: 'met' | 'not-yet-met' | 'not yet assessed';
  decidedOn: string | null;
  assessorName: string | null;
  feedback: string;
  evidenceTitles: string[];
}

export interface SampledEvidenceView {
  id: string;
  title: string;
  method: string;
  producedOn: string;
  location: string;
  producedBy: string;
  fileName: string | null;
  record: string;
}

/** A sampled learner's unit, read-only: what the assessor decided, on what evidence, with what feedback. */
export interface SampleDetail {
  planId: string;
  sample: SampleView;
  learner: { id: string; name: string; uln: string; employer: string; workplace: string };
  unit: { id: string; title: string; ref: string };
  criteria: SampledCriterionView[];
  evidence: SampledEvidenceView[];
  signedOff: { on: string; by: string } | null;
  review: SampleReview | null;
  reviewerName: string | null;
  /** Why the current user may not record the review, or null when they may. */
  cannotReview: string | null;
}

export type { CertificationCheck };
