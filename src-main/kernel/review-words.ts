/** The words of an IQA's review: the VACSR checks, the decisions and the quality ratings. */
export const vacsrChecks = ['valid', 'authentic', 'current', 'sufficient', 'reliable'] as const;
export type VacsrCheck = (typeof vacsrChecks)[number];

export const vacsrLabels: Record<VacsrCheck, string> = {
  valid: 'Valid (relevant to the criterion)',
  authentic: "Authentic (the learner's own)",
  current: 'Current (recent enough)',
  sufficient: 'Sufficient (covers the criterion fully)',
  reliable: 'Reliable (consistent)',
};

export const reviewDecisions = ['agree', 'assessor-to-action', 'disagree'] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

export const reviewDecisionLabels: Record<ReviewDecision, string> = {
  agree: 'Agree',
  'assessor-to-action': 'Assessor to action',
  disagree: 'Disagree (refer)',
};

export const qualityRatings = ['good', 'adequate', 'needs improvement'] as const;
export type QualityRating = (typeof qualityRatings)[number];
