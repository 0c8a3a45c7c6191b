import { z } from 'zod';
import { operation } from '../shared/operation';
import { isoDate } from '../shared/record';
import { pngDataUrl } from '../portfolio/decision-schema';
import { planSignerRoles } from '../kernel/plan-declaration-words';
import type { PlansOverview } from './plan-views';

export type * from './plan-views';

const learnerId = z.string().min(1);
const planId = z.string().min(1);
const text = z.string().trim().max(5000);
const ids = z.array(z.string().min(1)).max(100);

/** What the assessor writes on a plan. */
export const planContentSchema = z.object({
  visitDate: isoDate.nullable(),
  visitTime: z.string().trim().max(100),
  place: text,
  unitIds: ids,
  criteria: z
    .array(
      z.object({
        unitId: z.string().min(1),
        criterionRef: z.string().min(1),
        partRef: z.string().min(1).nullable(),
      }),
    )
    .max(500),
  methods: z.array(z.string().trim().min(1).max(100)).max(30),
  witnessIds: ids,
  expertWitnessIds: ids,
  others: text,
  preparation: text,
  adjustments: text,
  agreedHow: text,
  notes: text,
});

export const planOperations = {
  /** A learner's plans, and what the new-plan form offers (units, witnesses, evidence). */
  'plan:list': operation<PlansOverview>()(z.object({ learnerId })),
  'plan:create': operation<{ id: string }>()(z.object({ learnerId, content: planContentSchema }), {
    writes: true,
  }),
  /** Changes a draft; a signature on it no longer stands and is taken off. */
  'plan:update': operation<{ id: string }>()(
    z.object({ learnerId, planId, content: planContentSchema }),
    { writes: true },
  ),
  'plan:sign': operation<{ status: 'draft' | 'agreed'; agreedOn: string | null }>()(
    z.object({
      learnerId,
      planId,
      role: z.enum(planSignerRoles),
      /** The employer's representative's name. */
      name: z.string().trim().max(200).optional(),
      method: z.enum(['drawn', 'typed']),
      image: pngDataUrl.optional(),
      typedName: z.string().trim().max(200).optional(),
    }),
    { writes: true },
  ),
  /** A new draft version of an agreed plan, to change and agree again. */
  'plan:revise': operation<{ id: string }>()(z.object({ learnerId, planId }), { writes: true }),
  'plan:link-evidence': operation<{ linked: boolean }>()(
    z.object({ learnerId, planId, evidenceId: z.string().min(1), linked: z.boolean() }),
    { writes: true },
  ),
};
