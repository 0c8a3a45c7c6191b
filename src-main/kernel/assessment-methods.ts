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
