import type { UnitSpec } from '../unit/unit-schema';
import type { RuleDecision, RuleEvidence, Target } from './marking-types';
import { criterionLabel } from '../kernel/criterion-key';

/** Every criterion, or each of its parts when it has them: what an assessor decides on. */
export function targetsOf(unit: UnitSpec): Target[] {
  return unit.outcomes.flatMap((outcome) =>
    outcome.criteria.flatMap((criterion): Target[] =>
      criterion.parts.length
        ? criterion.parts.map((part) => ({
            criterionRef: criterion.ref,
            partRef: part.ref,
            label: criterionLabel(criterion.ref, part.ref),
            outcomeKind: outcome.kind,
          }))
        : [
            {
              criterionRef: criterion.ref,
              partRef: null,
              label: criterion.ref,
              outcomeKind: outcome.kind,
            },
          ],
    ),
  );
}

export function sameTarget(
  a: { criterionRef: string; partRef: string | null },
  b: { criterionRef: string; partRef: string | null },
): boolean {
  return a.criterionRef === b.criterionRef && a.partRef === b.partRef;
}

/**
 * Evidence counts for a target when mapped to it exactly, or to the whole criterion when the
 * criterion has no parts. A part needs evidence mapped to that part: "each part needs evidence".
 */
export function evidenceFor(evidence: RuleEvidence[], target: Target): RuleEvidence[] {
  return evidence.filter((e) => e.links.some((link) => sameTarget(link, target)));
}

export function decisionFor(decisions: RuleDecision[], target: Target): RuleDecision | undefined {
  return decisions.find((d) => sameTarget(d, target));
}
