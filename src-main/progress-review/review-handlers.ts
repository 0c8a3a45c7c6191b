import type { HandlerMap } from '../api/handler';
import type { Workbench } from '../app/workbench';
import { auditEntry } from '../audit/audit';
import { UserError } from '../kernel/user-error';
import { mapLimit } from '../shared/map-limit';
import { dayOf, stamp } from '../shared/record';
import { saveReview, signReview } from './review-actions';
import { amendReview } from './review-amend';
import type { progressReviewOperations } from './review-contract';
import { learnerReviewSchedule, lastCompleteReview } from './review-schedule';
import { reviewsView } from './review-list';

/** The assessor using the workbench: only an assessor records and signs a review as assessor. */
function assessor(wb: Workbench) {
  const user = wb.signedIn();
  if (!user || user.role !== 'assessor')
    throw new UserError(
      'forbidden',
      'Only an assessor records a progress review. Choose yourself as assessor (top right) first.',
    );
  return user.person;
}

export const progressReviewHandlers: HandlerMap<keyof typeof progressReviewOperations> = {
  'review:list': async ({ learnerId }, wb) => {
    const workspace = wb.workspace;
    const learner = workspace.learner(learnerId);
    const [doc, { units }] = await Promise.all([
      workspace.portfolio(learnerId),
      workspace.listUnits(),
    ]);
    const user = wb.signedIn();
    return reviewsView({
      learner,
      portfolio: doc.data,
      units,
      centre: workspace.centre,
      canRecord: user?.role === 'assessor',
      today: dayOf(wb.clock()),
    });
  },

  'review:save': async ({ learnerId, ...input }, wb) => {
    const person = assessor(wb);
    const workspace = wb.workspace;
    const [doc, { units }] = await Promise.all([
      workspace.portfolio(learnerId),
      workspace.listUnits(),
    ]);
    let id = '';
    await doc.update((p) => {
      const saved = saveReview(
        p,
        input,
        { units, staff: workspace.centre.staff, assessorId: person.id },
        wb.actor(),
        wb.clock(),
      );
      id = saved.review.id;
      return saved.portfolio;
    });
    return { id };
  },

  'review:sign': async ({ learnerId, reviewId, role, ...signature }, wb) => {
    const workspace = wb.workspace;
    const learner = workspace.learner(learnerId);
    const person = assessor(wb);
    const doc = await workspace.portfolio(learnerId);
    await doc.update((p) =>
      signReview(
        p,
        {
          reviewId,
          role,
          personId: role === 'learner' ? learner.id : person.id,
          name: role === 'learner' ? learner.name : person.name,
          ...signature,
        },
        workspace.centre.centre.allowTypedSignatures,
        wb.actor(),
        wb.clock(),
      ),
    );
    return { signed: true };
  },

  'review:amend': async ({ learnerId, reviewId, reason }, wb) => {
    assessor(wb);
    const doc = await wb.workspace.portfolio(learnerId);
    let id = '';
    await doc.update((p) => {
      const amended = amendReview(p, reviewId, reason, wb.actor(), wb.clock());
      id = amended.review.id;
      return amended.portfolio;
    });
    return { id };
  },

  'review:due': async (_input, wb) => {
    const workspace = wb.workspace;
    const weeks = workspace.centre.centre.reviewIntervalWeeks;
    const today = dayOf(wb.clock());
    const rows = await mapLimit(
      workspace.centre.learners.filter((l) => !l.archived),
      16,
      async (learner) => {
        try {
          return await workspace.portfolios.summarise(learner, (p) => {
            const schedule = learnerReviewSchedule(p, weeks, today);
            return schedule
              ? [
                  {
                    learnerId: learner.id,
                    state: schedule.state,
                    dueFrom: schedule.dueFrom,
                    dueBy: schedule.dueBy,
                    lastReviewOn: lastCompleteReview(p)?.heldOn ?? null,
                  },
                ]
              : [];
          });
        } catch {
          // An unreadable portfolio is reported by the learner list itself.
          return [];
        }
      },
    );
    return rows.flat();
  },

  'review:set-interval': async ({ weeks }, wb) => {
    const actor = wb.actor();
    const now = wb.clock();
    await wb.workspace.changeCentre((c) => {
      if (c.centre.reviewIntervalWeeks === weeks) return { centre: c, result: null };
      const entry = auditEntry(actor, now, 'changed progress review interval', 'centre', {
        before: { reviewIntervalWeeks: c.centre.reviewIntervalWeeks },
        after: { reviewIntervalWeeks: weeks },
      });
      return {
        centre: {
          ...c,
          centre: { ...c.centre, ...stamp(actor, now), reviewIntervalWeeks: weeks },
          audit: [...c.audit, entry],
        },
        result: null,
      };
    });
    return { weeks };
  },
};
