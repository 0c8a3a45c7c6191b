import { plural } from './coverage';
import type { AssessorCompliance, PlanVsActual } from './dashboard';
import type { Sample } from './plan-schema';
import { vacsrChecks, type ActionPoint, type SampleReview } from './review-schema';

export interface TrendInput {
  samples: readonly Sample[];
  reviews: readonly SampleReview[];
  compliance: readonly AssessorCompliance[];
  progress: PlanVsActual;
  overdueActions: readonly ActionPoint[];
  gaps: readonly string[];
  person: (id: string) => string;
}

const vacsrWords = {
  valid: 'valid',
  authentic: 'authentic',
  current: 'current',
  sufficient: 'sufficient',
  reliable: 'reliable',
} as const;

/**
 * What an EQA would ask about first, in plain sentences: assessors whose decisions the IQA
 * often does not agree with, checks that keep failing, methods behind the disagreements, actions
 * and samples running late, and rates not being met.
 */
export function samplingTrends(input: TrendInput): string[] {
  const trends: string[] = [];
  const notAgreed = input.reviews.filter((r) => r.decision !== 'agree');

  const byAssessor = new Map<string, { reviewed: number; notAgreed: number }>();
  for (const r of input.reviews) {
    const entry = byAssessor.get(r.assessorId) ?? { reviewed: 0, notAgreed: 0 };
    entry.reviewed++;
    if (r.decision !== 'agree') entry.notAgreed++;
    byAssessor.set(r.assessorId, entry);
  }
  for (const [assessorId, counts] of [...byAssessor.entries()].sort(([a], [b]) =>
    a < b ? -1 : 1,
  )) {
    if (counts.notAgreed === 0) continue;
    trends.push(
      `${input.person(assessorId)}: ${counts.notAgreed} of ${plural(counts.reviewed, 'reviewed sample')} not agreed (assessor to action or referred).`,
    );
  }

  for (const check of vacsrChecks) {
    const failed = input.reviews.filter((r) => !r.vacsr[check].met).length;
    if (failed > 0) {
      trends.push(
        `Evidence was not judged ${vacsrWords[check]} in ${failed} of ${plural(input.reviews.length, 'review')}.`,
      );
    }
  }

  if (notAgreed.length >= 2) {
    const methodCounts = new Map<string, number>();
    for (const r of notAgreed) {
      const sample = input.samples.find((s) => s.id === r.sampleId);
      for (const m of new Set(sample?.methods ?? []))
        methodCounts.set(m, (methodCounts.get(m) ?? 0) + 1);
    }
    const shared = [...methodCounts.entries()]
      .filter(([, count]) => count === notAgreed.length)
      .map(([method]) => method)
      .sort();
    if (shared.length > 0) {
      trends.push(`Every sample not agreed (${notAgreed.length}) used ${shared.join(', ')}.`);
    }
  }

  const weakFeedback = input.reviews.filter(
    (r) => r.feedbackQuality.rating === 'needs improvement',
  );
  if (weakFeedback.length > 0) {
    trends.push(
      `Assessor feedback to learners needed improving in ${weakFeedback.length} of ${plural(input.reviews.length, 'review')}.`,
    );
  }

  if (input.overdueActions.length > 0) {
    const owners = [...new Set(input.overdueActions.map((a) => input.person(a.owner)))].sort();
    trends.push(
      `${plural(input.overdueActions.length, 'action point')} overdue (${owners.join(', ')}).`,
    );
  }
  if (input.progress.overdue > 0) {
    trends.push(
      `${plural(input.progress.overdue, 'sample')} past the planned date and not yet done.`,
    );
  }
  for (const c of input.compliance) {
    if (!c.compliant && c.required > 0) {
      trends.push(
        `${c.name}'s sample is behind the ${c.rate}% rate: ${c.done} of the ${c.required} needed have been carried out.`,
      );
    }
  }
  if (input.gaps.length > 0) {
    trends.push(`${plural(input.gaps.length, 'coverage gap')} in the plan (listed above).`);
  }
  return trends;
}
