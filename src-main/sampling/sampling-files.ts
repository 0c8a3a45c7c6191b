import { z } from 'zod';
import { auditEntrySchema } from '../audit/audit-schema';
import { isoDateTime } from '../shared/record';
import { samplingPlanSchema } from './plan-schema';
import { sampleReviewSchema } from './review-schema';
import { samplingStrategySchema } from './strategy';

/**
 * The sampling files of a workspace, kept apart from the portfolios so that quality assurance
 * never rewrites an assessor's record:
 *   sampling/strategy.json          the strategy of each qualification the centre samples
 *   sampling/plan-<id>.json         one sampling plan (samples, planned and actual dates, removals)
 *   sampling/reviews-<id>.json      the IQA's reviews of that plan's samples and their action points
 */

export const SAMPLING_FOLDER = 'sampling';
export const STRATEGY_FILE = 'strategy.json';

export const storedStrategySchema = z.object({
  strategy: samplingStrategySchema,
  updatedAt: isoDateTime,
  updatedBy: z.string().min(1),
});

export const strategyFileSchema = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal('sampling-strategies'),
  strategies: z.array(storedStrategySchema),
  /** Appended to, never rewritten. */
  audit: z.array(auditEntrySchema),
});

export const planFileSchema = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal('sampling-plan'),
  id: z.string().regex(/^sp-[0-9a-f]+$/, 'must be a plan id such as sp-4f0c9a1b2d'),
  createdAt: isoDateTime,
  createdBy: z.string().min(1),
  updatedAt: isoDateTime,
  updatedBy: z.string().min(1),
  plan: samplingPlanSchema,
  audit: z.array(auditEntrySchema),
});

export const reviewsFileSchema = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal('sample-reviews'),
  planId: z.string().min(1),
  reviews: z.array(sampleReviewSchema),
  audit: z.array(auditEntrySchema),
});

export type StoredStrategy = z.infer<typeof storedStrategySchema>;
export type StrategyFile = z.infer<typeof strategyFileSchema>;
export type PlanFile = z.infer<typeof planFileSchema>;
export type ReviewsFile = z.infer<typeof reviewsFileSchema>;

export const planFileName = (planId: string) => `plan-${planId}.json`;
export const reviewsFileName = (planId: string) => `reviews-${planId}.json`;
export const planIdFromFileName = (name: string) => /^plan-(sp-[0-9a-f]+)\.json$/.exec(name)?.[1];
