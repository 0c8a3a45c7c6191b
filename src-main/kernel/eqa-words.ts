/** The words of an EQA's report, for the signed PDF and the screen alike. */

export const eqaRiskRatings = ['low', 'medium', 'high'] as const;
export type EqaRiskRating = (typeof eqaRiskRatings)[number];
export const eqaRiskLabels: Record<EqaRiskRating, string> = {
  low: 'Low risk',
  medium: 'Medium risk',
  high: 'High risk',
};

export const directClaimsDecisions = [
  'granted',
  'maintained',
  'withdrawn',
  'not-applicable',
] as const;
export type DirectClaimsDecision = (typeof directClaimsDecisions)[number];
export const directClaimsLabels: Record<DirectClaimsDecision, string> = {
  granted: 'Direct claims status granted',
  maintained: 'Direct claims status maintained',
  withdrawn: 'Direct claims status withdrawn',
  'not-applicable': 'Direct claims status not applicable',
};

/** Agree, disagree, or not answered (null): nothing is agreed on anyone's behalf. */
export function agreementWord(value: boolean | null): string {
  return value === null ? 'Not answered' : value ? 'Agree' : 'Disagree';
}
