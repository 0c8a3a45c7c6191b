/**
 * Progress reviews in words and dates: the declarations each person signs (by version, as
 * signed), how a carried-in target is answered, and when the next review falls due.
 *
 * Imports nothing, so the learner page and the caseload views use the same schedule as the
 * records and the command line.
 */

export const reviewSignerRoles = ['learner', 'assessor', 'employer'] as const;
export type ReviewSignerRole = (typeof reviewSignerRoles)[number];

/** What each person signs on a progress review, word for word, by version. */
export const reviewDeclarationVersions: Readonly<Record<number, Record<ReviewSignerRole, string>>> =
  {
    1: {
      learner:
        'I took part in this review, it records my progress and my views fairly, and I agree the targets set.',
      assessor:
        'I held this review with the learner; the progress shown is taken from their portfolio on the date of the review, and the targets were agreed with them.',
      employer:
        'I was consulted on this review, my views are recorded fairly, and I will support the learner to meet the targets set.',
    },
  };

/** The version every new review signature is given over. */
export const REVIEW_DECLARATION_VERSION = 1;

export function reviewDeclarationWords(
  role: ReviewSignerRole,
  version: number = REVIEW_DECLARATION_VERSION,
): string {
  const words = reviewDeclarationVersions[version]?.[role];
  if (!words) throw new Error(`There is no review declaration version ${version} for ${role}.`);
  return words;
}

export const reviewSignerLabels: Record<ReviewSignerRole, string> = {
  learner: 'Learner',
  assessor: 'Assessor',
  employer: 'Employer',
};

export const targetOutcomes = ['met', 'partly-met', 'not-met'] as const;
export type TargetOutcome = (typeof targetOutcomes)[number];

export const targetOutcomeLabels: Record<TargetOutcome, string> = {
  met: 'Met',
  'partly-met': 'Partly met',
  'not-met': 'Not met',
};

/** The centre's review interval when it has not set one, and the limits it may set. */
export const DEFAULT_REVIEW_WEEKS = 12;
export const MIN_REVIEW_WEEKS = 1;
export const MAX_REVIEW_WEEKS = 52;
/** What is said when an interval outside those limits is given. */
export const REVIEW_WEEKS_RULE = `The review interval is a whole number of weeks from ${MIN_REVIEW_WEEKS} to ${MAX_REVIEW_WEEKS}.`;
/** A review is "due" this many weeks before the interval ends: weeks 10 to 12 by default. */
export const REVIEW_WINDOW_WEEKS = 2;

export type ReviewDue = 'not-due' | 'due' | 'overdue';

export interface ReviewSchedule {
  /** The last complete review's date, or the first registration's when there has been none. */
  since: string;
  sinceReview: boolean;
  dueFrom: string;
  dueBy: string;
  state: ReviewDue;
}

const DAY = 86_400_000;
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/**
 * When the next review falls due: from (interval − 2) weeks after the last complete review (or
 * the learner's first registration) until the interval is up, and overdue after that.
 */
export function reviewSchedule(
  lastReviewOn: string | null,
  firstRegisteredOn: string | null,
  weeks: number,
  today: string,
): ReviewSchedule | null {
  const since = lastReviewOn ?? firstRegisteredOn;
  if (!since) return null;
  const dueFrom = addDays(since, Math.max(1, weeks - REVIEW_WINDOW_WEEKS) * 7);
  const dueBy = addDays(since, weeks * 7);
  const state: ReviewDue = today > dueBy ? 'overdue' : today >= dueFrom ? 'due' : 'not-due';
  return { since, sinceReview: lastReviewOn !== null, dueFrom, dueBy, state };
}

export const reviewDueLabels: Record<ReviewDue, string> = {
  'not-due': 'Review not yet due',
  due: 'Review due',
  overdue: 'Review overdue',
};

/** A target is flagged when its date has passed and nobody has said it was met. */
export function targetOverdue(byWhen: string, outcome: TargetOutcome | null, today: string) {
  return byWhen < today && outcome !== 'met';
}

interface ReviewStanding {
  revises: string | null;
  supersededBy: string | null;
  signatures: readonly { role: ReviewSignerRole }[];
}

/** A review counts once the learner and the assessor have both signed it. */
export function reviewSignedByBoth(review: Pick<ReviewStanding, 'signatures'>): boolean {
  const roles = new Set(review.signatures.map((s) => s.role));
  return roles.has('learner') && roles.has('assessor');
}

/**
 * Whether a review is the one that stands for its meeting: not replaced by a signed amendment,
 * and not an amendment still waiting for its signatures (the signed version stands until then).
 */
export function reviewStands(review: ReviewStanding): boolean {
  if (review.supersededBy) return false;
  return !review.revises || reviewSignedByBoth(review);
}
