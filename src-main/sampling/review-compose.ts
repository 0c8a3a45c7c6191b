import { auditEntry } from '../audit/audit';
import { UserError } from '../kernel/user-error';
import { newId } from '../shared/ids';
import type { Prover } from '../shared/proof';
import { stamp, type Actor } from '../shared/record';
import { raiseAction } from './action-loop';
import type { openPlan } from './plan-operations';
import { reviewPayload } from './review-proof';
import {
  sampleReviewSchema,
  type ActionPoint,
  type SampleReview,
  type SampleReviewInput,
} from './review-schema';

export type ReviewInput = Omit<
  SampleReviewInput,
  | 'id'
  | 'updatedAt'
  | 'updatedBy'
  | 'sampleId'
  | 'learnerId'
  | 'unitId'
  | 'assessorId'
  | 'reviewerId'
  | 'type'
  | 'actionPoints'
> & { newActions: { what: string; owner?: string; due: string }[] };

type PlanSample = Awaited<ReturnType<typeof openPlan>>['file']['plan']['samples'][number];

/** The review as it will be saved, with the action points it raises, signed when a prover is given. */
export function composeReview(
  input: ReviewInput,
  existing: SampleReview | undefined,
  sample: PlanSample,
  actor: Actor,
  now: Date,
  prove: Prover | undefined,
): { review: SampleReview; raised: ActionPoint[] } {
  const raised: ActionPoint[] = input.newActions.map((a) =>
    raiseAction({
      id: newId('ap'),
      sampleId: sample.id,
      what: a.what,
      owner: a.owner || sample.assessorId,
      raisedBy: actor.id,
      raisedOn: input.reviewedOn,
      due: a.due,
    }),
  );
  const { newActions: _newActions, ...fields } = input;
  const parsed = sampleReviewSchema.safeParse({
    ...fields,
    id: existing?.id ?? newId('rv'),
    ...stamp(actor, now),
    sampleId: sample.id,
    learnerId: sample.learnerId,
    unitId: sample.unitId,
    assessorId: sample.assessorId,
    reviewerId: actor.id,
    type: sample.type,
    actionPoints: [...(existing?.actionPoints ?? []), ...raised],
    ...(existing?.assessorAcknowledgedOn
      ? { assessorAcknowledgedOn: existing.assessorAcknowledgedOn }
      : {}),
  });
  if (!parsed.success) {
    throw new UserError(
      'invalid-input',
      `The review was not saved: ${parsed.error.issues[0]?.message ?? 'check the form'}.`,
    );
  }
  const { proof: _earlier, ...decided } = parsed.data;
  const review: SampleReview = prove
    ? { ...decided, proof: prove(actor.id, reviewPayload(decided)) }
    : decided;
  return { review, raised };
}

/** The review on the plan's audit trail, worded by what it was before. */
export function reviewAudit(
  actor: Actor,
  now: Date,
  sample: PlanSample,
  existing: SampleReview | undefined,
  review: SampleReview,
  raised: ActionPoint[],
) {
  const complete = review.status === 'complete';
  return auditEntry(
    actor,
    now,
    !complete
      ? 'saved draft sample review'
      : existing?.status === 'complete'
        ? 'changed sample review'
        : 'reviewed sample',
    `sample ${sample.id}`,
    {
      ...(existing ? { before: { decision: existing.decision, status: existing.status } } : {}),
      after: {
        decision: review.decision,
        status: review.status,
        actionPoints: raised.map((a) => a.what),
      },
      subject: { learnerId: sample.learnerId, unitId: sample.unitId },
    },
  );
}
