import { activeMappings } from '../portfolio/mapping-schema';
import type { Portfolio } from '../portfolio/portfolio-schema';
import type { StoredUnit } from '../unit/unit-schema';
import type { Witness } from '../centre/witness-schema';
import { testimonyFactsByEvidence } from './witness-rules';
import type { Signature, SignaturePurpose } from '../portfolio/decision-schema';
import { latestDecisions } from './latest-decisions';

export { decisionOf, latestDecisions } from './latest-decisions';
import { signedHash } from './declarations';
import type { MarkingContext, RuleDecision, RuleEvidence } from './marking-types';

export function ruleDecisions(portfolio: Portfolio, unitId: string): RuleDecision[] {
  return [...latestDecisions(portfolio, unitId).values()].map((d) => ({
    criterionRef: d.criterionRef,
    partRef: d.partRef,
    status: d.outcome,
    date: d.decidedOn,
  }));
}

/**
 * The learner's live evidence with the links it has to this unit (none for other units), and,
 * when the centre's witnesses are given, what the witness rules check of each testimony (without
 * them a testimony's contact details cannot be known, so those checks are not made).
 */
export function ruleEvidence(
  portfolio: Portfolio,
  unitId: string,
  witnesses?: readonly Witness[],
): RuleEvidence[] {
  const testimonies = witnesses
    ? testimonyFactsByEvidence(portfolio, witnesses)
    : new Map<string, never>();
  const links = new Map<string, RuleEvidence['links']>();
  for (const m of activeMappings(portfolio)) {
    if (m.unitId !== unitId) continue;
    const list = links.get(m.evidenceId) ?? [];
    list.push({ criterionRef: m.criterionRef, partRef: m.partRef });
    links.set(m.evidenceId, list);
  }
  return portfolio.evidence
    .filter((e) => !e.archived)
    .map((e) => ({
      id: e.id,
      title: e.title,
      method: e.method,
      date: e.producedOn,
      links: links.get(e.id) ?? [],
      ...(testimonies.has(e.id) ? { testimony: testimonies.get(e.id) } : {}),
    }));
}

/**
 * A signature counts while it is not voided and still matches what is on file: the same
 * declaration and the same decisions it was given over.
 */
export function standingSignature(
  portfolio: Portfolio,
  unit: StoredUnit,
  purpose: SignaturePurpose,
  decisions: RuleDecision[] = ruleDecisions(portfolio, unit.id),
): Signature | null {
  const hashOf = (declarationVersion: number) =>
    signedHash({ purpose, learnerId: portfolio.learnerId, unit, decisions, declarationVersion });
  const found = portfolio.signatures.filter(
    (s) =>
      s.unitId === unit.id &&
      s.unitVersion === unit.version &&
      s.purpose === purpose &&
      !s.voidedAt &&
      s.hash === hashOf(s.declarationVersion),
  );
  return found.at(-1) ?? null;
}

/** Everything the marking rules need about one learner's unit, taken from their portfolio. */
export function markingContext(
  portfolio: Portfolio,
  unit: StoredUnit,
  today: string,
  witnesses?: readonly Witness[],
): MarkingContext {
  const decisions = ruleDecisions(portfolio, unit.id);
  const declaration = (purpose: SignaturePurpose) => {
    const s = standingSignature(portfolio, unit, purpose, decisions);
    return s ? { personId: s.personId, signedAt: s.signedAt } : null;
  };
  let declarations: MarkingContext['declarations'] | null = null;
  return {
    unit,
    evidence: ruleEvidence(portfolio, unit.id, witnesses),
    decisions,
    // Whether a signature still stands takes hashing the unit and decisions: done only for a
    // rule that asks (sign-off), never for "may this be met".
    get declarations() {
      return (declarations ??= {
        learner: declaration('learner-declaration'),
        assessor: declaration('assessor-declaration'),
      });
    },
    today,
  };
}
