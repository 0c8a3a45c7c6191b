import type { Witness } from '../centre/witness-schema';
import type { Learner, StaffMember } from '../centre/centre-schema';
import type { Portfolio } from '../portfolio/portfolio-schema';
import { unitRef } from '../kernel/unit-label';
import type { StoredUnit } from '../unit/unit-schema';
import { conflictViews } from './conflicts';
import { declarationText } from './declarations';
import type { MarkingUpdate, MarkingView, SignOffView, TargetView } from './decision-views';
import { unitGaps } from './gaps';
import { currentSignOff } from './lock';
import { decisionOf, latestDecisions, markingContext, standingSignature } from './marking-context';
import { markingWarnings, methodsShown } from './marking-rules';
import { unitFeedbackOf } from './marking';
import { isIqaOrQualifiedAssessor, signOffStatus } from './sign-off';
import { evidenceFor, targetsOf } from './targets';
import type { SignaturePurpose } from '../portfolio/decision-schema';
import { describeStep, undoStacks } from './undo';
import { criterionKey } from '../kernel/criterion-key';
import { unitOutline } from '../unit/unit-outline';
import { stillToDoOnUnit } from './planned-targets';

export interface MarkingViewInput {
  portfolio: Portfolio;
  unit: StoredUnit;
  learner: Learner;
  staff: readonly StaffMember[];
  user: { person: StaffMember; role: string } | null;
  allowTypedSignatures: boolean;
  today: string;
  /** The centre's witnesses, so testimonies are checked for contact details and expert status. */
  witnesses?: readonly Witness[];
  /** The current assessor's lapsed required qualification, and whether the centre blocks on it. */
  competence?: { warning: string; blocks: boolean } | null;
}

function signOffView(input: MarkingViewInput): SignOffView {
  const { portfolio, unit, staff, user } = input;
  const nameOf = (id: string | null) => (id ? (staff.find((s) => s.id === id)?.name ?? id) : null);
  const signOff = currentSignOff(portfolio, unit.id);
  const assessor = staff.find((s) => s.id === signOff?.signedOffBy);
  const status = signOffStatus(signOff, assessor ?? { id: '' });
  return {
    status,
    competence: input.competence ?? null,
    locked: Boolean(signOff),
    signedOffAt: signOff?.signedOffAt ?? null,
    signedOffBy: nameOf(signOff?.signedOffBy ?? null),
    countersignedAt: signOff?.countersignedAt ?? null,
    countersignedBy: nameOf(signOff?.countersignedBy ?? null),
    countersignerName:
      assessor?.assessorStatus === 'working-towards'
        ? nameOf(assessor.countersignerId ?? null)
        : null,
    canCountersign:
      status === 'awaiting-countersignature' &&
      user?.role === 'assessor' &&
      assessor?.countersignerId === user.person.id,
    canUnlock: Boolean(signOff) && isIqaOrQualifiedAssessor(user?.role, user?.person),
    unlocks: portfolio.signOffs
      .filter((s) => s.unitId === unit.id && s.voidedAt)
      .map((s) => ({ at: s.voidedAt!, by: nameOf(s.voidedBy) ?? '', reason: s.voidReason ?? '' }))
      .reverse(),
  };
}

function historyOf({ portfolio, unit, user }: MarkingViewInput): MarkingView['history'] {
  if (user?.role !== 'assessor') return { undo: null, redo: null };
  const { undo, redo } = undoStacks(portfolio, unit.id, user.person.id);
  const last = undo.at(-1);
  const next = redo.at(-1);
  return {
    undo: last ? describeStep(last, 'undo') : null,
    redo: next ? describeStep(next, 'redo') : null,
  };
}

/**
 * What one decision, undo or redo can change on the marking screen: every row (a decision can
 * raise or clear another row's warning), the gaps, sign-off, the signatures still standing, the
 * conflicts and the history. Sent back with the change itself, so the screen needs no second call.
 */
