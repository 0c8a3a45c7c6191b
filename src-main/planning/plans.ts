import { auditEntry, changedFields } from '../audit/audit';
import { assertAssessor } from '../decision/marking';
import { assertSignatureGiven, keptMark } from '../decision/signature-rules';
import { UserError } from '../kernel/user-error';
import type { Portfolio } from '../portfolio/portfolio-schema';
import { appended } from '../shared/appended-list';
import { newId } from '../shared/ids';
import { stamp, type Actor } from '../shared/record';
import { PLAN_DECLARATION_VERSION } from '../kernel/plan-declaration-words';
import { agreementOf, planSignatureHash } from '../portfolio/plan-rules';
import type { AssessmentPlan, PlanSignature, PlanSignerRole } from '../portfolio/plan-schema';

/** What the assessor writes on a plan; everything else is how it was agreed and filed. */
export type PlanContent = Pick<
  AssessmentPlan,
  | 'visitDate'
  | 'visitTime'
  | 'place'
  | 'unitIds'
  | 'criteria'
  | 'methods'
  | 'witnessIds'
  | 'expertWitnessIds'
  | 'others'
  | 'preparation'
  | 'adjustments'
  | 'agreedHow'
  | 'notes'
>;

export function findPlan(portfolio: Portfolio, planId: string): AssessmentPlan {
  const plan = portfolio.assessmentPlans.find((p) => p.id === planId);
  if (!plan) throw new UserError('not-found', 'That assessment plan is not in this portfolio.');
  return plan;
}

function withPlan(
  portfolio: Portfolio,
  plan: AssessmentPlan,
  entry: ReturnType<typeof auditEntry>,
): Portfolio {
  const known = portfolio.assessmentPlans.some((p) => p.id === plan.id);
  return {
    ...portfolio,
    assessmentPlans: known
      ? portfolio.assessmentPlans.map((p) => (p.id === plan.id ? plan : p))
      : appended(portfolio.assessmentPlans, plan),
    audit: appended(portfolio.audit, entry),
  };
}

const subject = (portfolio: Portfolio) => ({ learnerId: portfolio.learnerId });

/** A new plan starts as a draft: nobody has agreed to it until the learner and assessor sign. */
export function createPlan(
  portfolio: Portfolio,
  content: PlanContent,
  actor: Actor,
  now: Date,
): { portfolio: Portfolio; plan: AssessmentPlan } {
  assertAssessor(actor, 'make an assessment plan');
  const plan: AssessmentPlan = {
    ...content,
    id: newId('ap'),
    ...stamp(actor, now),
    version: 1,
    revises: null,
    supersededBy: null,
    assessorId: actor.id,
    status: 'draft',
    agreedOn: null,
    signatures: [],
    evidenceIds: [],
    recordedBeforeSigning: null,
  };
  const entry = auditEntry(actor, now, 'drafted assessment plan', `plan ${plan.id}`, {
    after: { visitDate: plan.visitDate, criteria: plan.criteria.length, methods: plan.methods },
    subject: subject(portfolio),
  });
  return { portfolio: withPlan(portfolio, plan, entry), plan };
}

/**
 * Changes a draft. A signature given over the old words no longer stands for the new ones, so
 * changing a plan someone has signed takes their signature off (said on the audit trail); an
 * agreed plan is never changed: it is revised into a new version instead.
 */
export function updateDraft(
  portfolio: Portfolio,
  planId: string,
  content: PlanContent,
  actor: Actor,
  now: Date,
): Portfolio {
  assertAssessor(actor, 'change an assessment plan');
  const before = findPlan(portfolio, planId);
  if (before.status === 'agreed') {
    throw new UserError(
      'conflict',
      'This plan has been agreed and signed, so it cannot be changed. Make a new version of it and agree that with the learner.',
    );
  }
  const after: AssessmentPlan = { ...before, ...content, ...stamp(actor, now), signatures: [] };
  const changed = changedFields(before, after);
  const entry = auditEntry(actor, now, 'changed assessment plan', `plan ${planId}`, {
    before: { ...changed?.before, signatures: before.signatures.map((s) => s.role).join(', ') },
    after: { ...changed?.after, signatures: '' },
    subject: subject(portfolio),
  });
  return withPlan(portfolio, after, entry);
}

export interface PlanSignatureInput {
  role: PlanSignerRole;
  /** The employer's representative's name; the learner and assessor are named by the record. */
  name?: string;
  method: 'drawn' | 'typed';
  image?: string;
  typedName?: string;
}

/**
 * The learner, the assessor or an employer's representative signs the plan as it reads. The
 * assessor signs only as themselves; once the learner and the assessor have both signed, the
 * plan is agreed on the day the assessor signed, and a version it revises is superseded.
 */
