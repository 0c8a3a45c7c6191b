import { UserError } from '../kernel/user-error';
import { auditEntry } from '../audit/audit';
import { addEvidence, type EvidenceDetails } from '../evidence/evidence-records';
import type { Evidence } from '../portfolio/evidence-schema';
import { setTargetsForEvidence } from '../mapping/mapping';
import type { Portfolio } from '../portfolio/portfolio-schema';
import { newId } from '../shared/ids';
import { stamp, type Actor } from '../shared/record';
import type { StoredUnit } from '../unit/unit-schema';
import type { AuthenticityCheck, Testimony, WitnessForm } from '../portfolio/testimony-schema';
import { appended } from '../shared/appended-list';
import { formatDate } from '../kernel/dates';
import { criterionLabel } from '../kernel/criterion-key';

export type NewForm = Omit<
  WitnessForm,
  'id' | 'updatedAt' | 'updatedBy' | 'sentAt' | 'status' | 'evidenceId' | 'returnedAt'
>;

/** Records a form as sent to the witness and awaiting return. */
export function recordFormSent(
  portfolio: Portfolio,
  form: NewForm & { id?: string },
  actor: Actor,
  now: Date,
): { portfolio: Portfolio; form: WitnessForm } {
  const sent: WitnessForm = {
    ...form,
    id: form.id ?? newId('wf'),
    ...stamp(actor, now),
    sentAt: now.toISOString(),
    status: 'awaiting-return',
    evidenceId: null,
    returnedAt: null,
  };
  const entry = auditEntry(actor, now, 'sent witness testimony form', `form ${sent.id}`, {
    after: {
      witness: sent.witnessName,
      criteria: sent.criteria.map((c) => criterionLabel(c.criterionRef, c.partRef)).join(', '),
      format: sent.format,
      template: `${sent.template.id} v${sent.template.version}`,
    },
    subject: { learnerId: portfolio.learnerId, unitId: sent.unitId },
  });
  return {
    portfolio: {
      ...portfolio,
      witnessForms: appended(portfolio.witnessForms, sent),
      audit: appended(portfolio.audit, entry),
    },
    form: sent,
  };
}

/** The form a returned testimony answers, refused if it is not waiting for one. */
export function formAwaiting(portfolio: Portfolio, formId: string): WitnessForm {
  const form = portfolio.witnessForms.find((f) => f.id === formId);
  if (!form) {
    throw new UserError(
      'not-found',
      'This form is not recorded as sent from this portfolio. Check you are on the right learner, or attach it and type the fields in.',
    );
  }
  if (form.status === 'returned') {
    throw new UserError(
      'conflict',
      `This form came back on ${form.returnedAt ? formatDate(form.returnedAt) : 'an earlier day'} and is already in the portfolio, so it was not imported again.`,
    );
  }
  return form;
}

export type TestimonyContent = Omit<Testimony, 'id' | 'updatedAt' | 'updatedBy' | 'evidenceId'>;

/**
 * Keeps a returned testimony beside its evidence item, maps the item to the criteria the
 * witness ticked, and closes the form it answers. With no evidence id, the evidence is made
 * here as a record written in the workbench (a paper form typed in without a file).
 */
export function recordTestimony(
  portfolio: Portfolio,
  units: readonly StoredUnit[],
  content: TestimonyContent,
  evidence: { id: string } | { details: EvidenceDetails & { record: string } },
  actor: Actor,
  now: Date,
): { portfolio: Portfolio; testimony: Testimony; evidence: Evidence } {
  let p = portfolio;
  let item: Evidence | undefined;
  if ('details' in evidence) {
    const made = addEvidence(p, evidence.details, null, actor, now);
    p = made.portfolio;
    item = made.evidence;
  } else item = p.evidence.find((e) => e.id === evidence.id);
  if (!item) throw new UserError('not-found', 'That evidence item is not in this portfolio.');
  const testimony: Testimony = {
    ...content,
    id: newId('ts'),
    ...stamp(actor, now),
    evidenceId: item.id,
  };
  p = setTargetsForEvidence(
    p,
    units,
    item.id,
    content.criteria.map((c) => ({
      unitId: content.unitId,
      criterionRef: c.criterionRef,
      partRef: c.partRef,
    })),
    actor,
    now,
  );
  const witnessForms = p.witnessForms.map((f) =>
    f.id === content.formId
      ? {
          ...f,
          status: 'returned' as const,
          evidenceId: item.id,
          returnedAt: now.toISOString(),
          ...stamp(actor, now),
        }
      : f,
  );
  const entry = auditEntry(actor, now, 'recorded witness testimony', `evidence ${item.id}`, {
    after: {
      witness: testimony.witness.name,
      source: testimony.source,
      template: `${testimony.template.id} v${testimony.template.version}`,
      ...(testimony.formId ? { form: testimony.formId } : {}),
    },
    subject: { learnerId: p.learnerId, unitId: content.unitId, evidenceId: item.id },
  });
  return {
    portfolio: {
      ...p,
      witnessForms,
      testimonies: appended(p.testimonies, testimony),
      audit: appended(p.audit, entry),
    },
    testimony,
    evidence: item,
  };
}

export function recordAuthenticity(
  portfolio: Portfolio,
  testimonyId: string,
  check: AuthenticityCheck,
  actor: Actor,
  now: Date,
): Portfolio {
  const before = portfolio.testimonies.find((t) => t.id === testimonyId);
  if (!before) throw new UserError('not-found', 'That testimony is not in this portfolio.');
  const entry = auditEntry(
    actor,
    now,
    'checked witness testimony',
    `evidence ${before.evidenceId}`,
    {
      before: { authenticity: before.authenticity ? before.authenticity.how : null },
      after: { authenticity: check.how, checkedOn: check.checkedOn, checkedBy: check.checkedBy },
      subject: {
        learnerId: portfolio.learnerId,
        unitId: before.unitId,
        evidenceId: before.evidenceId,
      },
    },
  );
  return {
    ...portfolio,
    testimonies: portfolio.testimonies.map((t) =>
      t.id === testimonyId ? { ...t, authenticity: check, ...stamp(actor, now) } : t,
    ),
    audit: appended(portfolio.audit, entry),
  };
}

/** Withdraws a form that will not come back (lost, or sent to the wrong person). */
export function withdrawForm(
  portfolio: Portfolio,
  formId: string,
  actor: Actor,
  now: Date,
): Portfolio {
  const form = formAwaiting(portfolio, formId);
  return {
    ...portfolio,
    witnessForms: portfolio.witnessForms.map((f) =>
      f.id === form.id ? { ...f, status: 'withdrawn' as const, ...stamp(actor, now) } : f,
    ),
    audit: appended(
      portfolio.audit,
      auditEntry(actor, now, 'withdrew witness testimony form', `form ${form.id}`, {
        subject: { learnerId: portfolio.learnerId, unitId: form.unitId },
      }),
    ),
  };
}
