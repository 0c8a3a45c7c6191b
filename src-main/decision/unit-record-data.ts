import type { CriterionRowInput, SignatureInput } from '../record/build/record-inputs';
import type { Portfolio } from '../portfolio/portfolio-schema';
import type { StaffMember } from '../centre/centre-schema';
import type { StoredUnit } from '../unit/unit-schema';
import type { Signature, SignaturePurpose } from '../portfolio/decision-schema';
import { decisionOf, latestDecisions, markingContext, standingSignature } from './marking-context';
import { methodsShown } from './marking-rules';
import { unitFeedbackOf } from './marking';
import { signOffStatus } from './sign-off';
import { currentSignOff } from './lock';
import { evidenceFor, targetsOf } from './targets';

const printed = {
  'not-assessed': 'not yet assessed',
  met: 'met',
  'not-yet-met': 'not yet met',
} as const;

/** A stored signature as the record engine draws it: the date, and the PNG bytes or typed name. */
function signatureInput(signature: Signature | null): SignatureInput {
  if (!signature) return { date: null };
  const base = {
    date: signature.signedAt.slice(0, 10),
    declarationVersion: signature.declarationVersion,
  };
  if (signature.image) {
    return {
      ...base,
      drawnPng: new Uint8Array(Buffer.from(signature.image.split(',')[1] ?? '', 'base64')),
    };
  }
  return { ...base, typedName: signature.typedName };
}

/**
 * What a unit assessment record prints about one learner's unit, taken from the same rules the
 * marking screen asks: one row per criterion (with its parts), the feedback, the unit decision
 * (achieved only once the sign-off counts) and the signatures that still stand.
 */
export function unitRecordData(
  portfolio: Portfolio,
  unit: StoredUnit,
  staff: readonly StaffMember[],
  today: string,
) {
  const context = markingContext(portfolio, unit, today);
  const latest = latestDecisions(portfolio, unit.id);
  const targets = targetsOf(unit);
  const row = (criterionRef: string, partRef: string | null) => {
    const target = targets.find((t) => t.criterionRef === criterionRef && t.partRef === partRef)!;
    const d = decisionOf(latest, criterionRef, partRef);
    const assessed = d && d.outcome !== 'not-assessed';
    return {
      evidenceRefs: evidenceFor(context.evidence, target).map((e) => e.title),
      methods: methodsShown(context, target),
      date: assessed ? d.decidedOn : null,
      decision: printed[d?.outcome ?? 'not-assessed'],
    };
  };
  const criteria: CriterionRowInput[] = unit.outcomes.flatMap((o) =>
    o.criteria.map((c) =>
      c.parts.length
        ? {
            ref: c.ref,
            text: c.text,
            evidenceRefs: [],
            methods: [],
            date: null,
            decision: 'not yet assessed' as const,
            parts: c.parts.map((p) => ({ ref: p.ref, text: p.text, ...row(c.ref, p.ref) })),
          }
        : { ref: c.ref, text: c.text, ...row(c.ref, null), parts: [] },
    ),
  );
  const signOff = currentSignOff(portfolio, unit.id);
  const signer = staff.find((s) => s.id === signOff?.signedOffBy) ?? { id: '' };
  const standing = (purpose: SignaturePurpose) =>
    standingSignature(portfolio, unit, purpose, context.decisions);
  const feedback = unitFeedbackOf(portfolio, unit.id);
  return {
    criteria,
    feedback: feedback?.feedback ? [feedback.feedback] : [],
    learnerComments: feedback?.learnerComments ? [feedback.learnerComments] : [],
    unitDecision:
      signOffStatus(signOff, signer) === 'signed-off'
        ? ('achieved' as const)
        : ('not yet achieved' as const),
    signedOff: signOff !== null,
    learnerSignature: signatureInput(standing('learner-declaration')),
    assessorSignature: signatureInput(standing('assessor-declaration')),
    countersignature: signatureInput(standing('countersignature')),
  };
}
