import { z } from 'zod';
import { operation } from '../shared/operation';
import { isoDate } from '../shared/record';
import { pngDataUrl } from '../portfolio/decision-schema';
import type { MarkingUpdate, MarkingView, ProgressMatrix } from './decision-views';

export type * from './decision-views';

type StepAnswer = { criterionRef: string; partRef: string | null; update: MarkingUpdate };

const learnerId = z.string().min(1);
const unitId = z.string().min(1);
const unit = { learnerId, unitId };
const signature = {
  method: z.enum(['drawn', 'typed']),
  image: pngDataUrl.optional(),
  typedName: z.string().trim().max(200).optional(),
};

export const decisionOperations = {
  /** Everything the marking screen shows for one learner's unit. */
  'decision:workspace': operation<MarkingView>()(z.object(unit)),
  /** Records one decision and answers what it changed on the marking screen. */
  'decision:record': operation<{ id: string; update: MarkingUpdate }>()(
    z.object({
      ...unit,
      criterionRef: z.string().min(1),
      partRef: z.string().min(1).nullable(),
      outcome: z.enum(['met', 'not-yet-met', 'not-assessed']),
      decidedOn: isoDate.optional(),
      feedback: z.string().max(20_000).optional(),
    }),
    { writes: true },
  ),
  /**
   * Undoes the current assessor's own last change to the unit's decisions (a decision, or one
   * stretch of feedback typing), or makes the last undone one again; answers the criterion it
   * changed and what that changed on the marking screen.
   */
  'decision:undo': operation<StepAnswer>()(z.object(unit), { writes: true }),
  'decision:redo': operation<StepAnswer>()(z.object(unit), { writes: true }),
  'decision:set-unit-feedback': operation<{ saved: boolean }>()(
    z.object({
      ...unit,
      feedback: z.string().max(20_000).optional(),
      learnerComments: z.string().max(20_000).optional(),
    }),
    { writes: true },
  ),
  /** The learner's or the assessor's declaration, signed on screen before sign-off. */
  'decision:sign': operation<{ signed: boolean }>()(
    z.object({
      ...unit,
      purpose: z.enum(['learner-declaration', 'assessor-declaration']),
      ...signature,
    }),
    { writes: true },
  ),
  'decision:sign-off': operation<{ status: string; warning?: string }>()(z.object(unit), {
    writes: true,
  }),
  'decision:countersign': operation<{ status: string }>()(z.object({ ...unit, ...signature }), {
    writes: true,
  }),
  'decision:unlock': operation<{ unlocked: boolean }>()(
    z.object({ ...unit, reason: z.string().max(2000) }),
    { writes: true },
  ),
  /** The assessor's choice on a conflict between changes made on two computers. */
  'decision:resolve-conflict': operation<{ resolved: boolean }>()(
    z.object({ ...unit, conflictId: z.string().min(1), choice: z.string().min(1) }),
    { writes: true },
  ),
  /** Learner × unit progress across the centre, for caseload reviews and visit planning. */
  'decision:matrix': operation<ProgressMatrix>()(z.object({})),
  'decision:set-typed-signatures': operation<{ allowTypedSignatures: boolean }>()(
    z.object({ allow: z.boolean() }),
    { writes: true },
  ),
};
