import { z } from 'zod';
import { isoDate } from '../shared/record';

/**
 * What the planner needs to know about a centre, in plain terms. `workspace-population.ts` fills
 * this from the workspace (staff, learners, registrations, decisions and evidence methods); the
 * planner never reads files itself, so it can be tested over generated centres and benchmarked alone.
 */

export const assessorStatuses = ['new', 'working-towards', 'experienced'] as const;
export type AssessorStatus = (typeof assessorStatuses)[number];

export const riskRatings = ['red', 'amber', 'green'] as const;
export type RiskRating = (typeof riskRatings)[number];

export const sampleTypes = ['interim', 'summative'] as const;
export type SampleType = (typeof sampleTypes)[number];

export const populationAssessorSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  status: z.enum(assessorStatuses).optional(),
  risk: z.enum(riskRatings).optional(),
});

export const populationIqaSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
});

export const populationLearnerSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  cohort: z.string().default(''),
  employer: z.string().default(''),
  /** The learner's workplace, e.g. "Scarborough seafront hotel". */
  workplace: z.string().default(''),
  /** Needs and reasonable adjustments in the centre's words; empty when none. */
  needs: z.string().default(''),
  ageBand: z.string().optional(),
  gender: z.string().optional(),
});

/** One learner's work on one unit: the thing an IQA samples. */
export const populationAssessmentSchema = z.object({
  learnerId: z.string().min(1),
  unitId: z.string().min(1),
  unitTitle: z.string().min(1),
  /** The learner's assessor for this unit. */
  assessorId: z.string().min(1),
  methods: z.array(z.string().min(1)),
  /** Where the assessment took place (CAMERA's "assessment locations"). */
  location: z.string().default(''),
  stage: z.enum(['in-progress', 'completed']),
  /**
   * `false` while the assessor has decided nothing on the unit: there is no decision to sample,
   * so the plan leaves it out and says so. Absent means assessed.
   */
  assessed: z.boolean().optional(),
  /** The unit decision date, for completed work. */
  decidedAt: isoDate.optional(),
  /** Who made the unit decision when it was not the registered assessor (a stand-in, say). */
  decidedBy: z.string().min(1).optional(),
  /** Anyone else who recorded a decision on this work (a criterion marked by a stand-in, say). */
  alsoDecidedBy: z.array(z.string().min(1)).optional(),
});

export const samplingPopulationSchema = z
  .object({
    assessors: z.array(populationAssessorSchema),
    iqas: z.array(populationIqaSchema),
    learners: z.array(populationLearnerSchema),
    assessments: z.array(populationAssessmentSchema),
  })
  .superRefine((population, ctx) => {
    const seen = new Set<string>();
    for (const a of population.assessments) {
      const key = assessmentKey(a);
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          message: `The learner ${a.learnerId} is listed twice on unit ${a.unitId}; list each learner once per unit.`,
        });
      }
      seen.add(key);
    }
  });

export type PopulationAssessor = z.infer<typeof populationAssessorSchema>;
export type PopulationIqa = z.infer<typeof populationIqaSchema>;
export type PopulationLearner = z.infer<typeof populationLearnerSchema>;
export type PopulationAssessment = z.infer<typeof populationAssessmentSchema>;
export type SamplingPopulation = z.infer<typeof samplingPopulationSchema>;

/** A learner has one piece of work per unit, so the pair names it. */
export function assessmentKey(a: Pick<PopulationAssessment, 'learnerId' | 'unitId'>): string {
  return `${a.learnerId}\u0000${a.unitId}`;
}

/** Everyone whose decision this is: an IQA may not sample it if they are one of them. */
export function madeBy(
  a: Pick<PopulationAssessment, 'assessorId' | 'decidedBy' | 'alsoDecidedBy'>,
): string[] {
  const people = [a.assessorId];
  for (const id of [a.decidedBy, ...(a.alsoDecidedBy ?? [])]) {
    if (id && !people.includes(id)) people.push(id);
  }
  return people;
}

export function sampleTypeFor(a: Pick<PopulationAssessment, 'stage'>): SampleType {
  return a.stage === 'completed' ? 'summative' : 'interim';
}

/**
 * In-progress work is live during any plan period; completed work counts in the period its
 * decision falls in. A completed unit with no recorded date is kept rather than silently dropped.
 */
export function inPeriod(
  a: Pick<PopulationAssessment, 'stage' | 'decidedAt'>,
  from: string,
  to: string,
): boolean {
  if (a.stage === 'in-progress' || !a.decidedAt) return true;
  return a.decidedAt >= from && a.decidedAt <= to;
}
