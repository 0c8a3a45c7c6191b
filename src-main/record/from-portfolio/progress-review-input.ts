import { formatDate } from '../../kernel/dates';
import {
  reviewDeclarationWords,
  reviewStands,
  reviewSignerLabels,
  reviewSignerRoles,
  targetOutcomeLabels,
  targetOverdue,
} from '../../kernel/progress-review-words';
import { UserError } from '../../kernel/user-error';
import type { ProgressReview } from '../../portfolio/progress-review-schema';
import type { ProgressReviewInput } from '../build/progress-review-record';
import { pngFromDataUrl } from './declarations';
import { person, recordContext, type RecordStamp } from './record-context';
import { staffMember, type RecordSource } from './record-source';

const newestFirst = (a: ProgressReview, b: ProgressReview) =>
  b.heldOn.localeCompare(a.heldOn) || b.version - a.version || b.id.localeCompare(a.id);

/** The review asked for by its id, or the learner's latest that stands (not superseded). */
export function chooseReview(source: RecordSource, id: string | undefined): ProgressReview {
  const reviews = [...source.portfolio.progressReviews].sort(newestFirst);
  if (reviews.length === 0)
    throw new UserError(
      'not-found',
      `${source.learner.name} has no progress review yet. Record one on their Reviews tab first.`,
    );
  if (!id) return reviews.find(reviewStands) ?? reviews[0]!;
  const found = reviews.find((r) => r.id === id.trim());
  if (found) return found;
  throw new UserError(
    'not-found',
    `${source.learner.name} has no progress review "${id}". Their reviews: ${reviews
      .map((r) => `${r.id} (${formatDate(r.heldOn)})`)
      .join(', ')}.`,
  );
}

/** The learner's reviews as the Records page offers them: newest first, each in words. */
export function reviewChoices(
  portfolio: Pick<RecordSource['portfolio'], 'progressReviews'>,
): { id: string; label: string }[] {
  return [...portfolio.progressReviews].sort(newestFirst).map((r) => {
    const signed = new Set(r.signatures.map((s) => s.role));
    const complete = signed.has('learner') && signed.has('assessor');
    return {
      id: r.id,
      label: `Review held ${formatDate(r.heldOn)}, ${complete ? 'signed' : 'not yet signed by both'}`,
    };
  });
}

/** One progress review, as it was recorded and signed, for the records engine. */
export function progressReviewInput(
  source: RecordSource,
  review: ProgressReview,
  stamp: RecordStamp,
): ProgressReviewInput {
  const assessor = person(staffMember(source, review.assessorId), 'Assessor', 'Assessor');
  const previous = source.portfolio.progressReviews.find(
    (r) => r.id === review.previousTargets[0]?.fromReviewId,
  );
  const roles = reviewSignerRoles.filter(
    (role) => role !== 'employer' || review.employerName !== '',
  );
  const signed = new Set(review.signatures.map((s) => s.role));
  const complete = signed.has('learner') && signed.has('assessor');
  return {
    ...recordContext(source, stamp, []),
    heldOn: review.heldOn,
    assessor,
    employerName: review.employerName,
    units: review.units.map((u) => ({
      // A unit without codes is known by its title alone.
      ref: u.unitRef === u.title ? '—' : u.unitRef,
      title: u.title,
      met: u.met,
      total: u.total,
      status: u.status,
    })),
    previousHeldOn: previous?.heldOn ?? null,
    previousTargets: review.previousTargets.map((t) => ({
      what: t.what,
      byWhen: t.byWhen,
      who: t.who,
      outcome: t.outcome ? targetOutcomeLabels[t.outcome] : '',
      comment: t.comment,
      overdue: targetOverdue(t.byWhen, t.outcome, review.heldOn),
    })),
    targets: review.targets.map(({ what, byWhen, who }) => ({ what, byWhen, who })),
    wentWell: review.wentWell,
    concerns: review.concerns,
    learnerView: review.learnerView,
    employerView: review.employerView,
    wellbeing: review.wellbeing,
    signatures: roles.map((role) => {
      const s = review.signatures.find((x) => x.role === role);
      const name =
        role === 'learner'
          ? source.learner.name
          : role === 'assessor'
            ? assessor.name
            : review.employerName;
      const drawnPng = s?.method === 'drawn' ? pngFromDataUrl(s.image) : undefined;
      return {
        statement: reviewDeclarationWords(role, s?.declarationVersion),
        person: { name, role: reviewSignerLabels[role] },
        signature: {
          date: s ? s.signedAt.slice(0, 10) : null,
          ...(drawnPng ? { drawnPng } : {}),
          ...(s?.typedName ? { typedName: s.typedName } : {}),
          ...(s ? { declarationVersion: s.declarationVersion } : {}),
        },
      };
    }),
    ...(complete ? {} : { draft: 'not yet signed by the learner and the assessor' }),
    versionNotes: versionNotes(source.portfolio.progressReviews, review),
  };
}

/** What the record says about the review's versions: what it amends, or what superseded it. */
function versionNotes(reviews: readonly ProgressReview[], review: ProgressReview): string[] {
  const signedOn = (r: ProgressReview | undefined) => {
    const last = r?.signatures
      .map((s) => s.signedAt)
      .sort()
      .at(-1);
    return last ? ` signed ${formatDate(last)}` : '';
  };
  const notes: string[] = [];
  if (review.revises) {
    const old = reviews.find((r) => r.id === review.revises);
    notes.push(
      `Version ${review.version}. It amends version ${old?.version ?? review.version - 1} of this review (${review.revises},${signedOn(old)}), which is kept as it was signed. Why it was amended: ${review.amendReason}`,
    );
  }
  if (review.supersededBy) {
    const newer = reviews.find((r) => r.id === review.supersededBy);
    notes.push(
      `Superseded: this version ${review.version} was amended by version ${newer?.version ?? review.version + 1} (${review.supersededBy},${signedOn(newer)}). It is kept as it was signed.`,
    );
  }
  return notes;
}
