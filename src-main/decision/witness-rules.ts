import type { Flag, RuleEvidence, TestimonyFacts } from './marking-types';
import type { Portfolio } from '../portfolio/portfolio-schema';
import type { AssessmentPlan, Testimony } from '../portfolio/testimony-schema';
import type { Witness } from '../centre/witness-schema';
import { testimonyMethods } from '../kernel/assessment-methods';
import { planNamesExpert } from '../portfolio/plan-rules';

/**
 * Warnings about one testimony: one without contact details cannot be checked, and one that
 * does not say what was seen is a character reference, not evidence (DOMAIN.md).
 */
export function testimonyFlags(title: string, facts: TestimonyFacts): Flag[] {
  const flags: Flag[] = [];
  if (!facts.contact.trim()) {
    flags.push({
      rule: 'testimony-without-contact',
      severity: 'warning',
      target: null,
      message: `"${title}" gives no contact details for ${facts.witnessName || 'the witness'}, so it cannot be checked. Record a telephone number or email address.`,
    });
  }
  if (!facts.description.trim()) {
    flags.push({
      rule: 'testimony-without-description',
      severity: 'warning',
      target: null,
      message: `"${title}" does not describe what the witness saw the learner do. Ask the witness for a specific account of the work.`,
    });
  }
  if (facts.claimsExpert && !facts.countsAsExpert) {
    flags.push({
      rule: 'expert-not-in-plan',
      severity: 'warning',
      target: null,
      message: `${facts.witnessName || 'The witness'} was not named as an expert witness in the learner's assessment plan before the activity, so "${title}" counts as ordinary witness testimony.`,
    });
  }
  return flags;
}

/** The marking rules ask here about every testimony mapped to the unit. */
export function testimonyWarnings(evidence: RuleEvidence[]): Flag[] {
  return evidence.flatMap((e) => (e.testimony ? testimonyFlags(e.title, e.testimony) : []));
}

export function factsOf(testimony: Testimony): TestimonyFacts {
  return {
    witnessName: testimony.witness.name,
    contact: testimony.witness.contact,
    description: testimony.description,
    claimsExpert: testimony.witness.claimsExpert,
    countsAsExpert: testimony.witness.countsAsExpert,
  };
}

/**
 * An expert witness counts as expert only when the registry records them as one and an
 * assessment plan agreed on or before the activity names them (for this unit, or for all units).
 */
export function countsAsExpert(
  witness: Pick<Witness, 'id' | 'expert'> | undefined,
  plans: readonly AssessmentPlan[],
  unitId: string,
  activityDate: string,
): boolean {
  if (!witness?.expert) return false;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(activityDate) ? activityDate : '9999-12-31';
  return planNamesExpert(plans, witness.id, unitId, day);
}

/**
 * What the witness rules need about each testimony in a portfolio, by evidence id, for whoever
 * builds the marking context: from the testimony record where there is one, otherwise from the
 * evidence item and the witness registry (a testimony written straight into the workbench).
 */
export function testimonyFactsByEvidence(
  portfolio: Pick<Portfolio, 'evidence' | 'testimonies'>,
  witnesses: readonly Pick<Witness, 'id' | 'name' | 'contact' | 'expert'>[],
): Map<string, TestimonyFacts> {
  const facts = new Map<string, TestimonyFacts>();
  for (const evidence of portfolio.evidence) {
    if (!testimonyMethods.has(evidence.method)) continue;
    const testimony = portfolio.testimonies.find((t) => t.evidenceId === evidence.id);
    if (testimony) {
      facts.set(evidence.id, factsOf(testimony));
      continue;
    }
    const witness = witnesses.find((w) => w.id === evidence.witnessId);
    facts.set(evidence.id, {
      witnessName: witness?.name ?? evidence.producedBy,
      contact: witness?.contact ?? '',
      // A file that came back holds its own account; only an empty record lacks one.
      description: evidence.record || (evidence.file ? evidence.file.originalName : ''),
      claimsExpert: evidence.method === 'expert witness testimony' || (witness?.expert ?? false),
      countsAsExpert: evidence.method === 'expert witness testimony',
    });
  }
  return facts;
}
