import type { StaffMember } from '../centre/centre-schema';
import type { TargetOutcome } from '../kernel/progress-review-words';
import type { Portfolio } from '../portfolio/portfolio-schema';
import { saveReview, signReview, type ReviewInput } from '../progress-review/review-actions';
import { dayOf, type Actor } from '../shared/record';
import type { Workspace } from '../workspace/workspace';
import { demoSignature } from './demo-signature';

const DAY = 86_400_000;
const daysFrom = (date: Date, days: number) => new Date(date.getTime() + days * DAY);

interface DemoReview {
  learner: string;
  assessor: StaffMember;
  heldDaysAgo: number;
  /** The review was early in the course: nothing was decided yet. */
  beforeDecisions: boolean;
  employerName: string;
  text: Pick<ReviewInput, 'wentWell' | 'concerns' | 'learnerView' | 'employerView' | 'wellbeing'>;
  answers: { outcome: TargetOutcome; comment: string }[];
  targets: { what: string; inDays: number; who: string }[];
}

/** Saves one review as held on its day, then has learner, assessor and employer sign it. */
async function addReview(workspace: Workspace, now: Date, demo: DemoReview, seed: number) {
  const learner = workspace.centre.learners.find((l) => l.name === demo.learner);
  if (!learner) return;
  const { units } = await workspace.listUnits();
  const held = daysFrom(now, -demo.heldDaysAgo);
  const actor: Actor = { id: demo.assessor.id, role: 'assessor' };
  const doc = await workspace.portfolio(learner.id);
  await doc.update((p) => {
    const earlier: Portfolio = demo.beforeDecisions ? { ...p, decisions: [], signOffs: [] } : p;
    const previous = p.progressReviews.at(-1);
    const made = saveReview(
      earlier,
      {
        heldOn: dayOf(held),
        ...demo.text,
        employerName: demo.employerName,
        answers: (previous?.targets ?? []).map((t, i) => ({
          targetId: t.id,
          outcome: demo.answers[i]?.outcome ?? 'not-met',
          comment: demo.answers[i]?.comment ?? '',
        })),
        targets: demo.targets.map((t) => ({
          what: t.what,
          byWhen: dayOf(daysFrom(held, t.inDays)),
          who: t.who,
        })),
      },
      { units, staff: workspace.centre.staff, assessorId: demo.assessor.id },
      actor,
      held,
    );
    const review = made.review;
    // An early review keeps the progress of its day; the rest of the portfolio is as it is now.
    let saved: Portfolio = {
      ...p,
      progressReviews: made.portfolio.progressReviews,
      audit: made.portfolio.audit,
    };
    const signers = [
      { role: 'learner' as const, personId: learner.id, name: learner.name },
      { role: 'assessor' as const, personId: demo.assessor.id, name: demo.assessor.name },
      ...(demo.employerName
        ? [{ role: 'employer' as const, personId: '', name: demo.employerName }]
        : []),
    ];
    signers.forEach((s, i) => {
      saved = signReview(
        saved,
        { reviewId: review.id, ...s, method: 'drawn', image: demoSignature(seed + i) },
        false,
        actor,
        held,
      );
    });
    return saved;
  });
}

type Assessors = { qualified: StaffMember; workingTowards: StaffMember };
/** A demo review, with the assessor named by their demo role and the seed of its signatures. */
type ReviewRow = Omit<DemoReview, 'assessor'> & { assessor: keyof Assessors; seed: number };

const LUKASZ = 'Łukasz Wójcik';

/**
 * Progress reviews for the demo: Łukasz had one early in the course and one this week, at which two of the three targets set
 * were missed (his rota changed); Daniel's last review was thirteen weeks ago, so his next is
 * overdue.
 */
const demoReviews: readonly ReviewRow[] = [
  {
    learner: LUKASZ,
    assessor: 'workingTowards',
    heldDaysAgo: 98,
    beforeDecisions: true,
    employerName: 'Graham Pike, station supervisor',
    text: {
      wentWell:
        'Settled well into the customer service role at York station. Has read the unit specifications and understands how evidence is mapped.',
      concerns: 'None yet.',
      learnerView: 'Looking forward to being observed at the ticket office.',
      employerView:
        'Łukasz is polite and calm with passengers; we will release him for observations.',
      wellbeing:
        'Coloured overlays and 25% extra time for written questions agreed and in place. No other support needs raised.',
    },
    answers: [],
    targets: [
      {
        what: 'Collect two written customer feedback forms on complaints you handled and add them to your portfolio.',
        inDays: 35,
        who: 'Łukasz, with his line manager',
      },
      {
        what: 'Answer the written questions on the complaints procedure (25% extra time agreed).',
        inDays: 42,
        who: 'Łukasz',
      },
      {
        what: 'Arrange an observation of a customer problem being handled at the ticket office.',
        inDays: 28,
        who: 'Tom Fletcher (assessor) and Graham Pike',
      },
    ],
    seed: 11,
  },
  {
    learner: LUKASZ,
    assessor: 'workingTowards',
    heldDaysAgo: 4,
    beforeDecisions: false,
    employerName: 'Graham Pike, station supervisor',
    text: {
      wentWell:
        'The ticket office observation went well and covers much of the external customers unit.',
      concerns:
        'Two targets were missed: the winter timetable changed his shifts and left no study time. Written questions not started.',
      learnerView: 'I want protected time on a quiet shift to do the written work.',
      employerView: 'We can give him two hours each Tuesday morning from January.',
      wellbeing:
        'Tired after the rota change; knows how to reach the learner support team. Overlays still in use.',
    },
    answers: [
      { outcome: 'partly-met', comment: 'One feedback form added; the second is still to come.' },
      { outcome: 'not-met', comment: 'Not started: no study time after the rota change.' },
      { outcome: 'met', comment: 'Observed at the ticket office.' },
    ],
    targets: [
      {
        what: 'Answer the written questions on the complaints procedure in the Tuesday study time.',
        inDays: 35,
        who: 'Łukasz',
      },
      {
        what: 'Add the second customer feedback form to the portfolio.',
        inDays: 21,
        who: 'Łukasz, with Graham Pike',
      },
    ],
    seed: 21,
  },
  {
    learner: 'Daniel Hughes',
    assessor: 'qualified',
    heldDaysAgo: 91,
    beforeDecisions: true,
    employerName: '',
    text: {
      wentWell: 'Good first month on reception at the Scarborough hotel.',
      concerns: 'Few complaints reach him, so evidence may be slow to gather.',
      learnerView: 'Happy with the plan.',
      employerView: '',
      wellbeing: 'No support needs raised.',
    },
    answers: [],
    targets: [
      {
        what: 'Keep a log of customer problems handled at reception for the observation.',
        inDays: 42,
        who: 'Daniel',
      },
    ],
    seed: 31,
  },
];

/** Progress reviews for the demo, held and signed on their days (see `demoReviews`). */
export async function addDemoReviews(
  workspace: Workspace,
  now: Date,
  assessors: Assessors,
): Promise<void> {
  for (const { seed, assessor, ...review } of demoReviews) {
    await addReview(workspace, now, { ...review, assessor: assessors[assessor] }, seed);
  }
}
