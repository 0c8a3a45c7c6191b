import type { Flag, MarkingContext } from './marking-types';
import { markingWarnings, signOffBlockers, unusedPrescribedMethods } from './marking-rules';
import { decisionFor, evidenceFor, targetsOf } from './targets';

export interface UnitGaps {
  /** Targets not yet assessed. */
  notAssessed: string[];
  /** Targets marked not yet met: further evidence required. */
  notYetMet: string[];
  /** Targets (criteria or parts) with no evidence mapped. */
  withoutEvidence: string[];
  /** Prescribed methods of the unit no mapped evidence uses. */
  methodsUnused: string[];
  warnings: Flag[];
  blockers: Flag[];
  /** Nothing left but the declarations: the unit can be signed off once they are signed. */
  readyToSignOff: boolean;
  /** What must be done before the declarations can be signed, in the rules' own words. */
  beforeDeclarations: string[];
}

const DECLARATION_RULES = new Set(['learner-declaration-missing', 'assessor-declaration-missing']);

/** What is still to do on one learner's unit, all of it taken from the marking rules. */
export function unitGaps(context: MarkingContext): UnitGaps {
  const notAssessed: string[] = [];
  const notYetMet: string[] = [];
  const withoutEvidence: string[] = [];
  for (const target of targetsOf(context.unit)) {
    const status = decisionFor(context.decisions, target)?.status ?? 'not-assessed';
    if (status === 'not-assessed') notAssessed.push(target.label);
    if (status === 'not-yet-met') notYetMet.push(target.label);
    if (!evidenceFor(context.evidence, target).length) withoutEvidence.push(target.label);
  }
  const blockers = signOffBlockers(context);
  return {
    notAssessed,
    notYetMet,
    withoutEvidence,
    methodsUnused: unusedPrescribedMethods(context),
    warnings: markingWarnings(context),
    blockers,
    readyToSignOff: blockers.every((b) => DECLARATION_RULES.has(b.rule)),
    beforeDeclarations: blockers
      .filter((b) => !DECLARATION_RULES.has(b.rule))
      .map((b) => b.message),
  };
}
