import { formatDate } from '../kernel/dates';
import { reviewDecisionLabels } from '../kernel/review-words';
import type { ActionPoint, SampleReview } from '../sampling/review-schema';
import { planLink, sampleLink } from './links';
import type {
  LearnerSampling,
  TimelineEntry,
  TimelineLink,
  TimelineNames,
  TimelineSource,
} from './timeline-entry';

const single = (entry: Omit<TimelineEntry, 'items'>): TimelineEntry => ({ ...entry, items: [] });

/**
 * The IQA's samples of the learner's work: planned (when the plan was made, or changed for a
 * sample added by hand), taken out of a plan, and reviewed. Drafts count nowhere, so they are
 * not on the timeline.
 */
export const samplingSource: TimelineSource = ({ learnerId, sampling, names }) =>
  sampling.flatMap((s) => [
    ...plannedSamples(s, learnerId, names),
    ...removedSamples(s, learnerId, names),
    ...s.reviews
      .filter((r) => r.learnerId === learnerId && r.status === 'complete')
      .map((r) => reviewed(s, r, names)),
  ]);

/** The action points of the IQA's reviews of the learner's work, and each step on them. */
export const actionPointSource: TimelineSource = ({ learnerId, sampling, names }) =>
  sampling.flatMap((s) =>
    s.reviews
      .filter((r) => r.learnerId === learnerId && r.status === 'complete')
      .flatMap((r) =>
        r.actionPoints.flatMap((a) =>
          actionEvents(a, sampleLink(s.plan.qualificationId, s.planId, r.sampleId), names),
        ),
      ),
  );

function plannedSamples(s: LearnerSampling, learnerId: string, names: TimelineNames) {
  return s.plan.samples
    .filter((x) => x.learnerId === learnerId)
    .map((x) =>
      single({
        key: `sample:${s.planId}:${x.id}`,
        kind: 'iqa-sample',
        at: x.origin === 'generated' ? s.createdAt : s.updatedAt,
        who: names.person(x.iqaId),
        what: `${x.type === 'interim' ? 'Interim' : 'Summative'} IQA sample of ${names.unit(x.unitId)} (assessor ${names.person(x.assessorId)}) planned for ${formatDate(x.plannedDate)}${x.actualDate ? `, sampled ${formatDate(x.actualDate)}` : ''}`,
        link: sampleLink(s.plan.qualificationId, s.planId, x.id),
      }),
    );
}

function removedSamples(s: LearnerSampling, learnerId: string, names: TimelineNames) {
  return s.plan.removed
    .filter((x) => x.sample.learnerId === learnerId)
    .map((x) =>
      single({
        key: `sample-removed:${s.planId}:${x.sample.id}`,
        kind: 'iqa-sample',
        at: x.removedOn,
        who: names.person(x.removedBy),
        what: `IQA sample of ${names.unit(x.sample.unitId)} taken out of the plan: ${x.reason}`,
        link: planLink(s.plan.qualificationId, s.planId),
      }),
    );
}

function reviewed(s: LearnerSampling, r: SampleReview, names: TimelineNames): TimelineEntry {
  const decision = r.decision ? reviewDecisionLabels[r.decision] : 'no decision';
  const points = r.actionPoints.length;
  return single({
    key: `review:${s.planId}:${r.id}`,
    kind: 'iqa-sample',
    at: r.reviewedOn,
    who: names.person(r.reviewerId),
    what: `IQA reviewed ${names.unit(r.unitId)} (${r.type}, assessor ${names.person(r.assessorId)}): ${decision}${points ? `, ${points} action ${points === 1 ? 'point' : 'points'}` : ''}`,
    link: sampleLink(s.plan.qualificationId, s.planId, r.sampleId),
  });
}

const stepWords = {
  response: 'Answered the action point',
  closed: 'Closed the action point',
  reopened: 'Reopened the action point',
};

/** An action point raised and each step on it; `eqa` for one from the EQA's report. */
export function actionEvents(
  a: ActionPoint,
  link: TimelineLink,
  names: TimelineNames,
  from: 'iqa' | 'eqa' = 'iqa',
): TimelineEntry[] {
  const eqa = from === 'eqa';
  const raised = single({
    key: `action:${a.id}`,
    kind: 'action-point',
    at: a.raisedOn,
    who: eqa ? `${a.raisedBy} (EQA)` : names.person(a.raisedBy),
    what: `${eqa ? 'EQA action' : 'Action point'} for ${names.person(a.owner)}, due ${formatDate(a.due)}: ${a.what}`,
    link,
  });
  const steps = a.history.map((h, i) =>
    single({
      key: `action:${a.id}:${i}`,
      kind: 'action-point',
      at: h.on,
      who: names.person(h.by),
      what: `${eqa ? stepWords[h.kind].replace('action point', 'EQA action') : stepWords[h.kind]} “${a.what}”${h.text ? `: ${h.text}` : ''}`,
      link,
    }),
  );
  return [raised, ...steps];
}
