import { z } from 'zod';
import { pngDataUrl } from './decision-schema';
import { isoDate, isoDateTime, recordFields } from '../shared/record';

import { planSignerRoles } from '../kernel/plan-declaration-words';

export { planSignerRoles, type PlanSignerRole } from '../kernel/plan-declaration-words';

/** One criterion (or part) the visit is to cover. */
export const plannedTargetSchema = z.object({
  unitId: z.string().min(1),
  criterionRef: z.string().min(1),
  partRef: z.string().min(1).nullable(),
});

/**
 * A signature given on a plan: drawn or typed (as the centre allows), with the SHA-256 of the
 * declaration words and the plan as it stood, so a signature never stands for another plan.
 */
export const planSignatureSchema = z.object({
  role: z.enum(planSignerRoles),
  /** The learner's or the staff member's id; null for an employer's representative. */
  personId: z.string().min(1).nullable(),
  name: z.string().trim().min(1).max(200),
  signedAt: isoDateTime,
  method: z.enum(['drawn', 'typed']),
  image: pngDataUrl.optional(),
  typedName: z.string().trim().min(1).max(200).optional(),
  declarationVersion: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash'),
});

/** What a plan of the first layout held (only an agreement date, units and expert witnesses). */
const firstLayoutSchema = z.object({
  agreedOn: isoDate,
  unitIds: z.array(z.string()).default([]),
  expertWitnessIds: z.array(z.string()).default([]),
  notes: z.string().default(''),
});

const planShape = z.object({
  ...recordFields,
  /** 1 for a first plan; a changed agreed plan is a new version that `revises` the one before. */
  version: z.number().int().positive(),
  revises: z.string().min(1).nullable(),
  /** Set on an agreed plan once a newer version of it is agreed. */
  supersededBy: z.string().min(1).nullable().default(null),
  assessorId: z.string().min(1).nullable(),
  visitDate: isoDate.nullable(),
  visitTime: z.string().default(''),
  place: z.string().default(''),
  /** Whole units the plan covers (a first-layout plan names units only). */
  unitIds: z.array(z.string().min(1)).default([]),
  criteria: z.array(plannedTargetSchema).default([]),
  methods: z.array(z.string().min(1)).default([]),
  witnessIds: z.array(z.string().min(1)).default([]),
  expertWitnessIds: z.array(z.string().min(1)).default([]),
  /** Anyone else who will be there (an employer's representative, an interpreter). */
  others: z.string().default(''),
  preparation: z.string().default(''),
  adjustments: z.string().default(''),
  /** How the plan was agreed: face to face, by video call, with the employer present… */
  agreedHow: z.string().default(''),
  notes: z.string().default(''),
  status: z.enum(['draft', 'agreed']),
  /** The assessor's signing date once the learner and the assessor have both signed. */
  agreedOn: isoDate.nullable(),
  signatures: z.array(planSignatureSchema).default([]),
  /** Evidence items that came from this plan's visit (not part of what was signed). */
  evidenceIds: z.array(z.string().min(1)).default([]),
  /** A plan kept before plans were signed: what it said, word for word, when it was upgraded. */
  recordedBeforeSigning: firstLayoutSchema.nullable().default(null),
});

/**
 * A first-layout plan (agreedOn, unitIds, expertWitnessIds, notes) read as today's: agreed on
 * the day it gave, with everything it said kept, and kept as it was under
 * `recordedBeforeSigning` so nothing it said is lost or reworded.
 */
export function upgradePlan(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || 'status' in raw) return raw;
  const old = firstLayoutSchema.safeParse(raw);
  if (!old.success) return raw;
  const r = raw as Record<string, unknown>;
  return {
    id: r.id,
    updatedAt: r.updatedAt,
    updatedBy: r.updatedBy,
    version: 1,
    revises: null,
    assessorId: null,
    visitDate: null,
    unitIds: old.data.unitIds,
    expertWitnessIds: old.data.expertWitnessIds,
    notes: old.data.notes,
    status: 'agreed',
    agreedOn: old.data.agreedOn,
    recordedBeforeSigning: old.data,
  };
}

/** An assessment plan, as portfolio.json keeps it; older plans are upgraded as they are read. */
export const assessmentPlanSchema = z.preprocess(upgradePlan, planShape);

export type AssessmentPlan = z.infer<typeof planShape>;
export type PlannedTarget = z.infer<typeof plannedTargetSchema>;
export type PlanSignature = z.infer<typeof planSignatureSchema>;
