import { z } from 'zod';
import { isoDate } from '../shared/record';
import {
  assessorStatuses,
  riskRatings,
  type AssessorStatus,
  type PopulationAssessor,
  type RiskRating,
} from './population';

const percent = z
  .number()
  .min(0, 'A sampling rate cannot be below 0%.')
  .max(100, 'A sampling rate cannot be above 100%.');

/** DOMAIN.md's typical figures; a centre edits every one of them. */
export const defaultStatusRates: Record<AssessorStatus, number> = {
  new: 100,
  'working-towards': 100,
  experienced: 15,
};

export const defaultRiskRates: Record<RiskRating, number> = {
  red: 100,
  amber: 50,
  green: 15,
};

export const assessorRatingSchema = z.object({
  assessorId: z.string().min(1),
  status: z.enum(assessorStatuses).optional(),
  risk: z.enum(riskRatings).optional(),
  /** A rate set by hand for this assessor, overriding the status and risk rates. */
  rate: percent.optional(),
  note: z.string().default(''),
});

export const samplingStrategySchema = z
  .object({
    centreId: z.string().min(1),
    qualificationId: z.string().min(1),
    statusRates: z
      .object({
        new: percent,
        'working-towards': percent,
        experienced: percent,
      })
      .default(defaultStatusRates),
    riskRates: z.object({ red: percent, amber: percent, green: percent }).default(defaultRiskRates),
    /** Ratings recorded on the strategy win over those carried by the staff records. */
    assessors: z.array(assessorRatingSchema).default([]),
    /** A new qualification is sampled at this rate or more, whoever the assessor is. */
    newQualification: z.boolean().default(false),
    newQualificationRate: percent.default(100),
    /** Share of each assessor's sample taken while work is in progress (the rest at completion). */
    interimShare: percent.default(40),
    period: z.object({ from: isoDate, to: isoDate }),
  })
  .refine((s) => s.period.from <= s.period.to, {
    message: 'The plan period must end on or after the day it starts.',
    path: ['period', 'to'],
  });

export type AssessorRating = z.infer<typeof assessorRatingSchema>;
export type SamplingStrategy = z.infer<typeof samplingStrategySchema>;
export type SamplingStrategyInput = z.input<typeof samplingStrategySchema>;

export interface ResolvedRate {
  rate: number;
  /** In plain words, where the rate came from, for the plan and the EQA. */
  basis: string;
}

const statusWords: Record<AssessorStatus, string> = {
  new: 'new assessor',
  'working-towards': 'working towards the assessor qualification',
  experienced: 'experienced assessor',
};

/**
 * When both a status and a risk rating are known the higher rate applies: sampling too much is
 * a cost, sampling too little is a finding at the EQA visit. An assessor with no rating at all is
 * sampled as a new one, for the same reason.
 */
export function rateFor(assessor: PopulationAssessor, strategy: SamplingStrategy): ResolvedRate {
  const rating = strategy.assessors.find((r) => r.assessorId === assessor.id);
  let result: ResolvedRate;
  if (rating?.rate !== undefined) {
    result = { rate: rating.rate, basis: 'rate set for this assessor' };
  } else {
    const status = rating?.status ?? assessor.status;
    const risk = rating?.risk ?? assessor.risk;
    const options: ResolvedRate[] = [];
    if (status) options.push({ rate: strategy.statusRates[status], basis: statusWords[status] });
    if (risk) options.push({ rate: strategy.riskRates[risk], basis: `${risk} risk` });
    if (options.length === 0) {
      options.push({ rate: strategy.statusRates.new, basis: 'no rating recorded, so as new' });
    }
    result = options.reduce((a, b) => (b.rate > a.rate ? b : a));
  }
  if (strategy.newQualification && strategy.newQualificationRate > result.rate) {
    return { rate: strategy.newQualificationRate, basis: 'new qualification' };
  }
  return result;
}

/** How many of `total` assessments a rate asks for; rounding up, as a rate is a minimum. */
export function requiredCount(rate: number, total: number): number {
  // Rates are whole or simple percentages; the small allowance stops 15% of 20 becoming 4.
  return Math.min(total, Math.ceil((rate * total) / 100 - 1e-9));
}

export function defaultStrategy(
  centreId: string,
  qualificationId: string,
  period: { from: string; to: string },
): SamplingStrategy {
  return samplingStrategySchema.parse({ centreId, qualificationId, period });
}
