import type { Flag, MarkingContext, RuleEvidence, Target } from './marking-types';
import { decisionFor, evidenceFor, targetsOf } from './targets';
import { testimonyWarnings } from './witness-rules';
import { observationMethods, testimonyMethods } from '../kernel/assessment-methods';

const normalise = (method: string) => method.trim().toLowerCase();
const onlyOf = (items: RuleEvidence[], kinds: ReadonlySet<string>) =>
  items.length > 0 && items.every((e) => kinds.has(normalise(e.method)));

/**
 * Whether a criterion (or part) may be marked met: only with evidence mapped to it. The one
 * place this rule lives; the marking screen, the CLI and the records all ask here.
 */
export function canMarkMet(
  context: MarkingContext,
  target: Target,
): { ok: true } | { ok: false; reason: string } {
  if (evidenceFor(context.evidence, target).length) return { ok: true };
  const what = target.partRef ? `Part ${target.label}` : `Criterion ${target.label}`;
  return {
    ok: false,
    reason: `${what} has no evidence mapped to it. Map at least one evidence item before marking it met.`,
  };
}

/** Warnings an assessor should see; none of them stops a sign-off on its own. */
export function markingWarnings(context: MarkingContext): Flag[] {
  const flags: Flag[] = [];
  for (const target of targetsOf(context.unit)) {
    const items = evidenceFor(context.evidence, target);
    if (target.outcomeKind === 'competence' && onlyOf(items, testimonyMethods)) {
      flags.push({
        rule: 'testimony-only-competence',
        severity: 'warning',
        target: target.label,
        message: `${target.label} is a competence criterion evidenced only by witness testimony. Testimony supports other evidence; add evidence of real work, such as an observation.`,
      });
    }
    if (target.outcomeKind === 'knowledge' && onlyOf(items, observationMethods)) {
      flags.push({
        rule: 'observation-only-knowledge',
        severity: 'warning',
        target: target.label,
        message: `${target.label} is a knowledge criterion evidenced only by observation. Knowledge cannot be inferred from observation alone: add questioning or a professional discussion.`,
      });
    }
    const decision = decisionFor(context.decisions, target);
    if (decision && decision.status !== 'not-assessed') {
      if (decision.date > context.today) {
        flags.push({
          rule: 'decision-in-future',
          severity: 'warning',
          target: target.label,
          message: `The decision on ${target.label} is dated ${decision.date}, which is in the future.`,
        });
      }
      for (const item of items.filter((e) => e.date > decision.date)) {
        flags.push({
          rule: 'evidence-after-decision',
          severity: 'warning',
          target: target.label,
          message: `"${item.title}" is dated ${item.date}, after the decision on ${target.label} (${decision.date}). Evidence must come before the assessment.`,
        });
      }
    }
  }
  const used = context.evidence.filter((e) => e.links.length > 0);
  if (onlyOf(used, testimonyMethods)) {
    flags.push({
      rule: 'testimony-whole-unit',
      severity: 'warning',
      target: null,
      message:
        'Witness testimony is the only evidence for this whole unit. Testimony is supporting evidence and may not evidence a unit on its own.',
    });
  }
  flags.push(...testimonyWarnings(used));
  return flags;
}

/** The unit's prescribed methods that no evidence mapped to the unit uses (per unit, by default). */
export function unusedPrescribedMethods(context: MarkingContext): string[] {
  const used = new Set(
    context.evidence.filter((e) => e.links.length > 0).map((e) => normalise(e.method)),
  );
  return context.unit.methods
    .filter((m) => m.use === 'prescribed' && !used.has(normalise(m.name)))
    .map((m) => m.name);
}

/** The methods the evidence mapped to one target shows, as the unit grid names them. */
export function methodsShown(context: MarkingContext, target: Target): string[] {
  return [...new Set(evidenceFor(context.evidence, target).map((e) => normalise(e.method)))];
}

/** Everything that stops the unit being signed off, each in words the assessor can act on. */
export function signOffBlockers(context: MarkingContext): Flag[] {
  const flags: Flag[] = [];
  for (const target of targetsOf(context.unit)) {
    const items = evidenceFor(context.evidence, target);
    if (!items.length) {
      flags.push({
        rule: target.partRef ? 'part-without-evidence' : 'no-evidence',
        severity: 'block',
        target: target.label,
        message: `${target.partRef ? 'Part' : 'Criterion'} ${target.label} has no evidence.`,
      });
    }
    if (decisionFor(context.decisions, target)?.status !== 'met') {
      flags.push({
        rule: 'not-met',
        severity: 'block',
        target: target.label,
        message: `${target.partRef ? 'Part' : 'Criterion'} ${target.label} is not marked met.`,
      });
    }
  }
  for (const method of unusedPrescribedMethods(context)) {
    flags.push({
      rule: 'prescribed-method-unused',
      severity: 'block',
      target: null,
      message: `The unit prescribes ${method}, and no evidence mapped to this unit uses it.`,
    });
  }
  if (!context.declarations.learner) {
    flags.push({
      rule: 'learner-declaration-missing',
      severity: 'block',
      target: null,
      message: 'The learner has not signed the declaration that the evidence is their own work.',
    });
  }
  if (!context.declarations.assessor) {
    flags.push({
      rule: 'assessor-declaration-missing',
      severity: 'block',
      target: null,
      message: "The assessor's declaration is not signed.",
    });
  }
  return flags;
}
