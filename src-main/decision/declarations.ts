import { createHash } from 'node:crypto';
import type { SignaturePurpose } from './decision-schema';
import type { RuleDecision } from './marking-types';
import { targetsOf } from './targets';
import type { UnitSpec } from '../unit/unit-schema';

/** What each person signs at sign-off, word for word; the hash of a signature covers it. */
export const declarationText: Record<SignaturePurpose, string> = {
  'learner-declaration':
    'I confirm that the evidence for this unit is my own work, produced by me, and that any help I had or sources I used are shown.',
  'assessor-declaration':
    'I confirm that I have assessed the evidence against every assessment criterion of this unit, that it is valid, authentic, current, sufficient and reliable, and that the decisions recorded are my own.',
  countersignature: 'As a qualified assessor I have reviewed these decisions and countersign them.',
};

export interface SignedContent {
  purpose: SignaturePurpose;
  learnerId: string;
  unit: UnitSpec & { id: string; version: number };
  decisions: RuleDecision[];
}

/**
 * The exact text a signature stands for: the declaration and every decision of the unit, in
 * the unit's own order. Any later change to a decision gives another text, so the signature
 * no longer matches what is on file.
 */
export function signedText({ purpose, learnerId, unit, decisions }: SignedContent): string {
  const rows = targetsOf(unit).map((target) => {
    const d = decisions.find(
      (x) => x.criterionRef === target.criterionRef && x.partRef === target.partRef,
    );
    return { target: target.label, decision: d?.status ?? 'not-assessed', date: d?.date ?? null };
  });
  return JSON.stringify({
    declaration: declarationText[purpose],
    learnerId,
    unit: { id: unit.id, version: unit.version, title: unit.title },
    decisions: rows,
  });
}

export function signedHash(content: SignedContent): string {
  return createHash('sha256').update(signedText(content), 'utf8').digest('hex');
}
