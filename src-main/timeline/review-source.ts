import { formatDate } from '../kernel/dates';
import { reviewSignerLabels } from '../kernel/progress-review-words';
import type { Portfolio } from '../portfolio/portfolio-schema';
import type { ProgressReview } from '../portfolio/progress-review-schema';
import { learnerTab } from './links';
import type { TimelineEntry, TimelineNames, TimelineSource } from './timeline-entry';

const single = (entry: Omit<TimelineEntry, 'items'>): TimelineEntry => ({ ...entry, items: [] });

const versionWords = (r: ProgressReview) => (r.version > 1 ? ` (version ${r.version})` : '');

/**
 * Progress reviews: each one held (on its day), each amendment of a signed one (when it was
 * made), and each signature on either. Every entry opens the review on the Reviews tab.
 */
export const reviewSource: TimelineSource = ({ learnerId, portfolio, names }) =>
  portfolio.progressReviews.flatMap((r) => {
    const link = learnerTab(learnerId, 'reviews', { review: r.id });
    const first = r.revises ? amended(portfolio, r, names) : held(r, names);
    const signatures = r.signatures.map((s) =>
      single({
        key: `review-signed:${r.id}:${s.role}`,
        kind: 'review',
        at: s.signedAt,
        who: s.name,
        what: `${reviewSignerLabels[s.role]} signed the progress review of ${formatDate(r.heldOn)}${versionWords(r)}`,
        link,
      }),
    );
    return [{ ...first, link }, ...signatures];
  });

function held(r: ProgressReview, names: TimelineNames): TimelineEntry {
  const answered = r.previousTargets.filter((t) => t.outcome !== null);
  const met = answered.filter((t) => t.outcome === 'met').length;
  const targets = r.targets.length;
  return single({
    key: `review:${r.id}`,
    kind: 'review',
    at: r.heldOn,
    who: names.person(r.assessorId),
    what: [
      `Progress review held with ${names.person(r.assessorId)}`,
      answered.length ? `${met} of ${answered.length} earlier targets met` : '',
      `${targets} ${targets === 1 ? 'target' : 'targets'} set`,
      r.supersededBy ? 'since amended' : '',
    ]
      .filter(Boolean)
      .join(', '),
    link: { query: {}, label: '' },
  });
}

function amended(portfolio: Portfolio, r: ProgressReview, names: TimelineNames): TimelineEntry {
  // The amendment is made when the audit trail says so; its record keeps only the meeting's day.
  const made = portfolio.audit.find((a) => a.target === `review ${r.id}`);
  return single({
    key: `review-amended:${r.id}`,
    kind: 'review',
    at: made?.at ?? r.updatedAt,
    who: names.person(made?.by ?? r.updatedBy),
    what: `Progress review of ${formatDate(r.heldOn)} amended (version ${r.version})${r.amendReason ? `: ${r.amendReason}` : ''}${r.supersededBy ? ', since amended again' : ''}`,
    link: { query: {}, label: '' },
  });
}
