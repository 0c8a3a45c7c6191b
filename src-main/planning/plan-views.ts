import type { AssessmentPlan, PlanSignerRole } from '../portfolio/plan-schema';

export interface PlanTargetOption {
  criterionRef: string;
  partRef: string | null;
  /** "9.1 a" */
  label: string;
  text: string;
}

export interface PlanUnitOption {
  id: string;
  ref: string;
  title: string;
  targets: PlanTargetOption[];
}

export interface PlanSignatureView {
  role: PlanSignerRole;
  name: string;
  signedAt: string;
  method: 'drawn' | 'typed';
  image?: string;
  typedName?: string;
  /** The words signed, exactly as signed (their version's wording). */
  declaration: string;
  declarationVersion: number;
  /** Still stands for the plan as it reads now. */
  stands: boolean;
}

export interface PlanView extends Omit<AssessmentPlan, 'updatedAt' | 'updatedBy' | 'signatures'> {
  assessorName: string;
  /** "J/508/4003 7.4", one per planned criterion or part. */
  criteriaLabels: string[];
  unitLabels: string[];
  witnessNames: string[];
  expertWitnessNames: string[];
  signatures: PlanSignatureView[];
  /** Planned criteria without a decision after the visit ("J/508/4003 9.1 a"). */
  stillToDo: string[];
  /** A newer version being drafted or agreed, when there is one. */
  newerVersionId: string | null;
}

export interface PlansOverview {
  learnerName: string;
  /** The learner's recorded needs: offered as a suggestion for adjustments, never filled in. */
  recordedNeeds: string;
  allowTypedSignatures: boolean;
  units: PlanUnitOption[];
  witnesses: { id: string; name: string; expert: boolean }[];
  evidence: { id: string; title: string; producedOn: string; method: string }[];
  plans: PlanView[];
}
