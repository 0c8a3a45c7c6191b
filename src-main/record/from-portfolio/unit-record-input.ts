import type { CriterionDecision as StoredDecision } from '../../decision/decision-schema';
import type { Evidence } from '../../evidence/evidence-schema';
import { unitProgress, unitRef } from '../../portfolio/progress';
import type { CriterionRowInput, UnitRecordInput } from '../build/record-inputs';
import { signatureFor } from './declarations';
import { evidenceByTarget, evidenceRefs, hashEvidence } from './evidence-refs';
import { person, recordContext, type RecordStamp } from './record-context';
import { staffMember, type RecordSource, type RegisteredUnit } from './record-source';

const key = (criterion: string, part: string | null) => `${criterion}\u0000${part ?? ''}`;

/** Later decisions supersede earlier ones (they are never erased), as progress counts them. */
function latestDecisions(source: RecordSource, unitId: string): Map<string, StoredDecision> {
  const latest = new Map<string, StoredDecision>();
  for (const d of source.portfolio.decisions) {
    if (d.unitId !== unitId) continue;
    const k = key(d.criterionRef, d.partRef);
    const seen = latest.get(k);
    if (!seen || seen.updatedAt <= d.updatedAt) latest.set(k, d);
  }
  return latest;
}

export function activeSignOff(source: RecordSource, { unit }: RegisteredUnit) {
  return (
    source.portfolio.signOffs.findLast(
      (s) => s.unitId === unit.id && s.unitVersion === unit.version && !s.withdrawn,
    ) ?? null
  );
}

const decisionWords = { met: 'met', 'not-yet-met': 'not yet met' } as const;

/** The tracking sheet of one unit: a row per criterion and part, as the portfolio has them. */
export async function unitRecordInput(
  source: RecordSource,
  registered: RegisteredUnit,
  stamp: RecordStamp,
): Promise<UnitRecordInput> {
  const { unit, registration } = registered;
  const refs = evidenceRefs(source.portfolio);
  const mapped = evidenceByTarget(source.portfolio, unit.id);
  const decisions = latestDecisions(source, unit.id);
  const relied: Evidence[] = [];

  const assessed = (criterion: string, part: string | null) => {
    const items = mapped.get(key(criterion, part)) ?? [];
    relied.push(...items);
    const decision = decisions.get(key(criterion, part));
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
      (d) =>
        `${d.criterionRef}${d.partRef ? ` ${d.partRef}` : ''} (${d.decidedOn}): ${d.feedback.trim()}`,
    );

  const signOff = activeSignOff(source, registered);
  const progress = unitProgress(source.portfolio, unit);
  const achieved = Boolean(signOff) && progress.criteria.met === progress.criteria.total;
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
    feedback,
    learnerComments: [],
    unitDecision: achieved ? 'achieved' : 'not yet achieved',
    learnerSignature: signatureFor(signOff, 'learner', source.learner.id),
    assessorSignature: signatureFor(signOff, 'assessor', registration.assessorId),
    ...(countersigner
      ? {
          countersignature: {
            person: person(countersigner, countersigner.name, 'Countersigning assessor'),
            signature: signatureFor(signOff, 'countersigner', countersigner.id),
          },
        }
      : {}),
    iqa: { sampled: false },
  };
}
