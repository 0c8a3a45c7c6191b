import { createHash } from 'node:crypto';
import type { AssessmentPlan, PlanSignature, PlanSignerRole } from './plan-schema';
import { planDeclarationWords } from '../kernel/plan-declaration-words';
import { ukToday } from '../kernel/dates';

/** What a plan says, as its signatures cover it: everything agreed, nothing about filing. */
export function agreedContent(plan: AssessmentPlan): Record<string, unknown> {
  return {
    id: plan.id,
    version: plan.version,
    revises: plan.revises,
    assessorId: plan.assessorId,
    visitDate: plan.visitDate,
    visitTime: plan.visitTime,
    place: plan.place,
    unitIds: plan.unitIds,
    criteria: plan.criteria,
    methods: plan.methods,
    witnessIds: plan.witnessIds,
    expertWitnessIds: plan.expertWitnessIds,
    others: plan.others,
    preparation: plan.preparation,
    adjustments: plan.adjustments,
    agreedHow: plan.agreedHow,
    notes: plan.notes,
  };
}

/** The SHA-256 a signature of `role` gives over this plan, in the given declaration version. */
export function planSignatureHash(
  learnerId: string,
  plan: AssessmentPlan,
  role: PlanSignerRole,
  declarationVersion: number,
): string {
  const text = JSON.stringify({
    declaration: planDeclarationWords(role, declarationVersion),
    declarationVersion,
    learnerId,
    plan: agreedContent(plan),
  });
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A signature still stands for the plan as it reads now. */
export function signatureStands(
  learnerId: string,
  plan: AssessmentPlan,
  s: PlanSignature,
): boolean {
  return s.hash === planSignatureHash(learnerId, plan, s.role, s.declarationVersion);
}

export function standingSignature(
  learnerId: string,
  plan: AssessmentPlan,
  role: PlanSignerRole,
): PlanSignature | undefined {
  return plan.signatures.findLast((s) => s.role === role && signatureStands(learnerId, plan, s));
}

/**
 * A plan is agreed once the learner and the assessor have both signed it as it reads; the
 * agreement date is the day the assessor signed, in the UK (a signature at 00:30 BST is the
 * next day's, though UTC still says the day before).
 */
export function agreementOf(
  learnerId: string,
  plan: AssessmentPlan,
): { agreed: boolean; agreedOn: string | null } {
  const learner = standingSignature(learnerId, plan, 'learner');
  const assessor = standingSignature(learnerId, plan, 'assessor');
  if (!learner || !assessor) return { agreed: false, agreedOn: null };
  return { agreed: true, agreedOn: ukToday(new Date(assessor.signedAt)) };
}

/** Every unit a plan covers: those named whole and those of its criteria. */
export function unitsOfPlan(plan: Pick<AssessmentPlan, 'unitIds' | 'criteria'>): string[] {
  return [...new Set([...plan.unitIds, ...plan.criteria.map((c) => c.unitId)])];
}

/**
 * An expert witness counts as expert only when an assessment plan agreed on or before the
 * activity names them (for this unit, or for every unit when the plan names none).
 */
export function planNamesExpert(
  plans: readonly AssessmentPlan[],
  witnessId: string,
  unitId: string,
  activityDay: string,
): boolean {
  return plans.some((plan) => {
    if (plan.status !== 'agreed' || !plan.agreedOn) return false;
    const units = unitsOfPlan(plan);
    return (
      plan.expertWitnessIds.includes(witnessId) &&
      plan.agreedOn <= activityDay &&
      (units.length === 0 || units.includes(unitId))
    );
  });
}
