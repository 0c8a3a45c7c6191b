import { listQualifications } from '../qualification/qualification-store';
import { dayOf, type Actor } from '../shared/record';
import { createPlan } from '../sampling/plan-operations';
import {
  assessedRefs,
  saveReview,
  stepAction,
  type ReviewInput,
} from '../sampling/review-operations';
import { academicYear, samplingContext } from '../sampling/sampling-context';
import { samplingStore } from '../sampling/sampling-store';
import { saveStrategy } from '../sampling/strategy-operations';
import type { Prover } from '../shared/proof';
import type { Workspace } from '../workspace/workspace';

const DAY = 86_400_000;
const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * DAY);

function review(
  criteria: string[],
  reviewedOn: string,
  decision: ReviewInput['decision'],
  feedbackToAssessor: string,
  newActions: ReviewInput['newActions'],
): ReviewInput {
  const met = { met: true, comment: '' };
  return {
    status: 'complete',
    reviewedOn,
    criteria: criteria.map((ref) => ({ ref, agree: true, comment: '' })),
    evidenceSampled: [],
    vacsr: {
      valid: met,
      authentic: met,
      current: met,
      sufficient:
        decision === 'agree'
          ? met
          : { met: false, comment: 'Witness testimony is the only evidence for 7.3.' },
      reliable: met,
    },
    feedbackQuality: {
      rating: decision === 'agree' ? 'good' : 'adequate',
      comment:
        decision === 'agree'
          ? 'Feedback is specific and says what was seen.'
          : 'Say what the learner did, not only that the criterion was met.',
    },
    recordsQuality: { rating: 'good', comment: '' },
    decision,
    feedbackToAssessor,
    newActions,
  };
}

type Plan = Awaited<ReturnType<ReturnType<typeof samplingStore>['plan']>>['data']['plan'];
type Sample = Plan['samples'][number];
type Reviewing = {
  workspace: Workspace;
  planId: string;
  margaret: Actor;
  reviewedAt: Date;
  prove: Prover;
};

/** The strategy for the demo qualification and a plan made from it a fortnight ago. */
async function planDemoSampling(
  workspace: Workspace,
  qualificationId: string,
  margaret: Actor,
  now: Date,
): Promise<{ planId: string; plan: Plan }> {
  const assessors = workspace.centre.staff.filter((s) => s.roles.includes('assessor'));
  const year = academicYear(dayOf(now));
  const from = dayOf(daysAgo(now, 90)) < year.from ? dayOf(daysAgo(now, 90)) : year.from;
  // The plan was made a fortnight ago, before the reviews and answers below.
  const planned = daysAgo(now, 14);
  const context = await samplingContext(workspace, qualificationId, dayOf(planned));
  await saveStrategy(
    context,
    {
      statusRates: { new: 100, 'working-towards': 100, experienced: 20 },
      riskRates: { red: 100, amber: 50, green: 15 },
      assessors: assessors.map((a) =>
        a.assessorStatus === 'working-towards'
          ? { assessorId: a.id, risk: 'amber', note: 'Working towards the assessor award.' }
          : { assessorId: a.id, risk: 'green', note: 'Experienced; agreed at standardisation.' },
      ),
      newQualification: false,
      newQualificationRate: 100,
      interimShare: 40,
      period: { from, to: year.to },
    },
    margaret,
    planned,
  );
  const { id: planId } = await createPlan(context, { seed: 2026 }, margaret, planned);
  return { planId, plan: (await samplingStore(workspace).plan(planId)).data.plan };
}

/** The IQA's review of one sample, on the decisions the assessor has made for it. */
async function reviewSample(
  r: Reviewing,
  sample: Sample,
  decision: ReviewInput['decision'],
  feedback: string,
  newActions: ReviewInput['newActions'],
) {
  // The IQA answers only on decisions the assessor has made: there is nothing else to agree with.
  const criteria = [...(await assessedRefs(r.workspace, sample.learnerId, sample.unitId))];
  const reviewedOn = dayOf(r.reviewedAt);
  return saveReview(
    r.workspace,
    r.planId,
    sample.id,
    review(criteria, reviewedOn, decision, feedback, newActions),
    r.margaret,
    r.reviewedAt,
    r.prove,
  );
}

/** The assessor answers the action point and the IQA closes it, on the two days after. */
async function answerAndClose(r: Reviewing, assessorId: string, actionId: string, now: Date) {
  const assessor: Actor = { id: assessorId, role: 'assessor' };
  await stepAction(
    r.workspace,
    r.planId,
    actionId,
    { kind: 'respond', text: 'Feedback rewritten with next steps; the learner has signed it.' },
    assessor,
    daysAgo(now, 2),
  );
  await stepAction(
    r.workspace,
    r.planId,
    actionId,
    { kind: 'close', note: 'Checked: the feedback now gives next steps.' },
    r.margaret,
    daysAgo(now, 1),
  );
}

/**
 * The demo centre's IQA work, on the learners the demo's decisions left at every stage (two of
 * them signed off, so there is summative work to sample as well as work in progress): a strategy for the demo qualification, a plan generated from the
 * learners' real records, and three samples reviewed (one agreed, one with an action point still
 * open, one whose action point the assessor answered and the IQA closed). All of it made by the
 * same operations the sampling screens call.
 */
export async function addDemoSampling(
  workspace: Workspace,
  now: Date,
  prove: Prover,
): Promise<void> {
  const { qualifications } = await listQualifications(workspace.dir);
  const qualification = qualifications[0];
  const iqa = workspace.centre.staff.find((s) => s.roles.includes('iqa'));
  if (!qualification || !iqa) return;
  const margaret: Actor = { id: iqa.id, role: 'iqa' };
  const { planId, plan } = await planDemoSampling(workspace, qualification.id, margaret, now);

  const summative = plan.samples.filter((s) => s.type === 'summative');
  const interim = plan.samples.filter((s) => s.type === 'interim');
  const agreed = summative[0] ?? interim[0];
  const toAction = interim.find((s) => s.id !== agreed?.id);
  const closed = [...summative, ...interim].find(
    (s) => s.id !== agreed?.id && s.id !== toAction?.id,
  );
  const r: Reviewing = { workspace, planId, margaret, reviewedAt: daysAgo(now, 3), prove };
  const due = dayOf(new Date(now.getTime() + 11 * DAY));

  if (agreed) await reviewSample(r, agreed, 'agree', 'Sound decisions, well evidenced.', []);
  if (toAction) {
    await reviewSample(
      r,
      toAction,
      'assessor-to-action',
      'Criterion 7.3 rests on a witness testimony alone; add questioning before the unit is signed off.',
      [
        {
          what: 'Add a short narrative to the witness testimony saying what the witness saw, and pair it with oral questions for 7.3.',
          owner: toAction.assessorId,
          due,
        },
      ],
    );
  }
  if (closed) {
    const saved = await reviewSample(
      r,
      closed,
      'assessor-to-action',
      'The feedback to the learner should say what they did well and what to do next.',
      [
        {
          what: 'Rewrite the feedback on the observation record so it tells the learner what to do next.',
          owner: closed.assessorId,
          due,
        },
      ],
    );
    const action = saved.actionPoints[0];
    if (action) await answerAndClose(r, closed.assessorId, action.id, now);
  }
}