export function markingUpdate(input: MarkingViewInput): MarkingUpdate {
  const { portfolio, unit, learner, staff, today } = input;
  const context = markingContext(portfolio, unit, today, input.witnesses);
  const latest = latestDecisions(portfolio, unit.id);
  const warnings = markingWarnings(context);
  const nameOf = (id: string) => staff.find((s) => s.id === id)?.name ?? id;
  const criteria = new Map(
    unit.outcomes.flatMap((o) => o.criteria.map((c) => [c.ref, { c, o }] as const)),
  );
  const planned = stillToDoOnUnit(portfolio, unit, input.today);
  const targets: TargetView[] = targetsOf(unit).map((t) => {
    const { c, o } = criteria.get(t.criterionRef)!;
    const d = decisionOf(latest, t.criterionRef, t.partRef);
    return {
      key: criterionKey(t.criterionRef, t.partRef),
      criterionRef: t.criterionRef,
      partRef: t.partRef,
      label: t.label,
      criterionText: c.text,
      partText: t.partRef ? (c.parts.find((p) => p.ref === t.partRef)?.text ?? '') : null,
      outcomeRef: o.ref,
      outcomeKind: t.outcomeKind,
      status: d?.outcome ?? 'not-assessed',
      plannedFor: planned.get(criterionKey(t.criterionRef, t.partRef))?.visitDate ?? null,
      decidedOn: d && d.outcome !== 'not-assessed' ? d.decidedOn : null,
      decidedBy: d && d.outcome !== 'not-assessed' ? nameOf(d.assessorId) : null,
      feedback: d?.feedback ?? '',
      evidenceIds: evidenceFor(context.evidence, t).map((e) => e.id),
      methods: methodsShown(context, t),
      flags: warnings.filter((f) => f.target === t.label),
    };
  });
  const signatureOf = (purpose: SignaturePurpose) => {
    const s = standingSignature(portfolio, unit, purpose, context.decisions);
    if (!s) return [];
    const personName = s.role === 'learner' ? learner.name : nameOf(s.personId);
    return [
      {
        purpose,
        personName,
        role: s.role,
        signedAt: s.signedAt,
        method: s.method,
        image: s.image ?? null,
        typedName: s.typedName ?? null,
        hash: s.hash,
      },
    ];
  };
  return {
    targets,
    gaps: unitGaps(context),
    signOff: signOffView(input),
    signatures: [
      ...signatureOf('learner-declaration'),
      ...signatureOf('assessor-declaration'),
      ...signatureOf('countersignature'),
    ],
    conflicts: conflictViews(portfolio, unit.id, staff),
    history: historyOf(input),
  };
}

/** The marking screen for one learner's unit: outline, decisions, evidence, gaps and sign-off. */
export function markingView(input: MarkingViewInput): MarkingView {
  const { portfolio, unit, learner, today } = input;
  const feedback = unitFeedbackOf(portfolio, unit.id);
  return {
    learner: { id: learner.id, name: learner.name, uln: learner.uln },
    unit: {
      id: unit.id,
      version: unit.version,
      title: unit.title,
      ref: unitRef(unit),
      level: unit.level,
      credits: unit.credits,
      guidance: unit.guidance,
      methods: unit.methods,
    },
    outline: unitOutline(unit.outcomes, (c) => ({
      targets: c.parts.length
        ? c.parts.map((p) => criterionKey(c.ref, p.ref))
        : [criterionKey(c.ref, null)],
    })),
    evidence: portfolio.evidence
      .filter((e) => !e.archived)
      .map((e) => ({
        id: e.id,
        title: e.title,
        method: e.method,
        producedOn: e.producedOn,
        producedBy: e.producedBy,
        hasFile: Boolean(e.file),
        fileName: e.file?.originalName ?? null,
      })),
    unitFeedback: feedback?.feedback ?? '',
    learnerComments: feedback?.learnerComments ?? '',
    declarations: declarationText,
    allowTypedSignatures: input.allowTypedSignatures,
    today,
    user: input.user
      ? { id: input.user.person.id, name: input.user.person.name, role: input.user.role }
      : null,
    ...markingUpdate(input),
  };
}
