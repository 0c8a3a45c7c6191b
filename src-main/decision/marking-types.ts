import type { UnitSpec } from '../unit/unit-schema';

export type DecisionStatus = 'not-assessed' | 'met' | 'not-yet-met';

/** Something that is decided on: a criterion without parts, or one part of a criterion. */
export interface Target {
  criterionRef: string;
  partRef: string | null;
  /** "9.1 b" or "3.2": how assessors write it. */
  label: string;
  outcomeKind: 'knowledge' | 'competence';
}

export interface RuleEvidence {
  id: string;
  title: string;
  method: string;
  /** The date the evidence was produced, YYYY-MM-DD. */
  date: string;
  /** Where it is mapped; a null part means the criterion as a whole. */
  links: { criterionRef: string; partRef: string | null }[];
  /** For a witness testimony: what the witness rules check (decision/witness-rules.ts). */
  testimony?: TestimonyFacts;
}

export interface TestimonyFacts {
  witnessName: string;
  contact: string;
  description: string;
  claimsExpert: boolean;
  countsAsExpert: boolean;
}

export interface RuleDecision {
  criterionRef: string;
  partRef: string | null;
  status: DecisionStatus;
  /** The assessment date, YYYY-MM-DD. */
  date: string;
}

export interface Declaration {
  personId: string;
  signedAt: string;
}

export interface MarkingContext {
  unit: UnitSpec;
  evidence: RuleEvidence[];
  decisions: RuleDecision[];
  declarations: { learner: Declaration | null; assessor: Declaration | null };
  /** Today, YYYY-MM-DD, so rules about the future are testable. */
  today: string;
}

export type FlagRule =
  | 'no-evidence'
  | 'part-without-evidence'
  | 'not-met'
  | 'prescribed-method-unused'
  | 'learner-declaration-missing'
  | 'assessor-declaration-missing'
  | 'testimony-only-competence'
  | 'observation-only-knowledge'
  | 'testimony-whole-unit'
  | 'evidence-after-decision'
  | 'decision-in-future'
  | 'testimony-without-contact'
  | 'testimony-without-description'
  | 'expert-not-in-plan';

export interface Flag {
  rule: FlagRule;
  severity: 'block' | 'warning';
  /** The criterion or part concerned, when there is one. */
  target: string | null;
  message: string;
}
