import type { CentreFile } from '../centre/centre-schema';
import { stillToDoOnUnit } from '../decision/planned-targets';
import { planDeclarationWords } from '../kernel/plan-declaration-words';
import { unitRef } from '../kernel/unit-label';
import type { Portfolio } from '../portfolio/portfolio-schema';
import type { StoredUnit } from '../unit/unit-schema';
import { signatureStands } from '../portfolio/plan-rules';
import type { AssessmentPlan } from '../portfolio/plan-schema';
import type { PlanUnitOption, PlansOverview, PlanView } from './plan-views';

/** The units a learner is registered on, with every criterion and part to choose from. */
export function planUnitOptions(
  portfolio: Portfolio,
  units: readonly StoredUnit[],
): { option: PlanUnitOption; unit: StoredUnit }[] {
  return portfolio.registrations
    .filter((r) => !r.withdrawn)
    .flatMap((r) => {
      const unit = units.find((u) => u.id === r.unitId && u.version === r.unitVersion);
      if (!unit) return [];
      const targets = unit.outcomes.flatMap((o) =>
        o.criteria.flatMap((c) => [
          { criterionRef: c.ref, partRef: null, label: c.ref, text: c.text },
          ...c.parts.map((part) => ({
            criterionRef: c.ref,
            partRef: part.ref,
            label: `${c.ref} ${part.ref}`,
            text: `${c.text} ${part.text}`,
          })),
        ]),
      );
      return [{ option: { id: unit.id, ref: unitRef(unit), title: unit.title, targets }, unit }];
    });
}

function planView(
  plan: AssessmentPlan,
  portfolio: Portfolio,
  centre: Pick<CentreFile, 'staff' | 'witnesses'>,
  registered: { option: PlanUnitOption; unit: StoredUnit }[],
  today: string,
): PlanView {
  const { updatedAt: _a, updatedBy: _b, signatures, ...rest } = plan;
  const refOf = (unitId: string) =>
    registered.find((r) => r.unit.id === unitId)?.option.ref ?? unitId;
  const witnessName = (id: string) => centre.witnesses.find((w) => w.id === id)?.name ?? id;
  const stillToDo = registered.flatMap(({ unit, option }) =>
    [...stillToDoOnUnit({ ...portfolio, assessmentPlans: [plan] }, unit, today).values()].map(
      (t) => `${option.ref} ${t.partRef ? `${t.criterionRef} ${t.partRef}` : t.criterionRef}`,
    ),
  );
  return {
    ...rest,
    assessorName: centre.staff.find((s) => s.id === plan.assessorId)?.name ?? '',
    criteriaLabels: plan.criteria.map(
      (c) => `${refOf(c.unitId)} ${c.partRef ? `${c.criterionRef} ${c.partRef}` : c.criterionRef}`,
    ),
    unitLabels: plan.unitIds.map(refOf),
    witnessNames: plan.witnessIds.map(witnessName),
    expertWitnessNames: plan.expertWitnessIds.map(witnessName),
    signatures: signatures.map((s) => ({
      role: s.role,
      name: s.name,
      signedAt: s.signedAt,
      method: s.method,
      ...(s.image ? { image: s.image } : {}),
      ...(s.typedName ? { typedName: s.typedName } : {}),
      declaration: planDeclarationWords(s.role, s.declarationVersion),
      declarationVersion: s.declarationVersion,
      stands: signatureStands(portfolio.learnerId, plan, s),
    })),
    stillToDo,
    newerVersionId:
      portfolio.assessmentPlans.find((p) => p.revises === plan.id)?.id ?? plan.supersededBy,
  };
}

/** Everything the Plans tab shows for one learner, newest visit first. */
export function plansOverview(
  portfolio: Portfolio,
  centre: Pick<CentreFile, 'staff' | 'witnesses' | 'learners' | 'centre'>,
  units: readonly StoredUnit[],
  today: string,
): PlansOverview {
  const learner = centre.learners.find((l) => l.id === portfolio.learnerId);
  const registered = planUnitOptions(portfolio, units);
  const plans = [...portfolio.assessmentPlans].sort((a, b) =>
    (b.visitDate ?? b.agreedOn ?? '').localeCompare(a.visitDate ?? a.agreedOn ?? ''),
  );
  return {
    learnerName: learner?.name ?? '',
    recordedNeeds: learner?.needs ?? '',
    allowTypedSignatures: centre.centre.allowTypedSignatures,
    units: registered.map((r) => r.option),
    witnesses: centre.witnesses
      .filter((w) => !w.archived)
      .map((w) => ({ id: w.id, name: w.name, expert: w.expert })),
    evidence: portfolio.evidence
      .filter((e) => !e.archived)
      .map((e) => ({ id: e.id, title: e.title, producedOn: e.producedOn, method: e.method })),
    plans: plans.map((p) => planView(p, portfolio, centre, registered, today)),
  };
}
