/**
 * The records made from one learner's portfolio: the kinds the portfolio's list of issued
 * records may name, and the record builders make.
 */
export const portfolioRecordKinds = [
  'unit-record',
  'observation',
  'discussion',
  'progress',
  'evidence-index',
  'progress-review',
  'assessment-plan',
] as const;
export type PortfolioRecordKind = (typeof portfolioRecordKinds)[number];
