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
  const assessors = workspace.centre.staff.filter((s) => s.roles.includes('assessor'));
  if (!qualification || !iqa) return;
  const margaret: Actor = { id: iqa.id, role: 'iqa' };
  const today = dayOf(now);
  const year = academicYear(today);
  const from = dayOf(daysAgo(now, 90)) < year.from ? dayOf(daysAgo(now, 90)) : year.from;

  // The plan was made a fortnight ago, before the reviews and answers below.
  const planned = daysAgo(now, 14);
  const context = await samplingContext(workspace, qualification.id, dayOf(planned));
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
  const plan = (await samplingStore(workspace).plan(planId)).data.plan;

  // The IQA answers only on decisions the assessor has made: there is nothing else to agree with.
  const criteriaOf = async (s: { learnerId: string; unitId: string }) => [
    ...(await assessedRefs(workspace, s.learnerId, s.unitId)),
  ];
  const summative = plan.samples.filter((s) => s.type === 'summative');
  const interim = plan.samples.filter((s) => s.type === 'interim');
  const agreed = summative[0] ?? interim[0];
  const toAction = interim.find((s) => s.id !== agreed?.id);
  const closed = [...summative, ...interim].find(
    (s) => s.id !== agreed?.id && s.id !== toAction?.id,
  );
  const reviewedAt = daysAgo(now, 3);
  const reviewedOn = dayOf(reviewedAt);
  const due = dayOf(new Date(now.getTime() + 11 * DAY));

  if (agreed) {
    await saveReview(
      workspace,
      planId,
      agreed.id,
      review(await criteriaOf(agreed), reviewedOn, 'agree', 'Sound decisions, well evidenced.', []),
      margaret,
      reviewedAt,
      prove,
    );
  }
  const askFor = (s: { assessorId: string }) => [
    {
      what: 'Add a short narrative to the witness testimony saying what the witness saw, and pair it with oral questions for 7.3.',
      owner: s.assessorId,
      due,
    },
  ];
  if (toAction) {
    await saveReview(
      workspace,
      planId,
      toAction.id,
      review(
        await criteriaOf(toAction),
        reviewedOn,
        'assessor-to-action',
        'Criterion 7.3 rests on a witness testimony alone; add questioning before the unit is signed off.',
        askFor(toAction),
      ),
      margaret,
      reviewedAt,
      prove,
    );
  }
  if (closed) {
    const saved = await saveReview(
      workspace,
      planId,
      closed.id,
      review(
        await criteriaOf(closed),
        reviewedOn,
        'assessor-to-action',
        'The feedback to the learner should say what they did well and what to do next.',
        [
          {
            what: 'Rewrite the feedback on the observation record so it tells the learner what to do next.',
            owner: closed.assessorId,
            due,
          },
        ],
      ),
      margaret,
      reviewedAt,
      prove,
    );
    const action = saved.actionPoints[0];
    if (action) {
      const assessor: Actor = { id: closed.assessorId, role: 'assessor' };
      await stepAction(
        workspace,
        planId,
        action.id,
        { kind: 'respond', text: 'Feedback rewritten with next steps; the learner has signed it.' },
        assessor,
        daysAgo(now, 2),
      );
      await stepAction(
        workspace,
        planId,
        action.id,
        { kind: 'close', note: 'Checked: the feedback now gives next steps.' },
        margaret,
        daysAgo(now, 1),
      );
    }
  }
}
