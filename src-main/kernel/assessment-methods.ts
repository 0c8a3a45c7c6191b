/** The methods named in DOMAIN.md; an imported grid may add others, kept as written. */
export const assessmentMethods = [
  'direct observation',
  'practical demonstration',
  'professional discussion',
  'oral questions',
  'written questions',
  'written description',
  'essay',
  'case study',
  'role play',
  'simulation',
  'product evidence',
  'witness testimony',
  'expert witness testimony',
  'reflective account',
  'recognition of prior learning',
  'portfolio',
] as const;

/** The methods by which a witness's account is the evidence. */
export const testimonyMethods: ReadonlySet<string> = new Set([
  'witness testimony',
  'expert witness testimony',
]);

/** The assessor watching the work as it is done. */
export const observationMethods: ReadonlySet<string> = new Set(['direct observation']);

/** The methods whose evidence makes an observation record or a professional discussion record. */
export const sessionMethods = {
  observation: ['direct observation', 'practical demonstration'],
  discussion: ['professional discussion'],
} as const;
