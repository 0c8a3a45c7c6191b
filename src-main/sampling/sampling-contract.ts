import { z } from 'zod';
import { operation } from '../shared/operation';
import { isoDate } from '../shared/record';
import type { CertificationCheck } from './review';
import { qualityRatings, reviewDecisions, reviewStatuses } from './review-schema';
import type { ActionPoint, SampleReview } from './review-schema';
import { assessorStatuses, riskRatings, sampleTypes } from './population';
import type {
  ActionItemView,
  PlanView,
  ProposalView,
  SampleDetail,
  SamplingOverview,
  StrategyView,
} from './sampling-views';
import type { SamplingStrategy } from './strategy';
import type { RecordPreview } from '../record/record-views';
import type { SavedReport } from '../record/issue/saved-reports';

export type * from './sampling-views';
export type { SavedReport } from '../record/issue/saved-reports';

const id = z.string().min(1);
const planId = z.string().regex(/^sp-[0-9a-f]+$/, 'must be a plan id');
const percent = z.number().min(0).max(100);
const words = z.string().trim().max(4000);
const seed = z.union([z.number().int(), z.string().trim().min(1).max(60)]);

const strategyInput = z.object({
  qualificationId: id,
  statusRates: z.object({ new: percent, 'working-towards': percent, experienced: percent }),
  riskRates: z.object({ red: percent, amber: percent, green: percent }),
  assessors: z.array(
    z.object({
      assessorId: id,
      status: z.enum(assessorStatuses).optional(),
      risk: z.enum(riskRatings).optional(),
      rate: percent.optional(),
      note: words.optional(),
    }),
  ),
  newQualification: z.boolean(),
  newQualificationRate: percent,
  interimShare: percent,
  period: z.object({ from: isoDate, to: isoDate }),
});

// `null` is "not answered yet": a draft may leave anything open; a complete review may not.
const check = z.object({ met: z.boolean().nullable(), comment: words.default('') });
const quality = z.object({
  rating: z.enum(qualityRatings).nullable(),
  comment: words.default(''),
});

const reviewInput = z.object({
  planId,
  sampleId: id,
  reviewedOn: isoDate,
  criteria: z.array(
    z.object({ ref: id, agree: z.boolean().nullable(), comment: words.default('') }),
  ),
  evidenceSampled: z.array(z.string()).default([]),
  vacsr: z.object({
    valid: check,
    authentic: check,
    current: check,
    sufficient: check,
    reliable: check,
  }),
  feedbackQuality: quality,
  recordsQuality: quality,
  decision: z.enum(reviewDecisions).nullable(),
  /** Save what is answered so far (`draft`), or finish the review (`complete`), which counts. */
  status: z.enum(reviewStatuses).default('complete'),
  feedbackToAssessor: words.default(''),
  newActions: z
    .array(z.object({ what: words, owner: z.string().optional(), due: isoDate }))
    .default([]),
});

export const samplingOperations = {
  'sampling:overview': operation<SamplingOverview>()(z.object({})),
  'sampling:get-strategy': operation<StrategyView>()(z.object({ qualificationId: id })),
  'sampling:save-strategy': operation<SamplingStrategy>()(strategyInput, { writes: true }),
  'sampling:propose-plan': operation<ProposalView>()(
    z.object({ qualificationId: id, seed, from: isoDate.optional(), to: isoDate.optional() }),
  ),
  'sampling:create-plan': operation<{ id: string }>()(
    z.object({ qualificationId: id, seed, from: isoDate.optional(), to: isoDate.optional() }),
    { writes: true },
  ),
  'sampling:get-plan': operation<PlanView>()(z.object({ planId })),
  'sampling:add-sample': operation<PlanView>()(
    z.object({
      planId,
      learnerId: id,
      unitId: id,
      iqaId: id,
      plannedDate: isoDate,
      type: z.enum(sampleTypes).optional(),
      reason: words.optional(),
    }),
    { writes: true },
  ),
  'sampling:remove-sample': operation<PlanView>()(
    z.object({ planId, sampleId: id, reason: words }),
    { writes: true },
  ),
  'sampling:reschedule-sample': operation<PlanView>()(
    z.object({ planId, sampleId: id, plannedDate: isoDate }),
    { writes: true },
  ),
  'sampling:open-sample': operation<SampleDetail>()(z.object({ planId, sampleId: id })),
  'sampling:save-review': operation<SampleReview>()(reviewInput, { writes: true }),
  'sampling:respond-action': operation<ActionPoint>()(
    z.object({ planId, actionId: id, text: words }),
    { writes: true },
  ),
  'sampling:close-action': operation<ActionPoint>()(
    z.object({ planId, actionId: id, note: words.optional() }),
    { writes: true },
  ),
  'sampling:reopen-action': operation<ActionPoint>()(
    z.object({ planId, actionId: id, reason: words, due: isoDate.optional() }),
    { writes: true },
  ),
  'sampling:save-report': operation<{ path: string }>()(
    z.object({
      planId,
      format: z.enum(['pdf', 'docx']),
      sampleId: z
        .string()
        .regex(/^sm-[0-9a-f]+$/, 'must be a sample id')
        .optional(),
      /** Seal the PDF with the signing identity of the IQA using the workbench. */
      sign: z.boolean().optional(),
      passphrase: z.string().max(1000).optional(),
    }),
    { writes: true },
  ),
  /** The reports and sample records of a plan saved in the workspace so far. */
  'sampling:saved-reports': operation<SavedReport[]>()(z.object({ planId })),
  /** A saved report or record, to read on screen. */
  'sampling:open-report': operation<RecordPreview>()(
    z.object({ path: z.string().min(1).max(300) }),
  ),
  'sampling:my-actions': operation<ActionItemView[]>()(z.object({})),
  'sampling:can-claim': operation<CertificationCheck>()(z.object({ learnerId: id, unitId: id })),
};
