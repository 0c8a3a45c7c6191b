import { z } from 'zod';
import { isoDate } from '../shared/record';
import { sampleTypes } from './population';

export const sampleSchema = z.object({
  id: z.string().min(1),
  learnerId: z.string().min(1),
  unitId: z.string().min(1),
  /** The assessor whose decisions are sampled. */
  assessorId: z.string().min(1),
  iqaId: z.string().min(1),
  type: z.enum(sampleTypes),
  /** The methods the sampled work used, copied so the plan reads on its own. */
  methods: z.array(z.string()),
  location: z.string(),
  plannedDate: isoDate,
  actualDate: isoDate.optional(),
  /** Plain-words reasons the sample was chosen, e.g. "only learner at Site 3". */
  reasons: z.array(z.string()),
  origin: z.enum(['generated', 'added']),
});

/** Kept so that an EQA can see what was taken out of the plan, and why. */
export const removedSampleSchema = z.object({
  sample: sampleSchema,
  reason: z.string().trim().min(1, 'Say why the sample is being taken out of the plan.'),
  removedBy: z.string().min(1),
  removedOn: isoDate,
});

/** Learners' units the planner did not sample, and why, so the IQA and an EQA can see what was left out. */
export const leftOutSchema = z.object({
  learnerId: z.string().min(1),
  unitId: z.string().min(1),
  assessorId: z.string().min(1),
  reason: z.string().min(1),
});

export const samplingPlanSchema = z.object({
  centreId: z.string().min(1),
  qualificationId: z.string().min(1),
  seed: z.union([z.number().int(), z.string()]),
  period: z.object({ from: isoDate, to: isoDate }),
  samples: z.array(sampleSchema),
  removed: z.array(removedSampleSchema).default([]),
  /** Absent on plans made before the planner said what it left out. */
  leftOut: z.array(leftOutSchema).default([]),
});

export type Sample = z.infer<typeof sampleSchema>;
export type RemovedSample = z.infer<typeof removedSampleSchema>;
export type LeftOut = z.infer<typeof leftOutSchema>;
export type SamplingPlan = z.infer<typeof samplingPlanSchema>;

/** The CAMERA dimensions the plan covers, in the order they are reported. */
export const coverageDimensions = [
  'assessor',
  'unit',
  'method',
  'location',
  'cohort',
  'employer',
  'needs',
  'ageBand',
  'gender',
] as const;
export type CoverageDimension = (typeof coverageDimensions)[number];

export interface CoverageTarget {
  dimension: CoverageDimension;
  /** The value as the workspace holds it (an id for assessors and units). */
  value: string;
  /** In plain words: "method 'simulation'", "unit 'Food safety'". */
  label: string;
  /** Some IQA could sample an assessment with this value. */
  possible: boolean;
  covered: boolean;
  /** How many samples in the plan cover it (counted, not listed: common targets have thousands). */
  samples: number;
}

export interface RateCoverage {
  assessorId: string;
  assessorName: string;
  rate: number;
  basis: string;
  /** The assessor's assessments in the plan period. */
  assessments: number;
  required: number;
  /** Of those, how many some IQA may sample (not the IQA's own work). */
  sampleable: number;
  planned: number;
  interim: number;
  summative: number;
  met: boolean;
  possible: boolean;
}

export interface CoverageSummary {
  targets: CoverageTarget[];
  rates: RateCoverage[];
  /** Each coverage target or rate the plan misses, in plain words with the reason. */
  gaps: string[];
  totals: { samples: number; interim: number; summative: number; assessments: number };
}

export interface PlanProposal {
  plan: SamplingPlan;
  coverage: CoverageSummary;
}