export function signPlan(
  portfolio: Portfolio,
  planId: string,
  input: PlanSignatureInput,
  people: { learnerName: string; actorName: string },
  options: { allowTyped: boolean },
  actor: Actor,
  now: Date,
): Portfolio {
  assertAssessor(actor, 'take signatures on an assessment plan');
  const plan = findPlan(portfolio, planId);
  if (plan.status === 'agreed' && input.role !== 'employer') {
    throw new UserError('conflict', 'This plan is already agreed and signed.');
  }
  if (input.role === 'assessor' && plan.assessorId && plan.assessorId !== actor.id) {
    throw new UserError(
      'forbidden',
      'Only the assessor who made this plan can sign it as assessor.',
    );
  }
  assertSignatureGiven(input, options.allowTyped);
  const name =
    input.role === 'learner'
      ? people.learnerName
      : input.role === 'assessor'
        ? people.actorName
        : (input.name ?? '').trim();
  if (!name)
    throw new UserError('invalid-input', 'Give the name of the employer’s representative.');
  const signature: PlanSignature = {
    role: input.role,
    personId:
      input.role === 'learner' ? portfolio.learnerId : input.role === 'assessor' ? actor.id : null,
    name,
    signedAt: now.toISOString(),
    method: input.method,
    ...keptMark(input),
    declarationVersion: PLAN_DECLARATION_VERSION,
    hash: planSignatureHash(portfolio.learnerId, plan, input.role, PLAN_DECLARATION_VERSION),
  };
  let signed: AssessmentPlan = {
    ...plan,
    ...stamp(actor, now),
    signatures: [...plan.signatures.filter((s) => s.role !== input.role), signature],
  };
  const agreement = agreementOf(portfolio.learnerId, signed);
  if (plan.status === 'draft' && agreement.agreed) {
    signed = { ...signed, status: 'agreed', agreedOn: agreement.agreedOn };
  }
  const entry = auditEntry(actor, now, 'signed assessment plan', `plan ${planId}`, {
    after: {
      role: input.role,
      method: input.method,
      hash: signature.hash,
      ...(signed.status !== plan.status
        ? { status: signed.status, agreedOn: signed.agreedOn }
        : {}),
    },
    subject: subject(portfolio),
  });
  let next = withPlan(portfolio, signed, entry);
  if (signed.status === 'agreed' && plan.status === 'draft' && plan.revises) {
    next = supersede(next, plan.revises, signed.id, actor, now);
  }
  return next;
}

function supersede(
  portfolio: Portfolio,
  oldId: string,
  newId: string,
  actor: Actor,
  now: Date,
): Portfolio {
  const old = portfolio.assessmentPlans.find((p) => p.id === oldId);
  if (!old) return portfolio;
  const entry = auditEntry(actor, now, 'superseded assessment plan', `plan ${oldId}`, {
    after: { supersededBy: newId },
    subject: subject(portfolio),
  });
  return withPlan(portfolio, { ...old, supersededBy: newId, ...stamp(actor, now) }, entry);
}

/**
 * A new version of an agreed plan, as a draft with the same content, to change and agree again.
 * The agreed one stays as it was signed until the new version is agreed.
 */
export function revisePlan(
  portfolio: Portfolio,
  planId: string,
  actor: Actor,
  now: Date,
): { portfolio: Portfolio; plan: AssessmentPlan } {
  assertAssessor(actor, 'revise an assessment plan');
  const old = findPlan(portfolio, planId);
  if (old.status !== 'agreed') {
    throw new UserError('invalid-input', 'This plan is still a draft: change it directly.');
  }
  if (old.supersededBy) {
    throw new UserError(
      'conflict',
      'A newer version of this plan has been agreed. Revise that one.',
    );
  }
  const pending = portfolio.assessmentPlans.find(
    (p) => p.revises === old.id && p.status === 'draft',
  );
  if (pending) return { portfolio, plan: pending };
  const plan: AssessmentPlan = {
    ...old,
    id: newId('ap'),
    ...stamp(actor, now),
    version: old.version + 1,
    revises: old.id,
    supersededBy: null,
    assessorId: old.assessorId ?? actor.id,
    status: 'draft',
    agreedOn: null,
    signatures: [],
    evidenceIds: [],
    recordedBeforeSigning: null,
  };
  const entry = auditEntry(
    actor,
    now,
    'drafted new version of assessment plan',
    `plan ${plan.id}`,
    {
      after: { revises: old.id, version: plan.version },
      subject: subject(portfolio),
    },
  );
  return { portfolio: withPlan(portfolio, plan, entry), plan };
}

/** Links an evidence item to the plan it came from (or unlinks it); not part of what was signed. */
export function linkEvidence(
  portfolio: Portfolio,
  planId: string,
  evidenceId: string,
  linked: boolean,
  actor: Actor,
  now: Date,
): Portfolio {
  assertAssessor(actor, 'link evidence to an assessment plan');
  const plan = findPlan(portfolio, planId);
  if (!portfolio.evidence.some((e) => e.id === evidenceId)) {
    throw new UserError('not-found', 'That evidence item is not in this portfolio.');
  }
  const others = portfolio.assessmentPlans.filter(
    (p) => p.id !== planId && p.evidenceIds.includes(evidenceId),
  );
  let next = portfolio;
  for (const other of linked ? others : []) {
    const unlinked = { ...other, evidenceIds: other.evidenceIds.filter((id) => id !== evidenceId) };
    next = withPlan(
      next,
      { ...unlinked, ...stamp(actor, now) },
      auditEntry(actor, now, 'unlinked evidence from assessment plan', `plan ${other.id}`, {
        before: { evidenceId },
        subject: { ...subject(portfolio), evidenceId },
      }),
    );
  }
  const ids = plan.evidenceIds.filter((id) => id !== evidenceId);
  const after = { ...plan, evidenceIds: linked ? [...ids, evidenceId] : ids, ...stamp(actor, now) };
  const entry = auditEntry(
    actor,
    now,
    linked ? 'linked evidence to assessment plan' : 'unlinked evidence from assessment plan',
    `plan ${planId}`,
    { after: { evidenceId }, subject: { ...subject(portfolio), evidenceId } },
  );
  return withPlan(next, after, entry);
}
