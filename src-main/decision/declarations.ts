import { createHash } from 'node:crypto';
import type { SignaturePurpose } from '../portfolio/decision-schema';
import type { RuleDecision } from './marking-types';
import { DECLARATION_VERSION, declarationWords } from './declaration-text';
import { targetsOf } from './targets';
import type { UnitSpec } from '../unit/unit-schema';

/** The words a new signature is given over (the current declaration version). */
export const declarationText: Record<SignaturePurpose, string> = {
  'learner-declaration': declarationWords('learner-declaration'),
  'assessor-declaration': declarationWords('assessor-declaration'),
  countersignature: declarationWords('countersignature'),
};

export interface SignedContent {
  purpose: SignaturePurpose;
  learnerId: string;
  unit: UnitSpec & { id: string; version: number };
  decisions: RuleDecision[];
  /** The declaration version signed; the current one when not given. */
  declarationVersion?: number;
}

/**
 * The exact text a signature stands for: the declaration and every decision of the unit, in
 * the unit's own order. Any later change to a decision gives another text, so the signature
 * no longer matches what is on file.
 */
export function signedText({
  purpose,
  learnerId,
  unit,
  decisions,
  declarationVersion = DECLARATION_VERSION,
}: SignedContent): string {
  const rows = targetsOf(unit).map((target) => {
    const d = decisions.find(
      (x) => x.criterionRef === target.criterionRef && x.partRef === target.partRef,
    );
    return { target: target.label, decision: d?.status ?? 'not-assessed', date: d?.date ?? null };
  });
  return JSON.stringify({
    declaration: declarationWords(purpose, declarationVersion),
    // Version 1 signatures were hashed before versions were named; later ones name theirs.
    ...(declarationVersion === 1 ? {} : { declarationVersion }),
    learnerId,
    unit: { id: unit.id, version: unit.version, title: unit.title },
    decisions: rows,
  });
}

export function signedHash(content: SignedContent): string {
  return createHash('sha256').update(signedText(content), 'utf8').digest('hex');
}
