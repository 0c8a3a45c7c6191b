import { formatDate } from '../../kernel/dates';
import { UserError } from '../../kernel/user-error';
import { unitRef } from '../../kernel/unit-label';
import type { AssessmentPlan } from '../../portfolio/plan-schema';
import type { AssessmentPlanInput } from '../build/assessment-plan-record';
import { pngFromDataUrl } from './declarations';
import { person, recordContext, type RecordStamp } from './record-context';
import { staffMember, type RecordSource } from './record-source';
import { findCriterion } from '../../unit/unit-outline';

/**
 * The plan asked for by id; without one, the learner's newest plan that is not superseded (a
 * learner with several such plans is asked which, so no plan is guessed).
 */
export function choosePlan(source: RecordSource, planId: string | undefined): AssessmentPlan {
  const plans = source.portfolio.assessmentPlans;
  if (planId) {
    const found = plans.find((p) => p.id === planId.trim());
    if (!found) {
      throw new UserError(
        'not-found',
        `${source.learner.name} has no assessment plan ${planId}. Their plans: ${plans.map((p) => p.id).join(', ') || 'none'}.`,
      );
    }
    return found;
  }
  const current = plans.filter((p) => !p.supersededBy);
  if (current.length === 1) return current[0]!;
  if (current.length === 0)
    throw new UserError('not-found', `${source.learner.name} has no assessment plan yet.`);
  throw new UserError(
    'invalid-input',
    `${source.learner.name} has ${current.length} assessment plans: ${current
      .map(
        (p) =>
          `${p.id} (${p.visitDate ? `visit ${formatDate(p.visitDate)}` : 'no visit date'}, ${p.status})`,
      )
      .join('; ')}. Say which with its id (--id ID on the command line).`,
  );
}

/** The unit at the version the learner is registered on (else its latest). */
function registeredUnit(source: RecordSource, unitId: string) {
  const reg = source.portfolio.registrations.find((r) => r.unitId === unitId);
  return (
    source.units.find((u) => u.id === unitId && u.version === reg?.unitVersion) ??
    source.units.filter((u) => u.id === unitId).sort((a, b) => b.version - a.version)[0]
  );
}

/** The plan's criteria, each with the words of the criterion (and part) from its unit. */
function planCriteria(source: RecordSource, plan: AssessmentPlan) {
  return plan.criteria.map((c) => {
    const unit = registeredUnit(source, c.unitId);
    const criterion = unit && findCriterion(unit, c.criterionRef);
    const part = criterion?.parts.find((p) => p.ref === c.partRef);
    return {
      unitRef: unit ? unitRef(unit) : c.unitId,
      ref: c.partRef ? `${c.criterionRef} ${c.partRef}` : c.criterionRef,
      text: [criterion?.text, part?.text].filter(Boolean).join(' ') || '(not in the unit)',
    };
  });
}

/** Expert witnesses first, then the other witnesses, by name and role. */
function planWitnesses(source: RecordSource, plan: AssessmentPlan) {
  const witness = (id: string, expert: boolean) => {
    const w = source.centre.witnesses.find((x) => x.id === id);
    return {
      name: w?.name ?? id,
      role: [w?.jobTitle, w?.relationship].filter(Boolean).join(', ') || 'Witness',
      expert,
    };
  };
  return [
    ...plan.expertWitnessIds.map((id) => witness(id, true)),
    ...plan.witnessIds
      .filter((id) => !plan.expertWitnessIds.includes(id))
      .map((id) => witness(id, false)),
  ];
}

const signerRole = { learner: 'Learner', assessor: 'Assessor', employer: 'Employer' } as const;

function planSignatures(plan: AssessmentPlan) {
  return plan.signatures.map((s) => {
    const drawnPng = s.method === 'drawn' ? pngFromDataUrl(s.image) : undefined;
    return {
      role: s.role,
      person: { name: s.name, role: signerRole[s.role] },
      signature: {
        date: s.signedAt.slice(0, 10),
        ...(drawnPng ? { drawnPng } : {}),
        ...(s.typedName ? { typedName: s.typedName } : {}),
        declarationVersion: s.declarationVersion,
      },
    };
  });
}

/** A plan as the record prints it: units and criteria in full words, people by name. */
export function assessmentPlanInput(
  source: RecordSource,
  plan: AssessmentPlan,
  stamp: RecordStamp,
): AssessmentPlanInput {
  const assessor = person(
    plan.assessorId ? staffMember(source, plan.assessorId) : null,
    'Assessor not recorded',
    'Assessor',
  );
  const revised = plan.revises
    ? source.portfolio.assessmentPlans.find((p) => p.id === plan.revises)
    : undefined;
  return {
    ...recordContext(source, stamp, []),
    assessor,
    version: plan.version,
    revisesAgreedOn: revised?.agreedOn ?? null,
    status: plan.status,
    agreedOn: plan.agreedOn,
    recordedBeforeSigning: plan.recordedBeforeSigning !== null,
    visitDate: plan.visitDate,
    visitTime: plan.visitTime,
    place: plan.place,
    units: plan.unitIds
      .filter((id) => !plan.criteria.some((c) => c.unitId === id))
      .map((id) => {
        const unit = registeredUnit(source, id);
        return { ref: unit ? unitRef(unit) : id, title: unit?.title ?? '' };
      }),
    criteria: planCriteria(source, plan),
    methods: plan.methods,
    witnesses: planWitnesses(source, plan),
    others: plan.others,
    preparation: plan.preparation,
    adjustments: plan.adjustments,
    agreedHow: plan.agreedHow,
    notes: plan.notes,
    signatures: planSignatures(plan),
  };
}

/** Who signs a plan's record: the assessor who made the plan (checked before any key opens). */
export function planSigner(
  portfolio: Pick<RecordSource['portfolio'], 'assessmentPlans'>,
  planId: string | undefined,
): { assessorId: string } | undefined {
  const current = portfolio.assessmentPlans.filter((p) => !p.supersededBy);
  const plan = planId
    ? portfolio.assessmentPlans.find((p) => p.id === planId)
    : current.length === 1
      ? current[0]
      : undefined;
  return plan?.assessorId ? { assessorId: plan.assessorId } : undefined;
}

/** The learner's plans as the Records page offers them: newest visit first, each in words. */
export function planChoices(
  portfolio: Pick<RecordSource['portfolio'], 'assessmentPlans'>,
): { id: string; label: string }[] {
  return [...portfolio.assessmentPlans]
    .sort(
      (a, b) =>
        (b.visitDate ?? '').localeCompare(a.visitDate ?? '') ||
        b.version - a.version ||
        a.id.localeCompare(b.id),
    )
    .map((p) => ({
      id: p.id,
      label: [
        p.visitDate ? `Visit ${formatDate(p.visitDate)}` : 'No visit date',
        `version ${p.version}`,
        p.supersededBy ? 'replaced by a newer version' : p.status === 'agreed' ? 'agreed' : 'draft',
      ].join(', '),
    }));
}
