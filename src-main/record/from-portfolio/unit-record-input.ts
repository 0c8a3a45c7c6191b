import { reviewDecisionLabels } from '../../sampling/review-schema';
import { latestDecisions } from '../../decision/latest-decisions';
import { currentSignOff } from '../../decision/lock';
import { unitFeedbackOf } from '../../decision/marking';
import type { Evidence } from '../../portfolio/evidence-schema';
import { unitProgress } from '../../decision/progress';
import { unitRef } from '../../kernel/unit-label';
import type { CriterionRowInput, UnitRecordInput } from '../build/record-inputs';
import { signatureFor } from './declarations';
import { evidenceByTarget, evidenceRefs, hashEvidence } from './evidence-refs';
import { person, recordContext, type RecordStamp } from './record-context';
import { staffMember, type RecordSource } from './record-source';
import { type RegisteredUnit } from '../../portfolio/registered-units';
import { criterionKey, criterionLabel } from '../../kernel/criterion-key';

export function activeSignOff(source: RecordSource, { unit }: RegisteredUnit) {
  return currentSignOff(source.portfolio, unit.id);
}

const decisionWords = {
  met: 'met',
  'not-yet-met': 'not yet met',
  'not-assessed': 'not yet assessed',
} as const;

/** The IQA section: the latest review of this unit in any sampling plan, or "not sampled". */
function iqaSection(source: RecordSource, unitId: string): UnitRecordInput['iqa'] {
  const review = source.reviews
    .filter((r) => r.unitId === unitId)
    .sort((a, b) => a.reviewedOn.localeCompare(b.reviewedOn))
    .at(-1);
  if (!review) return { sampled: false };
  const iqa = staffMember(source, review.reviewerId);
  return {
    sampled: true,
    person: person(iqa, 'IQA not recorded', 'Internal quality assurer'),
    decision: reviewDecisionLabels[review.decision],
    sampleType: review.type,
    ...(review.feedbackToAssessor.trim() ? { comments: review.feedbackToAssessor.trim() } : {}),
    signature: { date: review.reviewedOn },
  };
}

/** Each item the rows refer to, once, in reference order (E1, E2…): the key to the table. */
function evidenceKey(relied: readonly Evidence[], refs: Map<string, string>) {
  const unique = [...new Map(relied.map((e) => [e.id, e])).values()];
  return unique
    .map((e) => ({
      ref: refs.get(e.id) ?? e.title,
      title: e.title,
      method: e.method,
      date: e.producedOn,
    }))
    .sort((a, b) => a.ref.localeCompare(b.ref, 'en', { numeric: true }));
}

/** The tracking sheet of one unit: a row per criterion and part, as the portfolio has them. */
export async function unitRecordInput(
  source: RecordSource,
  registered: RegisteredUnit,
  stamp: RecordStamp,
): Promise<UnitRecordInput> {
  const { unit, registration } = registered;
  const refs = evidenceRefs(source.portfolio);
  const mapped = evidenceByTarget(source.portfolio, unit.id);
  const decisions = latestDecisions(source.portfolio, unit.id);
  const relied: Evidence[] = [];

  const assessed = (criterion: string, part: string | null) => {
    const items = mapped.get(criterionKey(criterion, part)) ?? [];
    relied.push(...items);
    const decision = decisions.get(criterionKey(criterion, part));
    return {
      evidenceRefs: items.map((e) => refs.get(e.id) ?? e.title),
      methods: [...new Set(items.map((e) => e.method))],
      date: decision?.decidedOn ?? null,
      decision: decision ? decisionWords[decision.outcome] : ('not yet assessed' as const),
    };
  };

  const criteria: CriterionRowInput[] = unit.outcomes.flatMap((o) =>
    o.criteria.map((c) => ({
      ref: c.ref,
      text: c.text,
      ...assessed(c.ref, null),
      parts: c.parts.map((p) => ({ ref: p.ref, text: p.text, ...assessed(c.ref, p.ref) })),
    })),
  );

  const feedback = [...decisions.values()]
    .filter((d) => d.feedback.trim() !== '')
    .sort((a, b) => a.decidedOn.localeCompare(b.decidedOn))
    .map(
      (d) => `${criterionLabel(d.criterionRef, d.partRef)} (${d.decidedOn}): ${d.feedback.trim()}`,
    );

  // Achieved only once the sign-off counts: countersigned, where the assessor needs it.
  const achieved = unitProgress(source.portfolio, unit, source.centre.staff).signedOff;
  const unitFeedback = unitFeedbackOf(source.portfolio, unit.id);
  const assessor = staffMember(source, registration.assessorId);
  const countersigner =
    assessor?.assessorStatus === 'working-towards' && assessor.countersignerId
      ? staffMember(source, assessor.countersignerId)
      : null;

  return {
    ...recordContext(source, stamp, await hashEvidence(source.portfolioDir, relied), unit),
    unit: {
      title: unit.title,
      ref: unitRef(unit),
      ...(unit.level ? { level: unit.level } : {}),
      ...(unit.credits !== null ? { credits: unit.credits } : {}),
    },
    assessor: person(assessor, 'Assessor not recorded', 'Assessor'),
    criteria,
    evidenceKey: evidenceKey(relied, refs),
    feedback: unitFeedback?.feedback.trim()
      ? [unitFeedback.feedback.trim(), ...feedback]
      : feedback,
    learnerComments: unitFeedback?.learnerComments.trim()
      ? [unitFeedback.learnerComments.trim()]
      : [],
    unitDecision: achieved ? 'achieved' : 'not yet achieved',
    signedOff: currentSignOff(source.portfolio, unit.id) !== null,
    learnerSignature: signatureFor(source.portfolio, unit.id, 'learner', source.learner.id),
    assessorSignature: signatureFor(source.portfolio, unit.id, 'assessor', registration.assessorId),
    ...(countersigner
      ? {
          countersignature: {
            person: person(countersigner, countersigner.name, 'Countersigning assessor'),
            signature: signatureFor(source.portfolio, unit.id, 'countersigner', countersigner.id),
          },
        }
      : {}),
    iqa: iqaSection(source, unit.id),
  };
}
